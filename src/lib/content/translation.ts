// Translations of the catalog, authored beside the English files (docs/authoring.md, "French"):
// `index.fr.md` beside `index.md`, `quiz.fr.yaml` beside `quiz.yaml`, `<roadmap>.fr.yaml`,
// `competencies.fr.yaml`, `<brief>.fr.yaml`. A translation holds texts only, keyed by the ids (or
// the positions) of its English source; ids, answer keys, points and tolerances stay in the source,
// so grading is one thing in every language. `source:` records the hash of the English file it
// was translated from: when the English changes, the translation is reported as stale.
import type { Quiz } from '../quiz/schema';

export const LOCALES = ['fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** What a translation of each kind of file is called: `x.md` → `x.fr.md`. */
const TRANSLATION = /^(.*)\.(fr)\.(md|ya?ml)$/;

/** The English file and locale of a translation file, or null when `path` is not one. */
export function translationOf(path: string): { source: string; locale: Locale } | null {
	const m = TRANSLATION.exec(path);
	return m ? { source: `${m[1]}.${m[3]}`, locale: m[2] as Locale } : null;
}

/**
 * The shape of a translation, derived from its English source:
 * - `text`: a string, required;
 * - `text?`: a string where the English has one, absent where it has none;
 * - `texts`: a list of strings as long as the English one;
 * - `free-texts`: a list of at least one string, of any length (accepted answers);
 * - `free-text`: an optional string whatever the English has;
 * - `pattern`: the same, and a valid regular expression (a text answer's French pattern);
 * - fields: an object with these keys only;
 * - list: a list as long as the English one, each item of the given shape;
 * - byId: the English is a list of objects with ids; the translation is a map id → item.
 */
export type Shape =
	| 'text'
	| 'text?'
	| 'texts'
	| 'free-texts'
	| 'free-text'
	| 'pattern'
	| { fields: Record<string, Shape>; keyFields?: readonly string[] }
	| { list: Shape }
	| { byId: Shape | ((item: unknown) => Shape); what: string };

export type Path = (string | number)[];

export interface MirrorProblem {
	path: Path;
	message: string;
}

/** What `courses:new -- --fr` puts before each text to translate; a text with it is not translated. */
export const TODO_MARK = 'TODO(fr): ';
export const TODO = /TODO\(fr\)/;
const NOT_YET = 'not translated yet: translate the text, then remove its TODO(fr) mark';

const isObject = (v: unknown): v is Record<string, unknown> =>
	v !== null && typeof v === 'object' && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/**
 * The English value with every text of `shape` replaced by its translation, and what is wrong
 * with the translation (a missing or extra text, a key that belongs to the source alone).
 */
export function mirror(
	english: unknown,
	translated: unknown,
	shape: Shape,
	path: Path = []
): { value: unknown; problems: MirrorProblem[] } {
	const problems: MirrorProblem[] = [];
	const fail = (message: string, at: Path = path) => {
		problems.push({ path: at, message });
		return { value: english, problems };
	};
	if (shape === 'text' || shape === 'text?' || shape === 'free-text' || shape === 'pattern') {
		if (translated === undefined) {
			if (shape === 'text' || (shape === 'text?' && english !== undefined))
				return fail('no translation: translate this text');
			return { value: english, problems };
		}
		if (shape === 'text?' && english === undefined)
			return fail('the English has no such text: remove it');
		if (!isText(translated)) return fail('expected a text');
		if (TODO.test(translated)) return fail(NOT_YET);
		if (shape === 'pattern') {
			try {
				new RegExp(translated, 'i');
			} catch (e) {
				return fail(`not a valid regular expression: ${(e as Error).message}`);
			}
		}
		return { value: translated, problems };
	}
	const none = english === undefined || (Array.isArray(english) && english.length === 0);
	if (translated === undefined && none && shape !== 'free-texts')
		return { value: english, problems };
	if (shape === 'texts' || shape === 'free-texts') {
		if (translated === undefined) return fail('no translation: translate this list');
		if (!Array.isArray(translated) || !translated.every(isText))
			return fail('expected a list of texts');
		if (translated.some((t) => TODO.test(t))) return fail(NOT_YET);
		if (shape === 'free-texts') {
			if (translated.length === 0) return fail('list at least one text');
			return { value: translated, problems };
		}
		const n = Array.isArray(english) ? english.length : 0;
		if (translated.length !== n)
			return fail(
				`the English lists ${n} text${n === 1 ? '' : 's'}, this ${translated.length}: translate each one, in the same order`
			);
		return { value: translated, problems };
	}
	if ('fields' in shape) {
		if (translated === undefined) return fail('no translation');
		if (!isObject(translated)) return fail('expected a map of fields');
		const out: Record<string, unknown> = { ...(isObject(english) ? english : {}) };
		for (const key of Object.keys(translated))
			if (!(key in shape.fields)) {
				const kept = shape.keyFields?.includes(key);
				problems.push({
					path: [...path, key],
					message: kept
						? `\`${key}\` belongs to the English file alone (ids, answer keys, points and settings are not translated): remove it`
						: `unknown field \`${key}\`: a translation holds ${Object.keys(shape.fields)
								.map((k) => `\`${k}\``)
								.join(', ')}`
				});
			}
		for (const [key, sub] of Object.entries(shape.fields)) {
			const en = isObject(english) ? english[key] : undefined;
			const optional = sub === 'text?' || sub === 'free-text' || sub === 'pattern';
			if (en === undefined && optional && translated[key] === undefined) continue;
			if (en === undefined && !optional) {
				if (translated[key] !== undefined)
					problems.push({
						path: [...path, key],
						message: 'the English has no such field: remove it'
					});
				continue;
			}
			const r = mirror(en, translated[key], sub, [...path, key]);
			problems.push(...r.problems);
			if (r.value !== undefined) out[key] = r.value;
		}
		return { value: out, problems };
	}
	if ('list' in shape) {
		if (translated === undefined) return fail('no translation: translate this list');
		if (!Array.isArray(translated)) return fail('expected a list');
		const en = Array.isArray(english) ? english : [];
		if (translated.length !== en.length)
			return fail(
				`the English lists ${en.length} item${en.length === 1 ? '' : 's'}, this ${translated.length}: translate each one, in the same order`
			);
		const value = en.map((item, i) => {
			const r = mirror(item, translated[i], shape.list, [...path, i]);
			problems.push(...r.problems);
			return r.value;
		});
		return { value, problems };
	}
	// byId
	if (translated === undefined) return fail(`no translation: translate each ${shape.what}`);
	if (!isObject(translated))
		return fail(`expected a map from each ${shape.what}'s id to its texts`);
	const en = (Array.isArray(english) ? english : []) as Record<string, unknown>[];
	const ids = new Set(en.map((item) => String(item.id)));
	for (const id of Object.keys(translated))
		if (!ids.has(id))
			problems.push({
				path: [...path, id],
				message: `the English has no ${shape.what} "${id}"${near(id, ids)}: remove it, or fix its id`
			});
	const value = en.map((item) => {
		const id = String(item.id);
		if (translated[id] === undefined) {
			problems.push({ path, message: `${shape.what} "${id}" has no translation` });
			return item;
		}
		const sub = typeof shape.byId === 'function' ? shape.byId(item) : shape.byId;
		const r = mirror(item, translated[id], sub, [...path, id]);
		problems.push(...r.problems);
		return r.value;
	});
	return { value, problems };
}

function near(id: string, ids: Set<string>): string {
	const close = [...ids].find(
		(x) => x.startsWith(id.slice(0, 4)) && Math.abs(x.length - id.length) < 4
	);
	return close ? ` (did you mean "${close}"?)` : '';
}

const SOURCE: Shape = 'text';

/** Fields of a quiz question that only its English file holds. */
const QUESTION_KEYS = [
	'id',
	'type',
	'points',
	'competencies',
	'section',
	'correct',
	'answer',
	'tolerance',
	'relative'
] as const;

/** The texts of one question, by its type; accepted answers are the French ones. */
export function questionShape(q: unknown): Shape {
	const type = isObject(q) ? q.type : undefined;
	const fields: Record<string, Shape> = { prompt: 'text', explanation: 'text' };
	if (type === 'single' || type === 'multiple')
		fields.options = {
			list: { fields: { text: 'text', feedback: 'text?' }, keyFields: ['correct'] }
		};
	if (type === 'numeric') fields.unit = 'text?';
	if (type === 'text') Object.assign(fields, { accept: 'free-texts', pattern: 'pattern' });
	if (type === 'order') fields.items = 'texts';
	if (type === 'match')
		Object.assign(fields, {
			pairs: { list: { fields: { left: 'text', right: 'text' } } },
			distractors: 'texts'
		});
	return { fields, keyFields: QUESTION_KEYS };
}

export const QUIZ_SHAPE: Shape = {
	fields: {
		source: SOURCE,
		questions: { byId: questionShape, what: 'question' }
	},
	keyFields: ['pass', 'draw', 'shuffle', 'attempts', 'feedback']
};

export const ROADMAP_SHAPE: Shape = {
	fields: {
		source: SOURCE,
		title: 'text',
		summary: 'text',
		description: 'text',
		missions: 'texts',
		risks: 'texts',
		phases: {
			byId: {
				fields: { title: 'text', summary: 'text?' },
				keyFields: ['id', 'months', 'hours', 'modules']
			},
			what: 'phase'
		},
		portfolio: {
			byId: {
				fields: { title: 'text', description: 'text' },
				keyFields: ['id', 'kind', 'requires', 'phase', 'min_score']
			},
			what: 'portfolio item'
		}
	},
	keyFields: ['id']
};

export const COMPETENCIES_SHAPE: Shape = {
	fields: {
		source: SOURCE,
		competencies: {
			byId: { fields: { title: 'text', description: 'text' }, keyFields: ['id', 'area'] },
			what: 'competency'
		}
	}
};

export const BRIEF_SHAPE: Shape = {
	fields: {
		source: SOURCE,
		goal: 'text',
		requirements: 'texts',
		acceptance: 'texts',
		rubric: {
			byId: { fields: { criterion: 'text', meets: 'text', exceeds: 'text' }, keyFields: ['id'] },
			what: 'rubric criterion'
		},
		milestones: { list: { fields: { title: 'text', deliverable: 'text' }, keyFields: ['hours'] } },
		stack: 'texts',
		datasets: {
			list: { fields: { name: 'text', licence: 'text', notes: 'text?' }, keyFields: ['url'] }
		},
		readme: 'texts'
	}
};

/** A translated quiz: the English quiz (keys, points, ids) with the translated texts. */
export type TranslatedQuiz = Quiz;

export interface Heading {
	level: number;
	text: string;
	line: number;
}

/** What must be the same in a lesson and its translation: headings, code, components, script. */
export interface Skeleton {
	headings: Heading[];
	/** Code blocks, verbatim (fence line included), with the line they start on. */
	code: { text: string; line: number }[];
	components: { tag: string; line: number }[];
	script: string;
}

/** The headings, code blocks, lesson components and `<script>` block of a lesson body. */
export function skeletonOf(body: string, firstLine = 1): Skeleton {
	const sk: Skeleton = { headings: [], code: [], components: [], script: '' };
	const lines = body.split('\n');
	let fence: { marker: string; start: number; text: string[] } | null = null;
	let inScript = false;
	const script: string[] = [];
	lines.forEach((l, i) => {
		const line = firstLine + i;
		if (fence) {
			fence.text.push(l);
			if (l.trim().startsWith(fence.marker) && l.trim().replace(/`|~/g, '') === '') {
				sk.code.push({ text: fence.text.join('\n'), line: fence.start });
				fence = null;
			}
			return;
		}
		const open = /^\s*(```+|~~~+)/.exec(l);
		if (open) {
			fence = { marker: open[1]!, start: line, text: [l] };
			return;
		}
		if (/^<script[\s>]/.test(l.trim())) inScript = true;
		if (inScript) {
			script.push(l.trim());
			if (/<\/script>/.test(l)) inScript = false;
			return;
		}
		const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
		if (h) sk.headings.push({ level: h[1]!.length, text: h[2]!, line });
		for (const m of l.matchAll(/<([A-Z][A-Za-z]+)[\s/>]/g))
			sk.components.push({ tag: m[1]!, line });
	});
	sk.script = script.join('\n');
	return sk;
}

/** The headings every language names its own way, by English text. */
export const SECTION_NAMES: Record<Locale, Record<string, string>> = {
	fr: { 'Check yourself': 'Vérifiez vos acquis', References: 'Références' }
};

/**
 * How a translated lesson differs in structure from its source: a problem at the translation's
 * line for each heading, code block or component that is not the source's.
 */
export function compareSkeletons(
	en: Skeleton,
	tr: Skeleton,
	locale: Locale,
	firstLine: number
): { line: number; message: string }[] {
	const out: { line: number; message: string }[] = [];
	const names = SECTION_NAMES[locale];
	const n = Math.max(en.headings.length, tr.headings.length);
	for (let i = 0; i < n; i++) {
		const e = en.headings[i];
		const t = tr.headings[i];
		if (!t) {
			out.push({
				line: tr.headings.at(-1)?.line ?? firstLine,
				message: `heading ${i + 1} of the English, ${'#'.repeat(e!.level)} ${e!.text}, has no translation: a translation has the same headings, in the same order`
			});
			break;
		}
		if (!e) {
			out.push({
				line: t.line,
				message: `heading "${t.text}" is not in the English: a translation has the same headings, in the same order`
			});
			break;
		}
		if (e.level !== t.level) {
			out.push({
				line: t.line,
				message: `heading "${t.text}" is level ${t.level}, its English "${e.text}" level ${e.level}`
			});
			break;
		}
		const fixed = names[e.text];
		if (fixed && t.text !== fixed) {
			out.push({
				line: t.line,
				message: `the section "${e.text}" is called "${fixed}" in ${locale}`
			});
			break;
		}
	}
	if (en.code.length !== tr.code.length)
		out.push({
			line: tr.code[Math.min(en.code.length, tr.code.length)]?.line ?? firstLine,
			message: `the English has ${en.code.length} code blocks, this ${tr.code.length}: copy each one, verbatim`
		});
	else
		en.code.forEach((c, i) => {
			if (c.text !== tr.code[i]!.text)
				out.push({
					line: tr.code[i]!.line,
					message: `this code block differs from the English one (line ${c.line} of the English): code is copied verbatim; explain it in the prose`
				});
		});
	const tags = (s: Skeleton) => s.components.map((c) => c.tag).join(', ');
	if (tags(en) !== tags(tr))
		out.push({
			line: tr.components[0]?.line ?? firstLine,
			message: `the lesson components differ: the English has [${tags(en)}], this [${tags(tr)}]`
		});
	if (en.script !== tr.script)
		out.push({
			line: firstLine,
			message: 'the <script> block differs from the English one: copy it verbatim'
		});
	return out;
}

/**
 * A translation file to fill in: the shape of `english` with each text copied and marked
 * TODO(fr), ids as keys; `courses:check` refuses it until every mark is gone.
 */
export function scaffold(english: unknown, shape: Shape): unknown {
	const mark = (t: unknown) => (typeof t === 'string' ? TODO_MARK + t : t);
	if (shape === 'text' || shape === 'text?' || shape === 'free-text' || shape === 'pattern')
		return mark(english);
	if (shape === 'texts' || shape === 'free-texts')
		return Array.isArray(english) && english.length ? english.map(mark) : undefined;
	if ('fields' in shape) {
		const out: Record<string, unknown> = {};
		for (const [key, sub] of Object.entries(shape.fields)) {
			const v = scaffold(isObject(english) ? english[key] : undefined, sub);
			if (v !== undefined) out[key] = v;
		}
		return out;
	}
	if ('list' in shape)
		return Array.isArray(english) && english.length
			? english.map((item) => scaffold(item, shape.list))
			: undefined;
	const items = (Array.isArray(english) ? english : []) as Record<string, unknown>[];
	if (!items.length) return undefined;
	return Object.fromEntries(
		items.map((item) => [
			String(item.id),
			scaffold(item, typeof shape.byId === 'function' ? shape.byId(item) : shape.byId)
		])
	);
}
