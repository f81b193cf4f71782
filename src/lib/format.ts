// Words and numbers for people, in the page's language (src/lib/i18n.ts): call these while a page
// renders, never at a module's top level (the language is the request's).
import { getLocale, INTL_TAG } from './i18n';
import { m } from './paraglide/messages';

export function formatMonths([from, to]: readonly [number, number] | [number, number]): string {
	return from === to ? m.format_month({ n: from }) : m.format_months({ from, to });
}

export function formatMinutes(minutes: number): string {
	if (minutes < 60) return `${minutes} min`;
	const h = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

const LEVELS: Record<string, () => string> = {
	foundation: m.level_foundation,
	intermediate: m.level_intermediate,
	'job-ready': m.level_job_ready
};
/** A module's level in words: Foundation, Intermediate, Job-ready. */
export const levelLabel = (level: string): string => LEVELS[level]?.() ?? level;

const KINDS: Record<string, () => string> = {
	phase: m.kind_phase,
	modules: m.kind_modules,
	project: m.kind_project,
	certification: m.kind_certification,
	activity: m.kind_activity
};
/** A portfolio item's kind in words. */
export const portfolioKindLabel = (kind: string): string => KINDS[kind]?.() ?? kind;

const STATES: Record<string, () => string> = {
	done: m.item_done,
	todo: m.item_todo,
	locked: m.item_locked
};
/** A portfolio item's state in words: ✓ Done, To do, Locked. */
export const itemStateLabel = (state: string): string => STATES[state]?.() ?? state;

/** `2026-11-23` → `23 Nov 2026` (`23 nov. 2026` in French), without time-zone shifts. */
export function formatDay(day: string): string {
	const [y, mo, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y!, mo! - 1, d!)).toLocaleDateString(INTL_TAG[getLocale()], {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** Points for people: at most one decimal, none when whole (`7`, `0.5`, `1.2`). */
export function formatPoints(x: number): string {
	return (Math.round(x * 10) / 10).toLocaleString(INTL_TAG[getLocale()]);
}

/** A share as a whole percentage, rounded down so that a score short of a mark never reads as it. */
export function formatShare(done: number, total: number): string {
	return `${total === 0 ? 0 : Math.floor((done / total) * 100 + 1e-9)} %`;
}
