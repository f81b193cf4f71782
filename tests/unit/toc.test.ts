import { describe, expect, it } from 'vitest';
import { headings, outline } from '../../src/lib/content/toc';
import { createSlugger, slugify } from '../../src/lib/content/slug.js';
import { findCycles, topologicalOrder } from '../../src/lib/content/graph';

describe('table of contents', () => {
	it('lists ## and ### headings outside code fences with unique ids', () => {
		const md = [
			'Intro',
			'## What a *token* is',
			'```python',
			'## not a heading',
			'```',
			'### Using `tiktoken`',
			'#### too deep',
			'## Common mistakes',
			'## Common mistakes'
		].join('\n');
		expect(headings(md)).toEqual([
			{ depth: 2, text: 'What a token is', id: 'what-a-token-is' },
			{ depth: 3, text: 'Using tiktoken', id: 'using-tiktoken' },
			{ depth: 2, text: 'Common mistakes', id: 'common-mistakes' },
			{ depth: 2, text: 'Common mistakes', id: 'common-mistakes-1' }
		]);
	});

	it('slugs drop accents and punctuation', () => {
		expect(slugify('Évaluer: BLEU & ROUGE!')).toBe('evaluer-bleu-rouge');
		const slug = createSlugger();
		expect([slug('A'), slug('A'), slug('B')]).toEqual(['a', 'a-1', 'b']);
	});
});

describe('prerequisite graph', () => {
	const graph: Record<string, string[]> = { a: [], b: ['a'], c: ['b', 'd'], d: ['c'] };
	it('finds each cycle once', () => {
		expect(findCycles(Object.keys(graph), (n) => graph[n]!)).toEqual([['c', 'd']]);
	});
	it('orders prerequisites first', () => {
		const order = topologicalOrder(['b', 'a'], (n) => graph[n]!);
		expect(order).toEqual(['a', 'b']);
	});
});

describe('outline', () => {
	it('nests each ### under its ##, so the ## are numbered 1, 2, 3 and the ### are not', () => {
		const list = headings(
			['## One', '### One a', '### One b', '## Two', '## Three', '### Three a'].join('\n\n')
		);
		expect(outline(list).map((h) => [h.text, h.depth, h.children.map((c) => c.text)])).toEqual([
			['One', 2, ['One a', 'One b']],
			['Two', 2, []],
			['Three', 2, ['Three a']]
		]);
	});

	it('keeps a ### that comes before any ## at the top level', () => {
		expect(outline(headings('### Early\n\n## Later')).map((h) => h.text)).toEqual([
			'Early',
			'Later'
		]);
	});
});
