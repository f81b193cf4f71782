import { createSlugger } from './slug.js';

export interface Heading {
	depth: 2 | 3;
	text: string;
	id: string;
}

/** The `##`/`###` headings of a lesson, with the ids the mdsvex heading plugin gives them. */
export function headings(markdown: string): Heading[] {
	const slug = createSlugger();
	const out: Heading[] = [];
	let fence: string | null = null;
	for (const line of markdown.split('\n')) {
		const f = /^\s*(```+|~~~+)/.exec(line);
		if (f) {
			if (fence === null) fence = f[1]!;
			else if (f[1]!.startsWith(fence)) fence = null;
			continue;
		}
		if (fence !== null) continue;
		const h = /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(line);
		if (!h) continue;
		const text = h[2]!
			.replace(/`([^`]*)`/g, '$1')
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/(\*\*|__|\*|_)(.+?)\1/g, '$2');
		const id = slug(text);
		if (h[1]!.length <= 3) out.push({ depth: h[1]!.length as 2 | 3, text, id });
	}
	return out;
}

export interface TocEntry extends Heading {
	children: Heading[];
}

/**
 * Headings as a two-level outline: each `###` under the `##` before it. A flat list numbered the
 * `##` 1, •, •, 4 — the `###` took numbers of the list they were drawn in.
 */
export function outline(list: Heading[]): TocEntry[] {
	const out: TocEntry[] = [];
	for (const h of list) {
		const parent = out[out.length - 1];
		if (h.depth === 3 && parent) parent.children.push(h);
		else out.push({ ...h, depth: 2, children: [] });
	}
	return out;
}
