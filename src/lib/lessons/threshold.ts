// A decision threshold on a classifier's scores: the confusion matrix and the metrics the
// ml-basics lesson derives from it. An example is flagged positive when its score is at or above
// the threshold (the convention of scikit-learn's precision_recall_curve); precision with nothing
// flagged is 0, as scikit-learn reports it. Pure: the same code runs on the server and live.

import { m } from '$lib/paraglide/messages';

export const MAX_EXAMPLES = 500;
export const MIN_EXAMPLES = 4;
export const DEFAULT_THRESHOLD = 0.5;

/** The exercise: a threshold that catches at least 90 % of the frauds with at most 3 in 10 false alarms. */
export const TASK = { recall: 0.9, precision: 0.7 } as const;

export interface Example {
	score: number;
	/** 1: positive (fraud), 0: negative. */
	label: 0 | 1;
}

/** 30 transactions scored by a fraud model, 10 of them frauds (label 1), highest score first. */
export const DEFAULT_EXAMPLES = `0.97 1
0.93 1
0.88 1
0.84 0
0.79 1
0.72 1
0.66 1
0.58 1
0.53 0
0.47 0
0.44 1
0.41 1
0.36 0
0.33 0
0.29 1
0.26 0
0.23 0
0.21 0
0.18 0
0.16 0
0.14 0
0.12 0
0.11 0
0.09 0
0.08 0
0.06 0
0.05 0
0.04 0
0.03 0
0.02 0`;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One example a line: a score from 0 to 1 and a label 0 or 1; the first bad line is named. */
export function parseExamples(text: string): { examples: Example[] } | { error: string } {
	const examples: Example[] = [];
	const lines = text.split(/\r?\n/);
	for (const [i, raw] of lines.entries()) {
		const parts = raw.split(/[\s,;]+/).filter(Boolean);
		if (parts.length === 0) continue;
		const [s, l] = parts;
		const score = NUMBER.test(s!) ? Number(s) : NaN;
		if (parts.length !== 2 || !Number.isFinite(score) || score < 0 || score > 1)
			return {
				error: m.tools_thresholdlib_not_example({ line: i + 1, text: raw.trim().slice(0, 30) })
			};
		if (l !== '0' && l !== '1')
			return {
				error: m.tools_thresholdlib_bad_label({ line: i + 1, label: l!.slice(0, 10) })
			};
		examples.push({ score, label: l === '1' ? 1 : 0 });
	}
	if (examples.length < MIN_EXAMPLES)
		return {
			error: m.tools_thresholdlib_min({ min: MIN_EXAMPLES, count: examples.length })
		};
	if (examples.length > MAX_EXAMPLES)
		return { error: m.tools_thresholdlib_max({ max: MAX_EXAMPLES }) };
	if (!examples.some((e) => e.label === 1) || !examples.some((e) => e.label === 0))
		return { error: m.tools_thresholdlib_both_labels() };
	return { examples };
}

/** A threshold typed in a field: a number from 0 to 1. */
export function parseThreshold(text: string): { threshold: number } | { error: string } {
	const t = text.trim();
	const n = NUMBER.test(t) ? Number(t) : NaN;
	if (!Number.isFinite(n) || n < 0 || n > 1) return { error: m.tools_thresholdlib_threshold() };
	return { threshold: n };
}

export interface Confusion {
	tp: number;
	fp: number;
	fn: number;
	tn: number;
	precision: number;
	recall: number;
	f1: number;
	accuracy: number;
	/** Accuracy of always answering "negative": the baseline the lesson warns about. */
	baseline: number;
	/** The exercise, on the starting examples only: edited examples can make any task easy. */
	task: { starting: boolean; solved: boolean };
}

export function confusion(examples: Example[], threshold: number): Confusion {
	let tp = 0,
		fp = 0,
		fn = 0,
		tn = 0;
	for (const e of examples) {
		const flagged = e.score >= threshold;
		if (flagged && e.label === 1) tp++;
		else if (flagged) fp++;
		else if (e.label === 1) fn++;
		else tn++;
	}
	const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
	const recall = tp / (tp + fn);
	const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
	const starting = sameExamples(examples, STARTING);
	return {
		tp,
		fp,
		fn,
		tn,
		precision,
		recall,
		f1,
		accuracy: (tp + tn) / examples.length,
		baseline: (fp + tn) / examples.length,
		task: {
			starting,
			solved: starting && recall >= TASK.recall && precision >= TASK.precision
		}
	};
}

const STARTING = (parseExamples(DEFAULT_EXAMPLES) as { examples: Example[] }).examples;

function sameExamples(a: Example[], b: Example[]): boolean {
	const key = (xs: Example[]) =>
		xs
			.map((e) => `${e.score}:${e.label}`)
			.sort()
			.join(',');
	return a.length === b.length && key(a) === key(b);
}
