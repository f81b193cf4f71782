// A parser for Moodle's GIFT format, written from its documentation (docs.moodle.org "GIFT format")
// and checked against the behaviour of Moodle's importer where the documentation is silent: one
// answer section `{…}` per question, `=`/`~` start answers wherever they stand, `#` starts feedback,
// the last `####` starts general feedback, only whole-line `//` comments. Pure: text in, data out.

export type GiftFormat = 'moodle' | 'html' | 'plain' | 'markdown';
export const GIFT_FORMATS: readonly GiftFormat[] = ['moodle', 'html', 'plain', 'markdown'];

/** A piece of text with its escapes resolved and the format it is written in. */
export interface GiftText {
	text: string;
	format: GiftFormat;
}

export interface GiftAnswer {
	line: number;
	/** `=` (right) or `~` (wrong, or weighted), or '' for a short answer written without `=`. */
	mark: '=' | '~' | '';
	/** Percentage from `%n%`, when given. */
	weight?: number;
	text: GiftText;
	feedback?: GiftText;
}

export interface GiftNumber {
	line: number;
	weight?: number;
	/** The written form: `3:2` (value and tolerance), `1..5` (range) or `3` (exact). */
	value: number;
	tolerance: number;
	/** How it was written: `3`, `3:2` or `1..5`. */
	form: 'exact' | 'tolerance' | 'range';
	feedback?: GiftText;
}

export type GiftBody =
	| { kind: 'description' }
	| { kind: 'essay' }
	| { kind: 'true-false'; answer: boolean; wrongFeedback?: GiftText; rightFeedback?: GiftText }
	| { kind: 'multichoice'; answers: GiftAnswer[] }
	| { kind: 'short-answer'; answers: GiftAnswer[] }
	| {
			kind: 'matching';
			pairs: { line: number; left: GiftText; right: string }[];
	  }
	| { kind: 'numerical'; answers: GiftNumber[]; otherFeedback?: GiftText };

export interface GiftQuestion {
	kind: 'question';
	/** Line of the question's first text (after its comment lines). */
	line: number;
	title?: string;
	/** The block's `//` comment lines, without the slashes, with their lines. */
	comments: { line: number; text: string }[];
	/** The question text; `_____` marks a missing word. */
	text: GiftText;
	generalFeedback?: GiftText;
	body: GiftBody;
}

export interface GiftCategory {
	kind: 'category';
	line: number;
	name: string;
}

/** A block made only of comment lines (a heading, or the exporter's `// jalons-quiz` line). */
export interface GiftComments {
	kind: 'comments';
	line: number;
	comments: { line: number; text: string }[];
}

export type GiftItem = GiftQuestion | GiftCategory | GiftComments;

export interface GiftError {
	line: number;
	message: string;
}

// Escaped characters become private-use placeholders while the structure is read, then are
// restored: `\~ \= \# \{ \} \: \\` and `\n` (a newline).
const PLACEHOLDER_BASE = 0xe000;
const RESERVED = /[\uE000-\uE0FF]/;

function hide(s: string): string {
	return s.replace(/\\([\\~=#{}:n])/g, (_, c: string) =>
		String.fromCharCode(PLACEHOLDER_BASE + (c === 'n' ? 10 : c.charCodeAt(0)))
	);
}

function restore(s: string): string {
	return s.replace(/[\uE000-\uE0FF]/g, (c) =>
		String.fromCharCode(c.charCodeAt(0) - PLACEHOLDER_BASE)
	);
}

/** `[html]text` → the format and the text; an unknown `[word]` is text, as in Moodle. */
function withFormat(raw: string, inherited: GiftFormat): GiftText {
	const s = raw.trim();
	const m = /^\[(html|moodle|plain|markdown)\]/.exec(s);
	if (m) return { format: m[1] as GiftFormat, text: restore(s.slice(m[0].length)).trim() };
	return { format: inherited, text: restore(s).trim() };
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const tidy = (n: number) => Number(n.toPrecision(12));

/** Parses a GIFT file (already decoded) into its items, with every syntax error found. */
export function parseGift(source: string): { items: GiftItem[]; errors: GiftError[] } {
	const items: GiftItem[] = [];
	const errors: GiftError[] = [];
	const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
	lines.forEach((l, i) => {
		if (RESERVED.test(l))
			errors.push({
				line: i + 1,
				message:
					'contains a private-use character (U+E000–U+E0FF), which the importer reserves — remove it'
			});
	});
	if (errors.length) return { items, errors };
	let start = -1;
	for (let i = 0; i <= lines.length; i++) {
		const blank = i === lines.length || lines[i]!.trim() === '';
		if (!blank && start === -1) start = i;
		if (blank && start !== -1) {
			const item = parseBlock(lines.slice(start, i), start + 1, errors);
			if (item) items.push(item);
			start = -1;
		}
	}
	return { items, errors };
}

function parseBlock(block: string[], firstLine: number, errors: GiftError[]): GiftItem | null {
	const comments: { line: number; text: string }[] = [];
	const kept = block.map((l, i) => {
		if (l.trim().startsWith('//')) {
			comments.push({ line: firstLine + i, text: l.trim().slice(2).trim() });
			return '';
		}
		return l;
	});
	const s = hide(kept.join('\n'));
	const lineAt = (offset: number) => {
		let n = firstLine;
		for (let i = 0; i < offset && i < s.length; i++) if (s[i] === '\n') n++;
		return n;
	};
	const error = (offset: number, message: string) => {
		errors.push({ line: lineAt(offset), message });
		return null;
	};
	let pos = s.search(/\S/);
	if (pos === -1) return { kind: 'comments', line: firstLine, comments };
	const line = lineAt(pos);

	if (s.startsWith('$CATEGORY:', pos)) {
		const eol = s.indexOf('\n', pos);
		const name = restore(s.slice(pos + 10, eol === -1 ? undefined : eol)).trim();
		if (eol !== -1 && s.slice(eol).trim() !== '')
			return error(
				eol + 1 + (s.slice(eol + 1).search(/\S/) || 0),
				'a $CATEGORY: line stands alone: leave a blank line between it and the next question'
			);
		return { kind: 'category', line, name };
	}

	let title: string | undefined;
	if (s.startsWith('::', pos)) {
		const end = s.indexOf('::', pos + 2);
		if (end === -1)
			return error(
				pos,
				'the title opened with "::" is not closed with "::" (write \\: for a colon)'
			);
		title = restore(s.slice(pos + 2, end)).trim();
		pos = end + 2;
	}

	const open = s.indexOf('{', pos);
	const close = s.indexOf('}', pos);
	if (open === -1 && close === -1) {
		const text = withFormat(s.slice(pos), 'moodle');
		return { kind: 'question', line, title, comments, text, body: { kind: 'description' } };
	}
	if (close === -1)
		return error(
			open,
			'the answer section opened with "{" is not closed with "}" (write a literal brace as \\{)'
		);
	if (open === -1 || close < open)
		return error(close, 'a "}" without its "{" — write a literal brace as \\}');
	const again = s.slice(close + 1).search(/[{}]/);
	if (again !== -1)
		return error(
			close + 1 + again,
			'a question has one answer section {…}: write a literal brace as \\{ or \\}, and leave a blank line between questions'
		);

	const before = s.slice(pos, open);
	const after = s.slice(close + 1);
	const questionText = after.trim() === '' ? before : `${before}_____${after}`;
	const text = withFormat(questionText, 'moodle');
	let body = s.slice(open + 1, close);
	const bodyStart = open + 1;
	let generalFeedback: GiftText | undefined;
	const gf = body.lastIndexOf('####');
	if (gf !== -1) {
		generalFeedback = withFormat(body.slice(gf + 4), text.format);
		body = body.slice(0, gf);
	}
	const q = (b: GiftBody): GiftQuestion => ({
		kind: 'question',
		line,
		title,
		comments,
		text,
		generalFeedback,
		body: b
	});
	const trimmed = body.trim();
	const fmt = text.format;

	if (trimmed === '') return q({ kind: 'essay' });

	if (trimmed.startsWith('#')) {
		const hashAt = bodyStart + body.indexOf('#');
		let rest = body.slice(body.indexOf('#') + 1);
		const restStart = hashAt + 1;
		let otherFeedback: GiftText | undefined;
		const tilde = rest.indexOf('~');
		if (tilde !== -1) {
			const other = rest.slice(tilde + 1);
			const hash = other.indexOf('#');
			otherFeedback = withFormat(hash === -1 ? other : other.slice(hash + 1), fmt);
			if (!otherFeedback.text) otherFeedback = undefined;
			rest = rest.slice(0, tilde);
		}
		const answers: GiftNumber[] = [];
		const pieces = split(rest, restStart, /=/g);
		for (const piece of pieces) {
			if (piece.text.trim() === '') continue;
			let t = piece.text.trim();
			let weight: number | undefined;
			const w = /^%(-?\d+(?:\.\d+)?)%/.exec(t);
			if (w) {
				weight = Number(w[1]);
				t = t.slice(w[0].length);
			}
			const hash = t.indexOf('#');
			const feedback = hash === -1 ? undefined : withFormat(t.slice(hash + 1), fmt);
			const value = restore(hash === -1 ? t : t.slice(0, hash)).trim();
			const at = piece.offset + piece.text.search(/\S/);
			let parsed: Omit<GiftNumber, 'line' | 'weight' | 'feedback'> | null = null;
			const range = /^(.+?)\.\.(.+)$/.exec(value);
			if (range) {
				const [lo, hi] = [range[1]!.trim(), range[2]!.trim()];
				if (NUMBER.test(lo) && NUMBER.test(hi) && Number(lo) <= Number(hi))
					parsed = {
						value: tidy((Number(lo) + Number(hi)) / 2),
						tolerance: tidy((Number(hi) - Number(lo)) / 2),
						form: 'range'
					};
			} else {
				const [v, tol, extra] = value.split(':').map((x) => x.trim());
				if (
					extra === undefined &&
					NUMBER.test(v ?? '') &&
					(tol === undefined || (NUMBER.test(tol) && Number(tol) >= 0))
				)
					parsed = {
						value: Number(v),
						tolerance: Number(tol ?? 0),
						form: tol === undefined ? 'exact' : 'tolerance'
					};
			}
			if (!parsed) {
				error(
					at,
					`numerical answer "${value}" is not a number, "number:tolerance" or "low..high" (use a dot for decimals)`
				);
				continue;
			}
			answers.push({
				line: lineAt(at),
				weight,
				...parsed,
				feedback: feedback?.text ? feedback : undefined
			});
		}
		if (answers.length === 0 && !errors.some((e) => e.line >= line && e.line <= lineAt(close)))
			return error(hashAt, 'a numerical question {#…} needs at least one number');
		return q({ kind: 'numerical', answers, otherFeedback });
	}

	const answersOf = (markers: RegExp, allowBare: boolean): GiftAnswer[] | null => {
		const out: GiftAnswer[] = [];
		for (const piece of split(body, bodyStart, markers)) {
			const mark = piece.mark as GiftAnswer['mark'];
			if (mark === '' && piece.text.trim() === '') continue;
			if (mark === '' && !allowBare) {
				error(
					piece.offset + piece.text.search(/\S/),
					'text before the first answer: start each answer with "=" (right) or "~" (wrong)'
				);
				return null;
			}
			let t = piece.text.trim();
			let weight: number | undefined;
			const w = /^%(-?\d+(?:\.\d+)?)%/.exec(t);
			if (w) {
				weight = Number(w[1]);
				t = t.slice(w[0].length);
			}
			const hash = t.indexOf('#');
			const feedback = hash === -1 ? undefined : withFormat(t.slice(hash + 1), fmt);
			out.push({
				line: lineAt(piece.offset + Math.max(0, piece.text.search(/\S/))),
				mark,
				weight,
				text: withFormat(hash === -1 ? t : t.slice(0, hash), fmt),
				feedback: feedback?.text ? feedback : undefined
			});
		}
		return out;
	};

	if (trimmed.includes('~')) {
		const answers = answersOf(/[=~]/g, false);
		return answers && q({ kind: 'multichoice', answers });
	}
	if (trimmed.includes('=') && trimmed.includes('->')) {
		const pairs: { line: number; left: GiftText; right: string }[] = [];
		for (const piece of split(body, bodyStart, /=/g)) {
			if (piece.mark === '' && piece.text.trim() === '') continue;
			const at = piece.offset + Math.max(0, piece.text.search(/\S/));
			if (piece.mark === '')
				return error(at, 'text before the first pair: write each pair as "=left -> right"');
			const arrow = piece.text.indexOf('->');
			if (arrow === -1)
				return error(at, `"${restore(piece.text.trim())}" is not a pair: write "=left -> right"`);
			pairs.push({
				line: lineAt(at),
				left: withFormat(piece.text.slice(0, arrow), fmt),
				right: restore(piece.text.slice(arrow + 2)).trim()
			});
		}
		return q({ kind: 'matching', pairs });
	}
	// Case matters, as in Moodle: {true} is a short answer whose answer is "true".
	const head = restore(trimmed.split('#')[0]!).trim();
	if (['T', 'TRUE', 'F', 'FALSE'].includes(head)) {
		const [, wrong, ...right] = trimmed.split('#');
		const fb = (x: string | undefined) => {
			const t = x === undefined ? undefined : withFormat(x, fmt);
			return t?.text ? t : undefined;
		};
		return q({
			kind: 'true-false',
			answer: head.startsWith('T'),
			wrongFeedback: fb(wrong),
			rightFeedback: fb(right.length ? right.join('#') : undefined)
		});
	}
	const answers = answersOf(/=/g, true);
	return answers && q({ kind: 'short-answer', answers });
}

/** Splits `text` at each marker, keeping the marker and the absolute offset of what follows it. */
function split(text: string, base: number, markers: RegExp) {
	const out: { mark: string; text: string; offset: number }[] = [];
	let last = 0;
	let mark = '';
	for (const m of text.matchAll(markers)) {
		out.push({ mark, text: text.slice(last, m.index), offset: base + last });
		mark = m[0];
		last = m.index + 1;
	}
	out.push({ mark, text: text.slice(last), offset: base + last });
	return out;
}

/** Escapes text for GIFT, as Moodle's exporter does: the special characters and newlines. */
export function escapeGift(text: string): string {
	return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}
