export type Severity = 'error' | 'warning';

/** One thing wrong in a course file, located for a human: `file:line: message`. */
export interface Problem {
	file: string;
	line: number;
	message: string;
	severity: Severity;
}

export function formatProblem(p: Problem): string {
	return `${p.file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Thrown by loaders when the catalog has errors; its message lists every one of them. */
export class CatalogError extends Error {
	constructor(readonly problems: Problem[]) {
		const errors = problems.filter((p) => p.severity === 'error');
		super(
			`The course catalog has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n` +
				errors.map(formatProblem).join('\n')
		);
		this.name = 'CatalogError';
	}
}

/** Levenshtein distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let prev = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const tmp = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
			prev = tmp;
		}
	}
	return row[b.length]!;
}

/** ` — did you mean "x"?` when a known name is close enough, else an empty string. */
export function didYouMean(word: string, known: Iterable<string>): string {
	let best: string | undefined;
	let bestScore = Infinity;
	for (const k of known) {
		const d = distance(word.toLowerCase(), k.toLowerCase());
		if (d < bestScore) [best, bestScore] = [k, d];
	}
	return best !== undefined && bestScore <= Math.max(2, Math.floor(word.length / 3))
		? ` — did you mean "${best}"?`
		: '';
}
