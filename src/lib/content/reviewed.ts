import type { Problem } from './problems';
import type { YamlSource } from './yaml';

/** How long a module's facts are trusted before `courses:check` asks for a new review. */
export const REVIEW_MONTHS = 12;

/** Today as `YYYY-MM-DD` in UTC, the form the frontmatter dates take. */
export function todayUtc(): string {
	return new Date().toISOString().slice(0, 10);
}

/** The date `months` months before `day` (both `YYYY-MM-DD`); the 31st of a short month rolls back to its last day. */
export function monthsBefore(day: string, months: number): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const total = y * 12 + (m - 1) - months;
	const year = Math.floor(total / 12);
	const month = (total % 12) + 1;
	const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * Warns about every module whose `reviewed` date is more than REVIEW_MONTHS months before `today`
 * (facts in fast-moving fields go stale), or after `today` (a date nobody has reached cannot be a
 * review). Warnings, not errors: an old review still builds, it asks an author to look again.
 */
export function checkReviewed(
	modules: Iterable<{ id: string; file: string; reviewed: string }>,
	sources: Map<string, YamlSource>,
	today: string = todayUtc()
): Problem[] {
	const cutoff = monthsBefore(today, REVIEW_MONTHS);
	const problems: Problem[] = [];
	for (const mod of modules) {
		const line = sources.get(mod.id)?.lineOf(['reviewed']) ?? 1;
		if (mod.reviewed < cutoff)
			problems.push({
				file: mod.file,
				line,
				message: `reviewed ${mod.reviewed}: older than ${REVIEW_MONTHS} months — re-check facts and update it`,
				severity: 'warning'
			});
		else if (mod.reviewed > today)
			problems.push({
				file: mod.file,
				line,
				message: `reviewed ${mod.reviewed}: a date after today (${today}) — set the date the module was actually reviewed`,
				severity: 'warning'
			});
	}
	return problems;
}
