// An NLU test set scored at a confidence threshold, as the chatbot-testing lesson describes it:
// per-intent precision and recall, the confusions, and what the threshold trades — confident wrong
// answers against fallbacks. A prediction under the threshold becomes the fallback; the right answer
// to an out-of-scope request is the fallback too. Pure: the same code runs on the server and live.
// Its parse errors are messages in the page's language; intent names stay as written.

import { m } from '$lib/paraglide/messages';

export const MAX_LINES = 200;
export const MAX_UTTERANCE = 200;
export const DEFAULT_THRESHOLD = 0.3;
/** The expected intent of a request the bot should not answer. */
export const OUT_OF_SCOPE = 'out_of_scope';
/** What the bot answers when the confidence is under the threshold: it asks again or hands off. */
export const FALLBACK = 'nlu_fallback';

/** The exercise, as percentages of all lines: at most 10 % confident wrong, at most 20 % fallback. */
export const TASK = { confidentWrong: 10, fallback: 20 } as const;

export interface TestLine {
	utterance: string;
	expected: string;
	predicted: string;
	confidence: number;
	/** 1-based line of the text. */
	line: number;
}

export interface IntentScore {
	intent: string;
	/** Lines that expect this intent. */
	support: number;
	tp: number;
	fp: number;
	fn: number;
	precision: number;
	recall: number;
	f1: number;
}

export interface Pair {
	expected: string;
	answer: string;
	count: number;
}

export interface IntentReport {
	total: number;
	intents: IntentScore[];
	macroF1: number;
	correct: number;
	accuracy: number;
	fallbacks: number;
	fallbackRate: number;
	confidentWrong: number;
	confidentWrongRate: number;
	/** Expected → answered, mistakes only, most frequent first. */
	pairs: Pair[];
	task: { starting: boolean; wrongOk: boolean; fallbackOk: boolean; solved: boolean };
}

/** A train operator's booking assistant: 30 held-out phrasings, 5 of them out of scope. */
export const DEFAULT_SET = `# utterance | expected intent | predicted intent | confidence
I need two singles from Leeds to York on Saturday morning | book_ticket | book_ticket | 0.94
Book me a return to Manchester, back Sunday evening | book_ticket | book_ticket | 0.97
Are there any seats left on the 18:05 to Edinburgh tonight? | book_ticket | book_ticket | 0.73
One adult and two children to Scarborough next Friday please | book_ticket | book_ticket | 0.88
cheapest way to get to London on the 14th | book_ticket | book_ticket | 0.69
I'd like a first-class ticket to Newcastle | book_ticket | book_ticket | 0.91
Can I move my booking from Tuesday to Thursday? | change_booking | change_booking | 0.92
I can't travel on Friday any more, can I go on Saturday instead? | change_booking | cancel_booking | 0.71
Put me on a later train, same ticket | change_booking | change_booking | 0.64
I want to swap my return to the 20:10 | change_booking | cancel_booking | 0.45
change the name on my ticket to my husband's | change_booking | change_booking | 0.77
Please cancel my trip to York on the 3rd | cancel_booking | cancel_booking | 0.95
I won't need the tickets for Sunday after all | cancel_booking | cancel_booking | 0.67
Cancel my booking and put the money back on my card | cancel_booking | request_refund | 0.54
how do I cancel a reservation I made yesterday | cancel_booking | cancel_booking | 0.89
get rid of booking KX72B | cancel_booking | cancel_booking | 0.81
When will I get my refund for the strike day? | request_refund | request_refund | 0.86
My train was an hour late, do I get anything back? | request_refund | check_departure | 0.48
I was charged twice for the same ticket | request_refund | request_refund | 0.74
I'd like my money back for an unused ticket | request_refund | request_refund | 0.93
Is the 7:40 to York still running? | check_departure | check_departure | 0.58
What platform does the Edinburgh train leave from? | check_departure | check_departure | 0.84
Is my train on time? | check_departure | check_departure | 0.96
when's the next train to Leeds | check_departure | check_departure | 0.90
has the 9:15 from Manchester been cancelled? | check_departure | check_departure | 0.61
Can you find me a hotel near York station? | out_of_scope | book_ticket | 0.66
Is the station café open on Sundays? | out_of_scope | check_departure | 0.62
What will the weather be like in Leeds tomorrow? | out_of_scope | check_departure | 0.41
Who won the match last night? | out_of_scope | check_departure | 0.28
tell me a joke | out_of_scope | book_ticket | 0.22`;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const NAME = /^[a-z][a-z0-9_]{0,39}$/;

/**
 * One test a line: `utterance | expected intent | predicted intent | confidence`; blank lines and
 * lines starting with `#` are skipped. The first bad line is named.
 */
export function parseTestSet(text: string): { lines: TestLine[] } | { error: string } {
	const rows = text.split(/\r?\n/);
	if (rows.length > MAX_LINES)
		return {
			error: m.tools_intentslib_at({
				what: m.tools_intentslib_max_lines({ n: MAX_LINES, count: rows.length })
			})
		};
	const lines: TestLine[] = [];
	for (const [i, raw] of rows.entries()) {
		const row = raw.trim();
		if (!row || row.startsWith('#')) continue;
		// Built only for an error: the good lines of the bundled set are parsed at module load.
		const at = (what: string) => ({ error: m.tools_intentslib_at_line({ line: i + 1, what }) });
		const parts = row.split('|').map((s) => s.trim());
		if (parts.length !== 4) return at(m.tools_intentslib_parts({ count: parts.length }));
		const [utterance, expected, predicted, c] = parts as [string, string, string, string];
		if (!utterance) return at(m.tools_intentslib_empty_utterance());
		if (utterance.length > MAX_UTTERANCE)
			return at(
				m.tools_intentslib_utterance_length({ max: MAX_UTTERANCE, count: utterance.length })
			);
		for (const name of [expected, predicted])
			if (!NAME.test(name)) return at(m.tools_intentslib_bad_name({ name: name.slice(0, 40) }));
		if (expected === FALLBACK)
			return at(m.tools_intentslib_expected_fallback({ oos: OUT_OF_SCOPE, fallback: FALLBACK }));
		if (predicted === FALLBACK || predicted === OUT_OF_SCOPE)
			return at(m.tools_intentslib_predicted_not_intent({ predicted }));
		const confidence = NUMBER.test(c) ? Number(c) : NaN;
		if (!Number.isFinite(confidence) || confidence < 0 || confidence > 1)
			return at(m.tools_intentslib_confidence({ value: c.slice(0, 20) }));
		lines.push({ utterance, expected, predicted, confidence, line: i + 1 });
	}
	if (!lines.some((l) => l.expected !== OUT_OF_SCOPE))
		return {
			error: m.tools_intentslib_at({ what: m.tools_intentslib_no_lines({ oos: OUT_OF_SCOPE }) })
		};
	return { lines };
}

/** The threshold field reads like the threshold explorer's: a number from 0 to 1. */
export { parseThreshold } from './threshold';

/** What the bot does with a line: the predicted intent when confident enough, else the fallback. */
export const answerOf = (l: TestLine, threshold: number) =>
	l.confidence >= threshold ? l.predicted : FALLBACK;
/** The right answer: the expected intent, or the fallback for a request out of scope. */
export const rightAnswer = (l: TestLine) => (l.expected === OUT_OF_SCOPE ? FALLBACK : l.expected);

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

export function scoreTestSet(lines: TestLine[], threshold: number): IntentReport {
	const total = lines.length;
	const answered = lines.map((l) => ({ l, answer: answerOf(l, threshold), right: rightAnswer(l) }));
	// The in-scope intents: every intent expected or predicted; the fallback is not one of them.
	const names = [
		...new Set(lines.flatMap((l) => [l.expected, l.predicted]).filter((n) => n !== OUT_OF_SCOPE))
	].sort();
	const intents = names.map((intent): IntentScore => {
		let tp = 0,
			fp = 0,
			fn = 0;
		for (const a of answered) {
			if (a.answer === intent && a.right === intent) tp++;
			else if (a.answer === intent) fp++;
			else if (a.right === intent) fn++;
		}
		const precision = ratio(tp, tp + fp);
		const recall = ratio(tp, tp + fn);
		const f1 = ratio(2 * precision * recall, precision + recall);
		return { intent, support: tp + fn, tp, fp, fn, precision, recall, f1 };
	});
	const correct = answered.filter((a) => a.answer === a.right).length;
	const fallbacks = answered.filter((a) => a.answer === FALLBACK).length;
	const confidentWrong = answered.filter(
		(a) => a.answer !== FALLBACK && a.answer !== a.right
	).length;
	const counts = new Map<string, Pair>();
	for (const a of answered) {
		if (a.answer === a.right) continue;
		const key = `${a.l.expected}\u0000${a.answer}`;
		const p = counts.get(key) ?? { expected: a.l.expected, answer: a.answer, count: 0 };
		p.count++;
		counts.set(key, p);
	}
	const pairs = [...counts.values()].sort(
		(a, b) =>
			b.count - a.count || a.expected.localeCompare(b.expected) || a.answer.localeCompare(b.answer)
	);
	const starting = sameSet(lines, STARTING);
	// Integer comparisons: 3 of 30 is exactly 10 %.
	const wrongOk = confidentWrong * 100 <= TASK.confidentWrong * total;
	const fallbackOk = fallbacks * 100 <= TASK.fallback * total;
	return {
		total,
		intents,
		macroF1: ratio(
			intents.reduce((s, i) => s + i.f1, 0),
			intents.length
		),
		correct,
		accuracy: correct / total,
		fallbacks,
		fallbackRate: fallbacks / total,
		confidentWrong,
		confidentWrongRate: confidentWrong / total,
		pairs,
		task: { starting, wrongOk, fallbackOk, solved: starting && wrongOk && fallbackOk }
	};
}

const STARTING = (parseTestSet(DEFAULT_SET) as { lines: TestLine[] }).lines;

function sameSet(a: TestLine[], b: TestLine[]): boolean {
	const key = (xs: TestLine[]) =>
		xs
			.map((l) => [l.utterance, l.expected, l.predicted, l.confidence].join('|'))
			.sort()
			.join('\n');
	return a.length === b.length && key(a) === key(b);
}
