import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../src/lib/server/quiz';
import type { PublicQuestion } from '../../src/lib/quiz/engine';

const shown: PublicQuestion[] = [
	{
		id: 'pick',
		prompt: '',
		points: 1,
		type: 'single',
		options: [
			{ id: 'o0', text: 'a', html: 'a' },
			{ id: 'o1', text: 'b', html: 'b' }
		]
	},
	{
		id: 'many',
		prompt: '',
		points: 1,
		type: 'multiple',
		options: [{ id: 'o0', text: 'a', html: 'a' }]
	},
	{ id: 'yes', prompt: '', points: 1, type: 'true-false' },
	{ id: 'word', prompt: '', points: 1, type: 'text' },
	{
		id: 'pair',
		prompt: '',
		points: 1,
		type: 'match',
		left: [{ id: 'l0', text: 'x', html: 'x' }],
		right: [{ id: 'r0', text: 'y', html: 'y' }]
	}
];

const form = (fields: [string, string][]) => {
	const f = new FormData();
	for (const [k, v] of fields) f.append(k, v);
	return f;
};

describe('parseAnswers refuses what the form never offered, next to the question', () => {
	it('keeps well-formed answers', () => {
		const { answers, errors } = parseAnswers(
			shown,
			form([
				['q-pick', 'o1'],
				['q-many', 'o0'],
				['q-yes', 'false'],
				['q-word', 'overfitting'],
				['q-pair-l0', 'r0']
			])
		);
		expect(errors).toEqual({});
		expect(answers.pick).toEqual({ type: 'single', option: 'o1' });
		expect(answers.pair).toEqual({ type: 'match', pairs: { l0: 'r0' } });
	});

	it('refuses forged choices, NUL and invalid UTF-8, and stores none of them', () => {
		const { answers, errors } = parseAnswers(
			shown,
			form([
				['q-pick', 'o0\u0000'],
				['q-many', 'o9'],
				['q-yes', 'maybe'],
				['q-word', 'over\u0000fitting'],
				['q-pair-l0', 'r0\uFFFD']
			])
		);
		expect(Object.keys(errors).sort()).toEqual(['many', 'pair', 'pick', 'word', 'yes']);
		expect(errors.word).toMatch(/NUL/);
		expect(JSON.stringify(answers)).not.toMatch(/\\u0000|\uFFFD|o9|maybe/);
	});
});
