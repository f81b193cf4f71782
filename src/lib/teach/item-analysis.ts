// Item analysis of a quiz, as Moodle's quiz statistics report computes it, over one attempt per
// learner (their first). Definitions: Moodle's question/classes/statistics/questions/calculator.php
// (per question) and mod/quiz/report/statistics/classes/calculator.php (whole quiz), documented at
// https://docs.moodle.org/dev/Quiz_statistics_calculations — see docs/item-analysis.md.
//
// Sample variances divide by S − 1; a figure whose definition divides by zero (S < 2, a variance of
// 0) is null, never 0 or NaN. Percentages are 0–100 (the discrimination index runs from −100 to 100).
import type { Question } from '$lib/quiz/schema';

/** One learner's graded attempt: per question asked, the marks earned and the question's maximum. */
export type AttemptResults = Record<string, { score: number; max: number }>;

export interface QuestionStats {
	questionId: string;
	/** Attempts that asked this question (S). */
	attempts: number;
	facility: number | null;
	sd: number | null;
	randomGuess: number | null;
	intendedWeight: number | null;
	effectiveWeight: number | null;
	discriminationIndex: number | null;
	discriminativeEfficiency: number | null;
	/** Moodle's "dubious" flag: discriminative efficiency below 15 %. */
	dubious: boolean;
	/** Moodle's "likely to need checking": discrimination index below 30 %. */
	needsChecking: boolean;
}

export interface QuizStats {
	attempts: number;
	/** Of the attempts' totals, in percent of each attempt's maximum. */
	mean: number | null;
	median: number | null;
	sd: number | null;
	skewness: number | null;
	kurtosis: number | null;
	/** Cronbach's α as Moodle's coefficient of internal consistency, in percent. */
	cic: number | null;
	errorRatio: number | null;
	standardError: number | null;
	/** Why the internal-consistency figures are null, when they are. */
	cicNote: string | null;
}

export interface ItemAnalysis {
	quiz: QuizStats;
	questions: QuestionStats[];
}

export const DUBIOUS_BELOW = 15;
export const NEEDS_CHECKING_BELOW = 30;

/**
 * The share of a question's marks that guessing earns on average, under Jalons' grading rules
 * (src/lib/quiz/engine.ts), in [0, 1] — or null where Moodle defines none (several right options).
 */
export function randomGuessScore(q: Question): number | null {
	switch (q.type) {
		case 'single':
			return 1 / q.options.length;
		case 'true-false':
			return 0.5;
		case 'numeric':
		case 'text':
			return 0;
		case 'match':
			// Each left item gets one of the right labels at random: 1 in (pairs + distractors).
			return 1 / (q.pairs.length + q.distractors.length);
		case 'order':
			// In a random order of n items, each of the n − 1 neighbour pairs of the key follows its
			// partner with probability 1/n, and each earns 1/(n − 1): (n − 1) · 1/n · 1/(n − 1).
			return 1 / q.items.length;
		case 'multiple':
			return null;
	}
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The median as Moodle takes it: the middle total, or the mean of the two middle ones. */
function median(sorted: number[]): number {
	const n = sorted.length;
	return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
}

function questionStats(
	q: Question,
	rows: { mark: number; total: number }[],
	meanMax: number
): QuestionStats & { markVariance: number | null; covWithTotal: number | null } {
	const s = rows.length;
	const marks = rows.map((r) => r.mark);
	const others = rows.map((r) => r.total - r.mark);
	const totals = rows.map((r) => r.total);
	const base = {
		questionId: q.id,
		attempts: s,
		randomGuess: pct(randomGuessScore(q)),
		intendedWeight: meanMax > 0 ? (100 * q.points) / meanMax : null
	};
	// What cannot be measured without a spread of marks (S < 2).
	const noSpread = {
		sd: null,
		effectiveWeight: null,
		discriminationIndex: null,
		discriminativeEfficiency: null,
		dubious: false,
		needsChecking: false,
		markVariance: null,
		covWithTotal: null
	};
	if (s === 0) return { ...base, facility: null, ...noSpread };
	const avg = mean(marks);
	const otherAvg = mean(others);
	const totalAvg = mean(totals);
	const facility = (100 * avg) / q.points;
	if (s < 2) return { ...base, facility, ...noSpread };
	// Moodle's covariance "max": the covariance the marks would have with the other marks if both were
	// ranked the same way (each sorted, then paired), the largest covariance these values allow.
	const sortedMarks = [...marks].sort((a, b) => a - b);
	const sortedOthers = [...others].sort((a, b) => a - b);
	let v = 0;
	let vOther = 0;
	let cov = 0;
	let covMax = 0;
	let covTotal = 0;
	for (let i = 0; i < s; i++) {
		const d = marks[i]! - avg;
		const dOther = others[i]! - otherAvg;
		v += d * d;
		vOther += dOther * dOther;
		cov += d * dOther;
		covMax += (sortedMarks[i]! - avg) * (sortedOthers[i]! - otherAvg);
		covTotal += d * (totals[i]! - totalAvg);
	}
	const n1 = s - 1;
	v /= n1;
	vOther /= n1;
	cov /= n1;
	covMax /= n1;
	covTotal /= n1;
	const discriminationIndex = v * vOther ? (100 * cov) / Math.sqrt(v * vOther) : null;
	const discriminativeEfficiency = covMax ? (100 * cov) / covMax : null;
	return {
		...base,
		facility,
		sd: (100 * Math.sqrt(v)) / q.points,
		effectiveWeight: null,
		discriminationIndex,
		discriminativeEfficiency,
		dubious: discriminativeEfficiency !== null && discriminativeEfficiency < DUBIOUS_BELOW,
		needsChecking: discriminationIndex !== null && discriminationIndex < NEEDS_CHECKING_BELOW,
		markVariance: v,
		covWithTotal: covTotal
	};
}

const pct = (x: number | null) => (x === null ? null : 100 * x);

/**
 * Item analysis of `questions` over `attempts` (one per learner). With a drawn quiz (a pool larger
 * than the questions asked), each question's figures use the attempts that asked it, and the
 * internal-consistency figures are null: Moodle's α assumes every attempt answers the same items.
 */
export function itemAnalysis(questions: Question[], attempts: AttemptResults[]): ItemAnalysis {
	const totals = attempts.map((a) => Object.values(a).reduce((t, r) => t + r.score, 0));
	const maxes = attempts.map((a) => Object.values(a).reduce((t, r) => t + r.max, 0));
	const meanMax = maxes.length ? mean(maxes) : questions.reduce((t, q) => t + q.points, 0);
	const byQuestion = questions.map((q) => {
		const rows: { mark: number; total: number }[] = [];
		attempts.forEach((a, i) => {
			const r = a[q.id];
			if (r) rows.push({ mark: r.score, total: totals[i]! });
		});
		return questionStats(q, rows, meanMax);
	});
	// Effective weight: each question's share of the spread of totals, from its covariance with them.
	let sumRootCov = 0;
	for (const st of byQuestion)
		if (st.covWithTotal !== null && st.covWithTotal >= 0) sumRootCov += Math.sqrt(st.covWithTotal);
	for (const st of byQuestion)
		st.effectiveWeight =
			sumRootCov && st.covWithTotal !== null && st.covWithTotal >= 0
				? (100 * Math.sqrt(st.covWithTotal)) / sumRootCov
				: null;

	const quiz = quizStats(totals, maxes, attempts, byQuestion);
	return {
		quiz,
		questions: byQuestion.map(({ markVariance: _v, covWithTotal: _c, ...q }) => q)
	};
}

function quizStats(
	totals: number[],
	maxes: number[],
	attempts: AttemptResults[],
	byQuestion: { markVariance: number | null }[]
): QuizStats {
	const s = totals.length;
	const empty: QuizStats = {
		attempts: s,
		mean: null,
		median: null,
		sd: null,
		skewness: null,
		kurtosis: null,
		cic: null,
		errorRatio: null,
		standardError: null,
		cicNote: null
	};
	if (s === 0) return { ...empty, cicNote: 'no attempts yet' };
	// Totals in percent of each attempt's maximum, as Moodle shows grades.
	const scores = totals.map((t, i) => (maxes[i]! > 0 ? (100 * t) / maxes[i]! : 0));
	const avg = mean(scores);
	const out: QuizStats = {
		...empty,
		mean: avg,
		median: median([...scores].sort((a, b) => a - b))
	};
	if (s < 2) return { ...out, cicNote: 'needs at least two attempts' };
	let p2 = 0;
	let p3 = 0;
	let p4 = 0;
	for (const x of scores) {
		const d = x - avg;
		p2 += d * d;
		p3 += d * d * d;
		p4 += d * d * d * d;
	}
	out.sd = Math.sqrt(p2 / (s - 1));
	if (s < 3) return { ...out, cicNote: 'needs at least three attempts' };
	const [m2, m3, m4] = [p2 / s, p3 / s, p4 / s];
	const k2 = (s * m2) / (s - 1);
	const k3 = (s * s * m3) / ((s - 1) * (s - 2));
	if (k2 === 0) return { ...out, cicNote: 'every attempt has the same total' };
	out.skewness = k3 / Math.pow(k2, 3 / 2);
	if (s > 3)
		out.kurtosis =
			(s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2)) / ((s - 1) * (s - 2) * (s - 3)) / (k2 * k2);
	// Cronbach's α needs every attempt to answer the same questions, in the same units as k2.
	const sets = new Set(attempts.map((a) => Object.keys(a).sort().join(',')));
	const p = Object.keys(attempts[0]!).length;
	if (sets.size > 1)
		return { ...out, cicNote: 'attempts asked different questions (a drawn quiz)' };
	if (p < 2) return { ...out, cicNote: 'needs at least two questions' };
	if (new Set(maxes).size > 1) return { ...out, cicNote: 'attempts have different maxima' };
	// In marks, not percent: α compares the questions' mark variances with the totals' variance.
	const scale = maxes[0]! / 100;
	const k2Marks = k2 * scale * scale;
	const sumVar = byQuestion.reduce((t, q) => t + (q.markVariance ?? 0), 0);
	const cic = ((100 * p) / (p - 1)) * (1 - sumVar / k2Marks);
	out.cic = cic;
	// α ≤ 1 always (the totals' variance is at most p times the sum of the item variances); the
	// clamp only absorbs rounding.
	out.errorRatio = 100 * Math.sqrt(Math.max(0, 1 - cic / 100));
	out.standardError = (out.errorRatio * out.sd) / 100;
	return out;
}

export const CSV_HEADER =
	'question_id,attempts,facility,sd,random_guess,intended_weight,effective_weight,discrimination_index,discriminative_efficiency,dubious,needs_checking';

/** The per-question figures as CSV: percentages with two decimals, empty for null, flags as true/false. */
export function analysisCsv(questions: QuestionStats[]): string {
	const n = (x: number | null) => (x === null ? '' : x.toFixed(2));
	const rows = questions.map((q) =>
		[
			q.questionId,
			q.attempts,
			n(q.facility),
			n(q.sd),
			n(q.randomGuess),
			n(q.intendedWeight),
			n(q.effectiveWeight),
			n(q.discriminationIndex),
			n(q.discriminativeEfficiency),
			q.dubious,
			q.needsChecking
		].join(',')
	);
	return [CSV_HEADER, ...rows].join('\n') + '\n';
}
