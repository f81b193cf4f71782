import { describe, expect, it } from 'vitest';
import { quizFacts } from '../../src/lib/quiz/estimate';
import type { Quiz } from '../../src/lib/quiz/schema';

const tf = (id: string) =>
	({ id, type: 'true-false', prompt: 'p', explanation: 'e', points: 1, answer: true }) as const;
const order = (id: string, n: number) =>
	({
		id,
		type: 'order',
		prompt: 'p',
		explanation: 'e',
		points: 1,
		items: Array.from({ length: n }, (_, i) => `item ${i}`)
	}) as const;
const quiz = (questions: unknown[], draw?: number) =>
	({ pass: 0.7, shuffle: true, feedback: 'after', draw, questions }) as unknown as Quiz;

describe('quiz facts for the lesson page', () => {
	it('counts the questions drawn, not the pool', () => {
		expect(quizFacts(quiz([tf('a'), tf('b'), tf('c')], 2)).count).toBe(2);
		expect(quizFacts(quiz([tf('a'), tf('b'), tf('c')])).count).toBe(3);
	});

	it('estimates the average question of the pool times the draw, rounded up to a minute', () => {
		// 3 true/false (20 s each) = 60 s: 1 min; one order of 4 items is 55 s: (3·20+55)/4·4 = 115 s.
		expect(quizFacts(quiz([tf('a'), tf('b'), tf('c')])).minutes).toBe(1);
		expect(quizFacts(quiz([tf('a'), tf('b'), tf('c'), order('d', 4)])).minutes).toBe(2);
		expect(quizFacts(quiz([tf('a'), order('d', 4)], 1)).minutes).toBe(1);
		expect(quizFacts(quiz(Array.from({ length: 10 }, (_, i) => tf(`q${i}`)))).minutes).toBe(4);
	});

	it('gives the pass mark', () => {
		expect(quizFacts(quiz([tf('a')])).pass).toBe(0.7);
	});
});
