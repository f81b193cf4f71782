// Study time, in the unit a learner plans with: hours, and hours a week over the months given.
// The words are in the page's language: call these while a page renders (src/lib/i18n.ts).
import { formatNumber, plural } from '../i18n';
import { m } from '../paraglide/messages';

const WEEKS_PER_MONTH = 52 / 12;

export interface PhaseTime {
	months: readonly [number, number];
	/** The phase's study hours as authored, if any. */
	hours?: number;
	/** Reading and quiz minutes of its modules. */
	minutes: number;
}

/** A phase's study hours: as authored, and never less than its modules take. */
export function phaseHours(phase: PhaseTime): number {
	return Math.max(phase.hours ?? 0, Math.ceil(phase.minutes / 60));
}

/** How many months from the first phase's first month to the last phase's last one. */
export function spanMonths(phases: readonly PhaseTime[]): number {
	if (!phases.length) return 0;
	const first = Math.min(...phases.map((p) => p.months[0]));
	const last = Math.max(...phases.map((p) => p.months[1]));
	return last - first + 1;
}

/** "about 4 h a week", "about 45 min a week": hours spread evenly over the months. */
export function weeklyPace(hours: number, months: number): string {
	const perWeek = hours / (months * WEEKS_PER_MONTH);
	if (perWeek < 0.875)
		return m.catalog_pace_minutes({ n: Math.max(15, Math.round((perWeek * 60) / 15) * 15) });
	const rounded = Math.round(perWeek * 2) / 2;
	return m.catalog_pace_hours({ n: formatNumber(rounded).replace(/[.,]5$/, '½') });
}

/** "200 h of study · about 4 h a week for 12 months". */
export function studyPlan(phases: readonly PhaseTime[]): string {
	const hours = phases.reduce((n, p) => n + phaseHours(p), 0);
	const months = spanMonths(phases);
	return plural(
		months,
		(i) =>
			m.catalog_pace_plan_one({
				...i,
				hours: formatNumber(hours),
				pace: weeklyPace(hours, months)
			}),
		(i) =>
			m.catalog_pace_plan_other({
				...i,
				hours: formatNumber(hours),
				pace: weeklyPace(hours, months)
			})
	);
}
