// Inline Markdown for the short texts of a quiz (options, order items, match labels, feedback):
// `code`, **strong** / __strong__ and *emphasis* / _emphasis_, nothing else. Everything is
// HTML-escaped first, so no tag or attribute can come through, whatever a course file holds.
// Links are left as text on purpose: these texts sit inside <label>s, where a link would be an
// interactive element inside another one (a click would follow it instead of choosing the answer).
// One renderer for the quiz page, its results and reviews. Pure, shared by server and browser.

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// A code span: a run of backticks, its content, the same run again (CommonMark's rule, simplified).
const CODE = /(`+)([\s\S]*?[^`])\1(?!`)/g;

function emphasis(escaped: string): string {
	return (
		escaped
			// Backslash escapes: \* \_ \` \\ stay literal characters.
			.replace(/\\([\\`*_])/g, (_, c: string) => `&#${c.charCodeAt(0)};`)
			.replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '<strong>$1</strong>')
			.replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1<strong>$2</strong>')
			.replace(/\*(?=\S)([\s\S]*?\S)\*/g, '<em>$1</em>')
			// Underscores inside words (snake_case) are not emphasis.
			.replace(/(^|[^\w])_(?=\S)([\s\S]*?\S)_(?!\w)/g, '$1<em>$2</em>')
	);
}

// Its texts are a course's (options, items, feedback), the same on every page load: each is
// rendered once. Bounded all the same, should it ever be handed texts without end.
const renderedInline = new Map<string, string>();

/** Inline Markdown to safe HTML. */
export function inlineHtml(text: string): string {
	let html = renderedInline.get(text);
	if (html === undefined) {
		if (renderedInline.size >= 20_000) renderedInline.clear();
		html = renderInline(text);
		renderedInline.set(text, html);
	}
	return html;
}

function renderInline(text: string): string {
	let out = '';
	let last = 0;
	for (const m of text.matchAll(CODE)) {
		out += emphasis(escapeHtml(text.slice(last, m.index)));
		// CommonMark: one leading and one trailing space are stripped when both are there.
		const code = /^ [\s\S]* $/.test(m[2]!) && m[2]!.trim() ? m[2]!.slice(1, -1) : m[2]!;
		out += `<code>${escapeHtml(code)}</code>`;
		last = m.index + m[0].length;
	}
	return out + emphasis(escapeHtml(text.slice(last)));
}

/** The same text without its markup, for places that hold text only (a <select>'s options). */
export function inlinePlain(text: string): string {
	let out = '';
	let last = 0;
	const strip = (s: string) =>
		s
			.replace(/\\([\\`*_])/g, '\uE000$1')
			.replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
			.replace(/(^|[^\w])([*_])(?=\S)([\s\S]*?\S)\2(?!\w)/g, '$1$3')
			.replace(/\*(?=\S)([\s\S]*?\S)\*/g, '$1')
			.replace(/\uE000/g, '');
	for (const m of text.matchAll(CODE)) {
		out += strip(text.slice(last, m.index)) + m[2]!.trim();
		last = m.index + m[0].length;
	}
	return out + strip(text.slice(last));
}
