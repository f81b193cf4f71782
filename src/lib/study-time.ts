// Study time in words, for the dashboard's estimates.

/** "~1½ h", "~25 min", "0 min". */
export function studied(minutes: number): string {
	if (minutes === 0) return '0 min';
	if (minutes < 60) return `~${minutes} min`;
	const h = Math.round((minutes / 60) * 2) / 2;
	return `~${String(h).replace('.5', '½')} h`;
}
