// What an instructor sees of a quiz in preview: every question in file order with its key,
// accepted answers, tolerance, per-option feedback and explanation. Server only: never sent to
// anyone but an instructor (or the author in `npm run dev`).
import { formatNumber } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import type { Question, Quiz } from '$lib/quiz/schema';
import { markdown } from '$lib/server/quiz';

export type KeyLine = { label: string; value: string; right?: boolean; feedback?: string };

export interface KeyedQuestion {
	id: string;
	type: Question['type'];
	points: number;
	competencies: string[];
	promptHtml: string;
	explanationHtml: string;
	/** The key, as lines a human reads: options with right/wrong and feedback, accepted answers… */
	key: KeyLine[];
}

/** A figure of the key in the page's language (3.5, 3,5), without grouping, as the quiz file writes it. */
const num = (n: number) =>
	formatNumber(Math.round(n * 1e9) / 1e9, { maximumFractionDigits: 9, useGrouping: false });

function keyLines(q: Question): KeyLine[] {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return q.options.map((o, i) => ({
				label: m.teach_key_option({ n: i + 1 }),
				value: o.text,
				right: o.correct,
				...(o.feedback ? { feedback: o.feedback } : {})
			}));
		case 'true-false':
			return [
				{
					label: m.teach_key_answer(),
					value: q.answer ? m.teach_key_true() : m.teach_key_false(),
					right: true
				}
			];
		case 'numeric': {
			const unit = q.unit ? ` ${q.unit}` : '';
			const tolerance =
				q.relative !== undefined ? Math.abs(q.answer) * q.relative : (q.tolerance ?? 0);
			return [
				{ label: m.teach_key_answer(), value: `${num(q.answer)}${unit}`, right: true },
				{
					label: m.teach_key_tolerance(),
					value:
						q.relative !== undefined
							? m.teach_key_tolerance_relative({
									pct: num(q.relative * 100),
									abs: `${num(tolerance)}${unit}`
								})
							: q.tolerance !== undefined
								? `± ${num(q.tolerance)}${unit}`
								: m.teach_key_tolerance_none()
				},
				{
					label: m.teach_key_accepted(),
					value: m.teach_key_accepted_range({
						low: num(q.answer - tolerance),
						high: `${num(q.answer + tolerance)}${unit}`
					})
				}
			];
		}
		case 'text':
			return [
				...q.accept.map((a, i) => ({
					label: m.teach_key_accepted_n({ n: i + 1 }),
					value: a,
					right: true
				})),
				...(q.pattern !== undefined
					? [{ label: m.teach_key_also_accepted(), value: `/${q.pattern}/i` }]
					: []),
				{ label: m.teach_key_matching(), value: m.teach_key_matching_rule() }
			];
		case 'order':
			return q.items.map((item, i) => ({ label: `${i + 1}.`, value: item, right: true }));
		case 'match':
			return [
				...q.pairs.map((p) => ({ label: p.left, value: p.right, right: true })),
				...q.distractors.map((d) => ({ label: m.teach_key_distractor(), value: d }))
			];
	}
}

export function keySheet(quiz: Quiz): KeyedQuestion[] {
	return quiz.questions.map((q) => ({
		id: q.id,
		type: q.type,
		points: q.points,
		competencies: q.competencies ?? [],
		promptHtml: markdown(q.prompt),
		explanationHtml: markdown(q.explanation),
		key: keyLines(q)
	}));
}

/** The quiz as a learner meets it, but with every question of the pool (no draw). */
export const wholePool = (quiz: Quiz): Quiz => ({ ...quiz, draw: undefined });

/** Preview trials are not attempts: a fixed seed, so a reload shows the same order. */
export const PREVIEW_SEED = 'preview';
