// BLEU and ROUGE on one candidate and one reference, showing which n-grams overlap.
// Tokenisation is deliberately simple (lowercase words and punctuation), as in most teaching
// examples; production toolkits (sacreBLEU, rouge-score) standardise it further.

export function tokenize(text: string): string[] {
	return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?|[^\s\p{L}\p{N}]/gu) ?? [];
}

export function ngrams(tokens: string[], n: number): string[] {
	const out: string[] = [];
	for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
	return out;
}

function counts(items: string[]): Map<string, number> {
	const m = new Map<string, number>();
	for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
	return m;
}

export interface NgramOverlap {
	n: number;
	/** Each candidate n-gram with its count and its count clipped by the reference. */
	grams: { gram: string; candidate: number; clipped: number }[];
	matched: number;
	candidateTotal: number;
	referenceTotal: number;
	/** Modified precision: matched / candidateTotal (BLEU's p_n). */
	precision: number;
	/** Recall: matched / referenceTotal (ROUGE-N). */
	recall: number;
	f1: number;
}

export function overlap(candidate: string[], reference: string[], n: number): NgramOverlap {
	const c = counts(ngrams(candidate, n));
	const r = counts(ngrams(reference, n));
	const grams = [...c].map(([gram, count]) => ({
		gram,
		candidate: count,
		clipped: Math.min(count, r.get(gram) ?? 0)
	}));
	const matched = grams.reduce((s, g) => s + g.clipped, 0);
	const candidateTotal = Math.max(0, candidate.length - n + 1);
	const referenceTotal = Math.max(0, reference.length - n + 1);
	const precision = candidateTotal ? matched / candidateTotal : 0;
	const recall = referenceTotal ? matched / referenceTotal : 0;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	return { n, grams, matched, candidateTotal, referenceTotal, precision, recall, f1 };
}

export interface Bleu {
	score: number;
	brevityPenalty: number;
	precisions: number[];
	candidateLength: number;
	referenceLength: number;
}

/**
 * Sentence-level BLEU with uniform weights up to `maxN` (default 4): the geometric mean of the
 * modified n-gram precisions times the brevity penalty. Without smoothing, as defined by Papineni
 * et al. (2002): one n-gram order with no match makes the score 0, which is why BLEU is meant for
 * corpora, not single sentences.
 */
export function bleu(candidate: string[], reference: string[], maxN = 4): Bleu {
	const precisions = Array.from(
		{ length: maxN },
		(_, i) => overlap(candidate, reference, i + 1).precision
	);
	const c = candidate.length;
	const r = reference.length;
	const brevityPenalty = c === 0 ? 0 : c > r ? 1 : Math.exp(1 - r / c);
	const score = precisions.some((p) => p === 0)
		? 0
		: brevityPenalty * Math.exp(precisions.reduce((s, p) => s + Math.log(p), 0) / maxN);
	return { score, brevityPenalty, precisions, candidateLength: c, referenceLength: r };
}

/** Length of the longest common subsequence of two token lists, and the tokens in it. */
export function lcs(a: string[], b: string[]): string[] {
	const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
	for (let i = a.length - 1; i >= 0; i--)
		for (let j = b.length - 1; j >= 0; j--)
			dp[i]![j] = a[i] === b[j] ? dp[i + 1]![j + 1]! + 1 : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
	const out: string[] = [];
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		if (a[i] === b[j]) {
			out.push(a[i]!);
			i++;
			j++;
		} else if (dp[i + 1]![j]! >= dp[i]![j + 1]!) i++;
		else j++;
	}
	return out;
}

export function rougeL(candidate: string[], reference: string[]) {
	const common = lcs(candidate, reference);
	const precision = candidate.length ? common.length / candidate.length : 0;
	const recall = reference.length ? common.length / reference.length : 0;
	const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
	return { common, precision, recall, f1 };
}

export function compare(candidateText: string, referenceText: string) {
	const candidate = tokenize(candidateText);
	const reference = tokenize(referenceText);
	return {
		candidate,
		reference,
		bleu: bleu(candidate, reference),
		rouge1: overlap(candidate, reference, 1),
		rouge2: overlap(candidate, reference, 2),
		rougeL: rougeL(candidate, reference)
	};
}

/** The exercise, on the lesson's worked example: a right answer that overlap metrics score low. */
export const OVERLAP_TASK = {
	reference: 'the refund was sent to your bank on monday',
	right: 'your refund was sent on monday'
} as const;

const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'nor', 'neither']);
/** A word that negates: "not", "never"…, or a contraction such as "wasn't". */
export const isNegation = (token: string) => NEGATIONS.has(token) || /n['’]t$/.test(token);

/**
 * The task: with the task's reference, a candidate that negates (a word such as "not" that the
 * reference lacks, so it says the opposite) and still beats the right answer on BLEU-4 and ROUGE-L.
 */
export function overlapTask(candidateText: string, referenceText: string) {
	const r = compare(candidateText, referenceText);
	const right = compare(OVERLAP_TASK.right, OVERLAP_TASK.reference);
	const starting = r.reference.join(' ') === tokenize(OVERLAP_TASK.reference).join(' ');
	const negated = r.candidate.some((t) => isNegation(t) && !r.reference.includes(t));
	const beatsBleu = r.bleu.score > right.bleu.score;
	const beatsRouge = r.rougeL.f1 > right.rougeL.f1;
	return {
		starting,
		negated,
		beatsBleu,
		beatsRouge,
		right: { bleu: right.bleu.score, rougeL: right.rougeL.f1 },
		solved: starting && negated && beatsBleu && beatsRouge
	};
}
