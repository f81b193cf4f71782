// Quizzes on the server: the only code that holds answer keys. It assembles what the page may show,
// parses a submission, grades it and describes the result.
import { createHash } from 'node:crypto';
import { Marked } from 'marked';
import { m } from '$lib/paraglide/messages';
import { textProblem } from '$lib/user-text';
import { escapeHtml, inlineHtml } from '$lib/quiz/inline';
import {
	assemble,
	grade,
	itemId,
	keyOf,
	leftId,
	optionId,
	rightId,
	type Answer,
	type PublicQuestion
} from '$lib/quiz/engine';
import type { QuestionResult } from '$lib/quiz/result';
import type { Question, Quiz } from '$lib/quiz/schema';

const marked = new Marked({
	renderer: {
		// Focusable, so a keyboard user can scroll a wide code block.
		code: ({ text, lang }) =>
			`<pre tabindex="0"><code${lang ? ` class="language-${escapeHtml(lang.replace(/[^\w-]/g, ''))}"` : ''}>${escapeHtml(text)}</code></pre>\n`
	}
});

const rendered = new Map<string, string>();

/** Markdown from the catalog (trusted, authored in the repository) to HTML; the catalog is fixed, so cached. */
export function markdown(text: string): string {
	let html = rendered.get(text);
	if (html === undefined) {
		html = marked.parse(text, { async: false }) as string;
		rendered.set(text, html);
	}
	return html;
}

export function quizVersion(quiz: Quiz): string {
	let version = versions.get(quiz);
	if (version === undefined) {
		version = createHash('sha256').update(JSON.stringify(quiz)).digest('hex').slice(0, 16);
		versions.set(quiz, version);
	}
	return version;
}

// A catalog's quizzes never change once loaded (a new catalog is new objects): hashed once each.
const versions = new WeakMap<Quiz, string>();

export type ShownQuestion = PublicQuestion & { promptHtml: string };

/**
 * The questions of one attempt, drawn and ordered by its attempt_id, without their keys. `seen`:
 * the questions the learner's earlier attempts asked (those with a review card), drawn last.
 */
export function showQuiz(
	quiz: Quiz,
	attemptId: string,
	seen?: ReadonlySet<string>
): ShownQuestion[] {
	return assemble(quiz, attemptId, seen).map((q) => ({ ...q, promptHtml: markdown(q.prompt) }));
}

/** The questions an attempt asked, as it showed them, from the ids it recorded its answers under. */
export function showAsked(quiz: Quiz, attemptId: string, asked: Iterable<string>): ShownQuestion[] {
	const ids = new Set(asked);
	return showQuiz(
		quiz,
		attemptId,
		new Set(quiz.questions.filter((q) => !ids.has(q.id)).map((q) => q.id))
	);
}

// A choice the form never offered (a forged or mangled value): refused, never stored.
const CHOOSE = () => m.quiz_error_choose();

// What textProblem() says of a typed answer, in the page's language (its messages are English).
const TEXT_PROBLEMS: Record<string, () => string> = {
	'Remove the NUL character (U+0000) from this text: it cannot be stored.': m.quiz_error_text_nul,
	'This text has bytes that are not valid UTF-8: type it again, or paste it from elsewhere.':
		m.quiz_error_text_utf8,
	'Remove the control characters from this text.': m.quiz_error_text_control,
	'Keep this on one line.': m.quiz_error_text_line
};
const localProblem = (problem: string) => TEXT_PROBLEMS[problem]?.() ?? problem;

/** Reads each question's answer from the form; a malformed one is an error next to its question. */
export function parseAnswers(shown: PublicQuestion[], form: FormData) {
	const answers: Record<string, Answer> = {};
	const errors: Record<string, string> = {};
	const one = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v.slice(0, 500) : '';
	};
	for (const q of shown) {
		const name = `q-${q.id}`;
		switch (q.type) {
			case 'single': {
				const option = one(name) || null;
				if (option !== null && !q.options.some((o) => o.id === option)) errors[q.id] = CHOOSE();
				answers[q.id] = { type: 'single', option: errors[q.id] ? null : option };
				break;
			}
			case 'multiple': {
				const options = form.getAll(name).map(String).slice(0, 20);
				if (!options.every((id) => q.options.some((o) => o.id === id))) errors[q.id] = CHOOSE();
				answers[q.id] = { type: 'multiple', options: errors[q.id] ? [] : options };
				break;
			}
			case 'true-false': {
				const v = one(name);
				if (v !== '' && v !== 'true' && v !== 'false') errors[q.id] = CHOOSE();
				answers[q.id] = {
					type: 'true-false',
					value: v === 'true' ? true : v === 'false' ? false : null
				};
				break;
			}
			case 'numeric': {
				const raw = one(name).trim().replace(/\s/g, '').replace(',', '.');
				const value = raw === '' ? null : Number(raw);
				if (value !== null && !Number.isFinite(value)) errors[q.id] = m.quiz_error_number();
				answers[q.id] = {
					type: 'numeric',
					value: value !== null && Number.isFinite(value) ? value : null
				};
				break;
			}
			case 'text': {
				const value = one(name);
				const problem = textProblem(value);
				if (problem) errors[q.id] = localProblem(problem);
				answers[q.id] = { type: 'text', value: problem ? '' : value };
				break;
			}
			case 'order': {
				const positions = q.items.map((item) => ({
					id: item.id,
					at: Number(one(`${name}-${item.id}`))
				}));
				const given = positions.filter((p) => p.at >= 1);
				if (
					given.length > 0 &&
					(given.length < positions.length || new Set(given.map((p) => p.at)).size !== given.length)
				)
					errors[q.id] = m.quiz_error_positions({ n: q.items.length });
				answers[q.id] = {
					type: 'order',
					items:
						given.length === positions.length
							? [...positions].sort((a, b) => a.at - b.at).map((p) => p.id)
							: []
				};
				break;
			}
			case 'match': {
				const pairs = q.left.map((l) => [l.id, one(`${name}-${l.id}`)]).filter(([, r]) => r);
				if (!pairs.every(([, r]) => q.right.some((o) => o.id === r))) errors[q.id] = CHOOSE();
				answers[q.id] = { type: 'match', pairs: errors[q.id] ? {} : Object.fromEntries(pairs) };
				break;
			}
		}
	}
	return { answers, errors };
}

/** An answer as HTML: catalog texts through the inline renderer, the learner's own text escaped. */
function describe(q: Question, a: Answer): string {
	const none = '—';
	const md = (t: string | undefined) => (t === undefined ? '?' : inlineHtml(t));
	switch (q.type) {
		case 'single':
			return a.type === 'single' && a.option
				? md(q.options[Number(a.option.slice(1))]?.text)
				: none;
		case 'multiple':
			return a.type === 'multiple' && a.options.length
				? a.options.map((id) => md(q.options[Number(id.slice(1))]?.text)).join('; ')
				: none;
		case 'true-false':
			return a.type === 'true-false' && a.value !== null
				? a.value
					? m.quiz_true()
					: m.quiz_false()
				: none;
		case 'numeric':
			return a.type === 'numeric' && a.value !== null
				? escapeHtml(`${a.value}${q.unit ? ` ${q.unit}` : ''}`)
				: none;
		case 'text':
			return a.type === 'text' && a.value.trim() ? escapeHtml(a.value.trim()) : none;
		case 'order':
			return a.type === 'order' && a.items.length
				? a.items.map((id) => md(q.items[Number(id.slice(1))])).join(' → ')
				: none;
		case 'match': {
			if (a.type !== 'match' || !Object.keys(a.pairs).length) return none;
			const rights = [...q.pairs.map((x) => x.right), ...q.distractors];
			return q.pairs
				.map((p, i) => {
					const r = a.pairs[leftId(i)];
					return `${md(p.left)} → ${r ? md(rights[Number(r.slice(1))]) : none}`;
				})
				.join('; ');
		}
	}
}

export function gradeAttempt(quiz: Quiz, shown: PublicQuestion[], answers: Record<string, Answer>) {
	const byId = new Map(quiz.questions.map((q) => [q.id, q]));
	const results: QuestionResult[] = shown.map((s) => {
		const q = byId.get(s.id)!;
		const a = answers[s.id]!;
		const g = grade(q, a);
		const feedback =
			(q.type === 'single' || q.type === 'multiple') &&
			(a.type === 'single' || a.type === 'multiple')
				? q.options.flatMap((o, i) =>
						(a.type === 'single' ? a.option === optionId(i) : a.options.includes(optionId(i))) &&
						o.feedback
							? [inlineHtml(o.feedback)]
							: []
					)
				: [];
		return {
			id: q.id,
			promptHtml: markdown(q.prompt),
			score: g.score,
			max: g.max,
			correct: g.correct,
			yoursHtml: describe(q, a),
			rightHtml: describe(q, keyOf(q)),
			explanationHtml: markdown(q.explanation),
			feedbackHtml: feedback,
			section: q.section ?? null
		};
	});
	const score = results.reduce((n, r) => n + r.score, 0);
	const max = results.reduce((n, r) => n + r.max, 0);
	return {
		results,
		score: Math.round(score * 1000) / 1000,
		max,
		passed: score / max >= quiz.pass - 1e-9
	};
}

export { itemId, rightId };
