import { describe, expect, it } from 'vitest';
import { mastery } from '../../src/lib/quiz/mastery';

const tags = new Map([
	['m1/a', ['rag']],
	['m1/b', ['rag', 'llm-apis']],
	['m2/c', ['llm-apis']]
]);

describe('mastery', () => {
	it('counts only the latest result of each question', () => {
		const m = mastery(
			[
				{
					module_id: 'm1',
					results: { a: { score: 0, max: 1 }, b: { score: 1, max: 2 } },
					submitted_at: '2026-11-01T00:00:00Z'
				},
				{
					module_id: 'm1',
					results: { a: { score: 1, max: 1 } },
					submitted_at: '2026-11-02T00:00:00Z'
				}
			],
			tags
		);
		expect(m.get('rag')).toEqual({ share: 2 / 3, answered: 2, total: 2 });
		expect(m.get('llm-apis')).toEqual({ share: 0.5, answered: 1, total: 2 });
	});

	it('is null for a competency with nothing answered, and ignores unknown questions', () => {
		const m = mastery(
			[
				{
					module_id: 'gone',
					results: { x: { score: 1, max: 1 } },
					submitted_at: '2026-11-01T00:00:00Z'
				}
			],
			tags
		);
		expect(m.get('rag')).toEqual({ share: null, answered: 0, total: 2 });
	});
});
