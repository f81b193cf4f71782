// GIFT questions → a Jalons quiz. Every question Jalons cannot hold is skipped, and every one it holds
// differently is approximated; both are reported with the GIFT line, never changed silently. Pure.
import { z } from 'zod';
import { slugify } from '../slug.js';
import { escapeMarkdown, toMarkdown } from './markdown';
import type { GiftAnswer, GiftError, GiftItem, GiftQuestion, GiftText } from './parse';

export interface GiftNote {
	line: number;
	kind: 'skipped' | 'approximated';
	message: string;
}

/** A question as written to quiz.yaml (before the quiz schema fills in defaults). */
export type DraftQuestion = Record<string, unknown> & { id: string; type: string };

export interface ImportResult {
	settings: Record<string, unknown>;
	/** Whether the settings came from a `// jalons-quiz` comment (else they are the defaults). */
	settingsGiven: boolean;
	questions: DraftQuestion[];
	/** The GIFT line of each question, for errors found later in the written quiz. */
	lines: number[];
	notes: GiftNote[];
	errors: GiftError[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const MISSING_EXPLANATION =
	'No explanation came with this question (GIFT general feedback, ####): write one.';

/** The Jalons-only fields the exporter keeps in a `// jalons {…}` comment, which Moodle ignores. */
export const metaSchema = z.strictObject({
	points: z.number().positive().max(100).optional(),
	unit: z.string().trim().min(1).optional(),
	pattern: z.string().optional(),
	relative: z.number().min(0).max(1).optional()
});
export const settingsSchema = z.strictObject({
	pass: z.number().gt(0).max(1).optional(),
	draw: z.number().int().positive().optional(),
	shuffle: z.boolean().optional(),
	attempts: z.number().int().positive().optional(),
	feedback: z.enum(['after', 'immediate']).optional()
});
export const DEFAULT_SETTINGS = { pass: 0.8, shuffle: true, feedback: 'after' };

const pct = (w: number) => `${Number(w.toFixed(3))}%`;
const quote = (s: string) => `"${s.length > 40 ? s.slice(0, 39) + '…' : s}"`;

function jsonComment(
	comments: { line: number; text: string }[],
	key: string,
	errors: GiftError[]
): { line: number; value: unknown } | undefined {
	const c = comments.find((x) => x.text.startsWith(`${key} `) || x.text === key);
	if (!c) return undefined;
	try {
		return { line: c.line, value: JSON.parse(c.text.slice(key.length)) };
	} catch {
		errors.push({ line: c.line, message: `"// ${key}" is followed by invalid JSON` });
		return undefined;
	}
}

/** Maps parsed GIFT to Jalons questions. `competencies` are the catalog's ids (for `[tag:…]`). */
export function giftToQuiz(items: GiftItem[], competencies: ReadonlySet<string>): ImportResult {
	const notes: GiftNote[] = [];
	const errors: GiftError[] = [];
	const questions: DraftQuestion[] = [];
	const lines: number[] = [];
	const used = new Set<string>();
	let settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
	let settingsGiven = false;
	let position = 0;

	for (const item of items) {
		if (item.kind === 'comments') {
			const s = jsonComment(item.comments, 'jalons-quiz', errors);
			if (s) {
				const v = settingsSchema.safeParse(s.value);
				if (v.success) {
					settings = { ...settings, ...v.data };
					settingsGiven = true;
				} else errors.push({ line: s.line, message: `jalons-quiz: ${v.error.issues[0]!.message}` });
			}
			continue;
		}
		if (item.kind === 'category') {
			notes.push({
				line: item.line,
				kind: 'skipped',
				message: `$CATEGORY ${quote(item.name)}: a Jalons quiz belongs to one module, which is its category`
			});
			continue;
		}
		position++;
		const q = mapQuestion(item, position, competencies, used, notes, errors);
		if (q) {
			questions.push(q);
			lines.push(item.line);
		}
	}
	return { settings, settingsGiven, questions, lines, notes, errors };
}

function idFor(q: GiftQuestion, position: number, used: Set<string>): string {
	const tagged = q.comments.map((c) => /\[id:([^\]]+)\]/.exec(c.text)?.[1]?.trim()).find(Boolean);
	let base = tagged && ID.test(tagged) ? tagged : '';
	if (!base) {
		const from = tagged || q.title || '';
		const slug = from ? slugify(from) : '';
		base = slug && slug !== 'section' ? slug : `question-${position}`;
		if (base.length > 60) base = base.slice(0, 60).replace(/-[^-]*$/, '') || base.slice(0, 60);
	}
	let id = base;
	for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
	used.add(id);
	return id;
}

function mapQuestion(
	q: GiftQuestion,
	position: number,
	competencies: ReadonlySet<string>,
	used: Set<string>,
	notes: GiftNote[],
	errors: GiftError[]
): DraftQuestion | null {
	const name = q.title ? quote(q.title) : `at position ${position}`;
	const skip = (message: string) => {
		notes.push({ line: q.line, kind: 'skipped', message: `question ${name}: ${message}` });
		return null;
	};
	const approx = (line: number, message: string) =>
		notes.push({ line, kind: 'approximated', message: `question ${name}: ${message}` });
	const md = (t: GiftText, line: number) => {
		const r = toMarkdown(t);
		for (const n of r.notes) approx(line, n);
		return r.markdown;
	};

	if (q.body.kind === 'description')
		return skip('a description (text without an answer section) is not a question');
	if (q.body.kind === 'essay')
		return skip(
			'an essay ({}) is graded by a person; every Jalons question is graded automatically'
		);

	const id = idFor(q, position, used);
	const prompt = md(q.text, q.line);
	const explanation: string[] = [];
	if (q.generalFeedback?.text) explanation.push(md(q.generalFeedback, q.line));
	const folded: string[] = [];
	const fold = (t: GiftText | undefined, line: number) => {
		if (!t) return;
		const m = md(t, line);
		if (m && !folded.includes(m) && !explanation.includes(m)) folded.push(m);
	};
	const out: DraftQuestion = { id, type: '' };
	const body = q.body;

	switch (body.kind) {
		case 'true-false':
			out.type = 'true-false';
			out.answer = body.answer;
			fold(body.wrongFeedback, q.line);
			fold(body.rightFeedback, q.line);
			break;
		case 'multichoice': {
			const weights = body.answers.map((a) => a.weight ?? (a.mark === '=' ? 100 : 0));
			const options = body.answers.map((a, i) => {
				const o: Record<string, unknown> = { text: md(a.text, a.line) };
				if (weights[i]! > 0) o.correct = true;
				if (a.feedback) o.feedback = md(a.feedback, a.line);
				return o;
			});
			if (body.answers.some((a) => a.mark === '=')) {
				const full = weights.filter((w) => w >= 100).length;
				if (full !== 1)
					return skip(
						full === 0
							? 'no option earns full marks'
							: `${full} options are fully right (=) but the learner picks one; a Jalons "single" question has exactly one right option — keep one "=" or make it a multiple-answer question (~%50%…)`
					);
				body.answers.forEach((a, i) => {
					const w = weights[i]!;
					if (w > 0 && w < 100) {
						options[i]!.correct = undefined;
						approx(
							a.line,
							`option ${quote(a.text.text)} earns ${pct(w)} in Moodle; a Jalons "single" question gives credit for the right option only, so it counts as wrong`
						);
					} else if (w < 0)
						approx(
							a.line,
							`option ${quote(a.text.text)} costs ${pct(-w)} in Moodle; in Jalons a wrong pick earns nothing and costs nothing more`
						);
				});
				out.type = 'single';
			} else {
				out.type = 'multiple';
				const right = weights.filter((w) => w > 0);
				if (right.length === 0) {
					errors.push({
						line: q.line,
						message: `question ${name}: no option is right — mark one with "=" or give right options a positive weight (~%50%)`
					});
					return null;
				}
				const k = right.length;
				const share = 100 / k;
				const near = (a: number, b: number) => Math.abs(a - b) < 0.01;
				const why: string[] = [];
				if (!right.every((w) => near(w, share)))
					why.push(
						`the right options carry ${right.map(pct).join(', ')} in Moodle; Jalons gives each an equal share (${pct(share)})`
					);
				else if (
					!near(
						right.reduce((a, b) => a + b, 0),
						100
					)
				)
					why.push(`the right options add up to ${pct(right.reduce((a, b) => a + b, 0))}`);
				const wrong = body.answers.filter((_, i) => weights[i]! <= 0);
				const free = wrong.filter((a) => (a.weight ?? 0) === 0);
				const other = wrong.filter((a) => (a.weight ?? 0) < 0 && !near(-(a.weight ?? 0), share));
				if (free.length)
					why.push(
						`picking ${free.map((a) => quote(a.text.text)).join(', ')} costs nothing in Moodle (0%) but ${pct(share)} in Jalons`
					);
				if (other.length)
					why.push(
						`picking ${other.map((a) => `${quote(a.text.text)} (${pct(a.weight ?? 0)})`).join(', ')} costs ${pct(share)} in Jalons`
					);
				if (why.length)
					approx(
						q.line,
						`multiple answers: ${why.join('; ')} (Jalons: each right pick earns 1/${k}, each wrong pick costs 1/${k}, never below 0)`
					);
			}
			out.options = options.map((o) =>
				Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))
			);
			break;
		}
		case 'short-answer': {
			const accept: string[] = [];
			const patterns: string[] = [];
			for (const a of body.answers as GiftAnswer[]) {
				const w = a.weight ?? 100;
				const text = a.text.text;
				if (w >= 100) {
					if (text.includes('*')) {
						patterns.push(
							text
								.split('*')
								.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
								.join('.*')
						);
						accept.push(text.replace(/\*/g, ''));
					} else accept.push(text);
				} else if (w > 0)
					approx(
						a.line,
						`answer ${quote(text)} earns ${pct(w)} in Moodle; a Jalons text answer is right or wrong, so it is not accepted`
					);
				fold(a.feedback, a.line);
			}
			if (accept.filter(Boolean).length === 0) {
				errors.push({
					line: q.line,
					message: `question ${name}: no answer earns full marks — give at least one "=answer" without a weight below 100%`
				});
				return null;
			}
			out.type = 'text';
			out.accept = accept.filter(Boolean);
			if (patterns.length) out.pattern = `^(${patterns.join('|')})$`;
			break;
		}
		case 'matching': {
			// Moodle shows the right-hand side as plain text, unless the question is in Markdown.
			const right = (r: string) => (q.text.format === 'markdown' ? r : escapeMarkdown(r));
			out.type = 'match';
			out.pairs = body.pairs
				.filter((p) => p.left.text)
				.map((p) => ({ left: md(p.left, p.line), right: right(p.right) }));
			out.distractors = body.pairs.filter((p) => !p.left.text).map((p) => right(p.right));
			break;
		}
		case 'numerical': {
			const full = body.answers.filter((a) => (a.weight ?? 100) >= 100);
			if (full.length === 0) {
				errors.push({ line: q.line, message: `question ${name}: no number earns full marks` });
				return null;
			}
			const [first, ...others] = full;
			for (const a of body.answers) {
				const w = a.weight ?? 100;
				if (w > 0 && w < 100)
					approx(
						a.line,
						`the answer ${a.value} ± ${a.tolerance} earns ${pct(w)} in Moodle; a Jalons number is right or wrong, so that range is not accepted`
					);
				fold(a.feedback, a.line);
			}
			if (others.length)
				approx(
					others[0]!.line,
					`several numbers earn full marks; Jalons accepts one number with one tolerance, ${first!.value} ± ${first!.tolerance}, so ${others.map((a) => `${a.value} ± ${a.tolerance}`).join(', ')} are not accepted`
				);
			fold(body.otherFeedback, q.line);
			out.type = 'numeric';
			out.answer = first!.value;
			if (first!.form !== 'exact') out.tolerance = first!.tolerance;
			break;
		}
	}
	if (folded.length) {
		approx(
			q.line,
			`per-answer feedback is added to the explanation (a Jalons ${out.type} question has no per-answer feedback)`
		);
		explanation.push(...folded);
	}
	if (explanation.length === 0) {
		approx(q.line, 'no general feedback (####): the explanation asks for one to be written');
		explanation.push(MISSING_EXPLANATION);
	}

	// Tags that name catalog competencies, and the Jalons-only fields of the exporter's comment.
	const tags = q.comments.flatMap((c) =>
		[...c.text.matchAll(/\[tag:([^\]]+)\]/g)].map((m) => m[1]!.trim())
	);
	const known = tags.filter((t) => competencies.has(t));
	for (const t of tags.filter((t) => !competencies.has(t)))
		approx(q.line, `tag ${quote(t)} is not a competency of courses/competencies.yaml; not kept`);
	const meta = jsonComment(q.comments, 'jalons', errors);
	let extra: z.infer<typeof metaSchema> = {};
	if (meta) {
		const v = metaSchema.safeParse(meta.value);
		if (v.success) extra = v.data;
		else errors.push({ line: meta.line, message: `jalons: ${v.error.issues[0]!.message}` });
	}
	if (extra.unit !== undefined && out.type === 'numeric') out.unit = extra.unit;
	if (extra.relative !== undefined && out.type === 'numeric') {
		delete out.tolerance;
		out.relative = extra.relative;
	}
	if (extra.pattern !== undefined && out.type === 'text') out.pattern = extra.pattern;

	// Field order as in docs/authoring.md.
	const { id: _id, type, ...rest } = out;
	void _id;
	return {
		id,
		type,
		...(extra.points !== undefined ? { points: extra.points } : {}),
		...(known.length ? { competencies: known } : {}),
		prompt,
		...rest,
		explanation: explanation.join('\n\n')
	};
}
