import { describe, expect, it } from 'vitest';
import { continueWith, roadmapProgress, share, tally } from '../../src/lib/progress';

const phases = [
	{ id: 'foundations', modules: ['a', 'b'] },
	{ id: 'job-ready', modules: ['c'] }
];

describe('progress', () => {
	it('tallies completed modules per phase and overall, and names the next one', () => {
		const p = roadmapProgress(phases, { a: 'completed', b: 'started' });
		expect(p.phases).toEqual([
			{ id: 'foundations', tally: { done: 1, total: 2 } },
			{ id: 'job-ready', tally: { done: 0, total: 1 } }
		]);
		expect(p.overall).toEqual({ done: 1, total: 3 });
		expect(p.next).toBe('b');
		expect(
			roadmapProgress(phases, { a: 'completed', b: 'completed', c: 'completed' }).next
		).toBeNull();
	});

	it('computes shares without dividing by zero', () => {
		expect(share(tally([], {}))).toBe(0);
		expect(share(tally(['a', 'b'], { a: 'completed' }))).toBe(0.5);
	});

	it('continues with the last opened module, else the next of a followed roadmap', () => {
		const exists = (id: string) => id !== 'gone';
		expect(
			continueWith(
				[
					{ module_id: 'gone', status: 'started' },
					{ module_id: 'b', status: 'started' }
				],
				[],
				{},
				exists
			)
		).toBe('b');
		expect(
			continueWith(
				[{ module_id: 'a', status: 'completed' }],
				[{ modules: ['a', 'c'] }],
				{ a: 'completed' },
				exists
			)
		).toBe('c');
		expect(continueWith([], [], {}, exists)).toBeNull();
	});
});
