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
