export function formatMonths([from, to]: readonly [number, number] | [number, number]): string {
	return from === to ? `month ${from}` : `months ${from}–${to}`;
}

export function formatMinutes(minutes: number): string {
	if (minutes < 60) return `${minutes} min`;
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export const LEVEL_LABELS: Record<string, string> = {
	foundation: 'Foundation',
	intermediate: 'Intermediate',
	'job-ready': 'Job-ready'
};

export const PORTFOLIO_KIND_LABELS: Record<string, string> = {
	phase: 'Phase',
	modules: 'Modules',
	project: 'Project',
	certification: 'Certification',
	activity: 'Activity'
};

export const ITEM_STATE_LABELS: Record<string, string> = {
	done: '✓ Done',
	todo: 'To do',
	locked: 'Locked'
};

/** `2026-11-23` → `23 Nov 2026`, without time-zone shifts. */
export function formatDay(day: string): string {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** Points for people: at most one decimal, none when whole (`7`, `0.5`, `1.2`). */
export function formatPoints(x: number): string {
	return String(Math.round(x * 10) / 10);
}

/** A share as a whole percentage, rounded down so that a score short of a mark never reads as it. */
export function formatShare(done: number, total: number): string {
	return `${total === 0 ? 0 : Math.floor((done / total) * 100 + 1e-9)} %`;
}
