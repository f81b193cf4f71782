/** The colour themes a learner can choose; `system` follows the device (prefers-color-scheme). */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'jalons_theme';
export const THEME_LABELS: Record<Theme, string> = {
	system: 'System',
	light: 'Light',
	dark: 'Dark'
};

export function parseTheme(value: unknown): Theme {
	return THEMES.includes(value as Theme) ? (value as Theme) : 'system';
}
