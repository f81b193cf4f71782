import { m } from '$lib/paraglide/messages';
/** The colour themes a learner can choose; `system` follows the device (prefers-color-scheme). */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'jalons_theme';
/** A theme's name in the page's language. */
export const themeLabel = (t: Theme): string =>
	({ system: m.theme_system, light: m.theme_light, dark: m.theme_dark })[t]();

export function parseTheme(value: unknown): Theme {
	return THEMES.includes(value as Theme) ? (value as Theme) : 'system';
}
