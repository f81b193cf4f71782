// GIFT texts come in four formats; Jalons writes Markdown. `[markdown]` is taken as is; `[plain]`
// is escaped so it shows literally; `[html]` and `[moodle]` (Moodle's auto-format, which allows HTML
// and turns line breaks into <br>) go through a small HTML-to-Markdown conversion. What it cannot
// carry over (an unknown tag, an image stored in Moodle) is named in `notes`, never dropped silently.
import type { GiftText } from './parse';

/** Escapes text so Markdown shows it literally. `_____` (a missing word) is left alone. */
export function escapeMarkdown(text: string): string {
	return text
		.split('\n')
		.map((line) =>
			line
				.replace(/[\\`*[\]<>~|]/g, (c) => `\\${c}`)
				.replace(/_+/g, (u) => (u.length >= 5 ? u : u.replace(/_/g, '\\_')))
				.replace(/&(?=#?\w+;)/g, '\\&')
				.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, sp: string, c: string) =>
					/\d/.test(c) ? `${sp}${c.slice(0, -1)}\\${c.slice(-1)}` : `${sp}\\${c}`
				)
		)
		.join('\n');
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0'
};
function decodeEntities(s: string): string {
	return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
		if (e[0] === '#')
			return String.fromCodePoint(
				e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))
			);
		return ENTITIES[e.toLowerCase()] ?? all;
	});
}

const INLINE: Record<string, string> = { b: '**', strong: '**', i: '*', em: '*' };

function htmlToMarkdown(html: string, lineBreaks: boolean, notes: string[]): string {
	let out = '';
	let code: string | null = null;
	let link: string | null = null;
	const dropped = new Set<string>();
	const tokens = html.split(/(<\/?[a-zA-Z][^>]*>)/);
	for (const token of tokens) {
		const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>$/.exec(token);
		if (!tag) {
			const text = decodeEntities(token);
			if (code !== null) code += text;
			else {
				const t = lineBreaks ? text : text.replace(/\s*\n\s*/g, ' ');
				out += escapeMarkdown(t).replace(/\n/g, '\\\n');
			}
			continue;
		}
		const [, close, nameRaw, attrs] = tag as unknown as [string, string, string, string];
		const name = nameRaw.toLowerCase();
		if (name in INLINE) out += INLINE[name];
		else if (name === 'code' || name === 'tt') {
			if (!close) code = '';
			else if (code !== null) {
				const fence = '`'.repeat(
					(code.match(/`+/g) ?? ['']).reduce((n, r) => Math.max(n, r.length), 0) + 1
				);
				out += `${fence}${code.startsWith('`') ? ' ' : ''}${code}${code.endsWith('`') ? ' ' : ''}${fence}`;
				code = null;
			}
		} else if (name === 'br') out += '\\\n';
		else if (name === 'p' || name === 'div') out += close ? '\n\n' : out.trim() ? '\n\n' : '';
		else if (name === 'a') {
			if (!close) {
				link = /href\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? null;
				if (link !== null) out += '[';
			} else if (link !== null) {
				out += `](${decodeEntities(link)})`;
				link = null;
			}
		} else if (name === 'img') {
			const src = /src\s*=\s*["']([^"']*)["']/i.exec(attrs)?.[1] ?? '';
			notes.push(
				`image "${src}" left out: Jalons does not import Moodle files; add the image to the lesson`
			);
		} else dropped.add(name);
	}
	if (dropped.size)
		notes.push(
			`HTML ${[...dropped].map((t) => `<${t}>`).join(', ')} left out (Markdown has no equivalent); the text inside is kept`
		);
	return out.replace(/\n{3,}/g, '\n\n').trim();
}

/** A GIFT text as Markdown, with notes on anything that could not be carried over. */
export function toMarkdown(t: GiftText): { markdown: string; notes: string[] } {
	const notes: string[] = [];
	switch (t.format) {
		case 'markdown':
			return { markdown: t.text, notes };
		case 'plain':
			return { markdown: escapeMarkdown(t.text).replace(/\n/g, '\\\n'), notes };
		case 'html':
			return { markdown: htmlToMarkdown(t.text, false, notes), notes };
		case 'moodle':
			return { markdown: htmlToMarkdown(t.text, true, notes), notes };
	}
}
