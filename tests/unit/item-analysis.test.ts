// Item analysis against a worked example computed independently (Python's `statistics` module:
// Pearson correlation, sample covariance and variance, the textbook G1/G2 and Cronbach's α formulas,
// not Moodle's moment formulas), and the edge cases where Moodle's definitions give null.
import { describe, expect, it } from 'vitest';
import {
	analysisCsv,
	itemAnalysis,
	randomGuessScore,
	type AttemptResults
} from '$lib/teach/item-analysis';
import { questionSchema, type Question } from '$lib/quiz/schema';

const q = (raw: Record<string, unknown>): Question =>
	questionSchema.parse({ prompt: 'A question', explanation: 'Because.', ...raw });
const tf = (id: string, points = 1) => q({ id, type: 'true-false', answer: true, points });

const QUESTIONS = [tf('q1'), tf('q2'), tf('q3', 2)];
const attempt = (...marks: number[]): AttemptResults =>
	Object.fromEntries(
		QUESTIONS.map((question, i) => [question.id, { score: marks[i]!, max: question.points }])
	);
// Six learners' first attempts: marks on q1 (of 1), q2 (of 1), q3 (of 2).
const WORKED = [
	attempt(1, 0, 2),
	attempt(1, 1, 2),
	attempt(0, 0, 0),
	attempt(1, 0, 1),
	attempt(0, 1, 2),
	attempt(1, 1, 1)
];

describe('item analysis, a worked example (6 learners, 3 questions)', () => {
	const { quiz, questions } = itemAnalysis(QUESTIONS, WORKED);
	const [q1, q2, q3] = questions;

	it('per question: facility, SD, discrimination index and efficiency', () => {
		expect(q1!.attempts).toBe(6);
		expect(q1!.facility).toBeCloseTo(66.6667, 3);
		expect(q1!.sd).toBeCloseTo(51.6398, 3);
		expect(q1!.discriminationIndex).toBeCloseTo(22.0863, 3);
		expect(q1!.discriminativeEfficiency).toBeCloseTo(25, 6);
		expect(q2!.facility).toBeCloseTo(50, 6);
		expect(q2!.sd).toBeCloseTo(54.7723, 3);
		expect(q2!.discriminationIndex).toBeCloseTo(33.3333, 3);
		expect(q2!.discriminativeEfficiency).toBeCloseTo(50, 6);
		expect(q3!.facility).toBeCloseTo(66.6667, 3);
		expect(q3!.sd).toBeCloseTo(40.8248, 3);
		expect(q3!.discriminationIndex).toBeCloseTo(54.2326, 3);
		expect(q3!.discriminativeEfficiency).toBeCloseTo(62.5, 6);
	});

	it('intended and effective weights', () => {
		expect(questions.map((x) => x.intendedWeight)).toEqual([25, 25, 50]);
		expect(q1!.effectiveWeight).toBeCloseTo(27.0331, 3);
		expect(q2!.effectiveWeight).toBeCloseTo(30.2239, 3);
		expect(q3!.effectiveWeight).toBeCloseTo(42.743, 3);
	});

	it('flags: q1 needs checking (index under 30), none is dubious (efficiency ≥ 15)', () => {
		expect(questions.map((x) => x.needsChecking)).toEqual([true, false, false]);
		expect(questions.map((x) => x.dubious)).toEqual([false, false, false]);
	});

	it('the whole quiz: mean, median, SD, skewness, kurtosis, α, error ratio, standard error', () => {
		expect(quiz.attempts).toBe(6);
		expect(quiz.mean).toBeCloseTo(62.5, 6);
		expect(quiz.median).toBeCloseTo(75, 6);
		expect(quiz.sd).toBeCloseTo(34.4601, 3);
		expect(quiz.skewness).toBeCloseTo(-1.37459, 4);
		expect(quiz.kurtosis).toBeCloseTo(2.35457, 4);
		expect(quiz.cic).toBeCloseTo(52.6316, 3);
		expect(quiz.errorRatio).toBeCloseTo(68.8247, 3);
		expect(quiz.standardError).toBeCloseTo(23.7171, 3);
		expect(quiz.cicNote).toBeNull();
	});
});

describe('item analysis, where the definitions give null', () => {
	it('one attempt (S = 1): facility only, every variance-based figure null', () => {
		const { quiz, questions } = itemAnalysis(QUESTIONS, [WORKED[0]!]);
		expect(questions[0]!.facility).toBe(100);
		for (const x of questions) {
			expect(x.sd).toBeNull();
			expect(x.discriminationIndex).toBeNull();
			expect(x.discriminativeEfficiency).toBeNull();
			expect(x.effectiveWeight).toBeNull();
			expect(x.dubious || x.needsChecking).toBe(false);
		}
		expect(quiz).toMatchObject({ mean: 75, median: 75, sd: null, skewness: null, cic: null });
	});

	it('a question everyone gets right: SD 0, no discrimination figures, no flags', () => {
		const attempts = WORKED.map((a) => ({ ...a, q1: { score: 1, max: 1 } }));
		const q1 = itemAnalysis(QUESTIONS, attempts).questions[0]!;
		expect(q1.facility).toBe(100);
		expect(q1.sd).toBe(0);
		expect(q1.discriminationIndex).toBeNull();
		expect(q1.discriminativeEfficiency).toBeNull();
		expect(q1.needsChecking).toBe(false);
	});

	it('every total equal: SD 0, no skewness, kurtosis or α, and the reason said', () => {
		const same = [attempt(1, 0, 1), attempt(0, 1, 1), attempt(1, 1, 0), attempt(0, 0, 2)];
		const { quiz, questions } = itemAnalysis(QUESTIONS, same);
		expect(quiz.sd).toBe(0);
		expect(quiz).toMatchObject({ skewness: null, kurtosis: null, cic: null });
		expect(quiz.cicNote).toMatch(/same total/);
		// Each question's marks still vary, against other marks that move the other way.
		expect(questions[2]!.discriminationIndex).toBeLessThan(0);
		expect(questions[2]!.needsChecking).toBe(true);
	});

	it('a drawn quiz: each question over the attempts that asked it, and no α', () => {
		const drawn = WORKED.map((a, i) => {
			const { q2, ...rest } = a;
			return i % 2 ? rest : { ...rest, q2: q2! };
		});
		const { quiz, questions } = itemAnalysis(QUESTIONS, drawn);
		expect(questions[1]!.attempts).toBe(3);
		expect(questions[0]!.attempts).toBe(6);
		expect(quiz.cic).toBeNull();
		expect(quiz.cicNote).toMatch(/different questions/);
	});

	it('no attempts at all', () => {
		const { quiz, questions } = itemAnalysis(QUESTIONS, []);
		expect(quiz.attempts).toBe(0);
		expect(questions.every((x) => x.attempts === 0 && x.facility === null)).toBe(true);
	});
});

describe('random guess score under Jalons’ grading rules', () => {
	it('per type', () => {
		const opts = (n: number) =>
			Array.from({ length: n }, (_, i) => ({ text: `o${i}`, correct: i === 0 }));
		expect(randomGuessScore(q({ id: 's', type: 'single', options: opts(4) }))).toBe(0.25);
		expect(randomGuessScore(tf('t'))).toBe(0.5);
		expect(randomGuessScore(q({ id: 'n', type: 'numeric', answer: 3 }))).toBe(0);
		expect(randomGuessScore(q({ id: 'x', type: 'text', accept: ['a'] }))).toBe(0);
		expect(randomGuessScore(q({ id: 'm', type: 'multiple', options: opts(4) }))).toBeNull();
		const match = q({
			id: 'p',
			type: 'match',
			pairs: [
				{ left: 'a', right: '1' },
				{ left: 'b', right: '2' }
			],
			distractors: ['3']
		});
		expect(randomGuessScore(match)).toBeCloseTo(1 / 3, 9);
		expect(randomGuessScore(q({ id: 'o', type: 'order', items: ['a', 'b', 'c', 'd'] }))).toBe(0.25);
	});

	it('the order rule matches every permutation of 4 items graded by the engine’s rule', () => {
		// Enumerate all 24 orders: the mean share of neighbour pairs in key order must be 1/4.
		const perms = (xs: number[]): number[][] =>
			xs.length <= 1
				? [xs]
				: xs.flatMap((x) => perms(xs.filter((y) => y !== x)).map((p) => [x, ...p]));
		const shares = perms([0, 1, 2, 3]).map((p) => {
			let pairs = 0;
			for (let i = 0; i + 1 < p.length; i++) if (p[i + 1] === p[i]! + 1) pairs++;
			return pairs / 3;
		});
		expect(shares.reduce((a, b) => a + b, 0) / shares.length).toBeCloseTo(0.25, 12);
	});
});

describe('the CSV', () => {
	it('has the agreed header, two decimals, empty cells for null and true/false flags', () => {
		const { questions } = itemAnalysis(QUESTIONS, WORKED);
		const lines = analysisCsv(questions).trimEnd().split('\n');
		expect(lines[0]).toBe(
			'question_id,attempts,facility,sd,random_guess,intended_weight,effective_weight,discrimination_index,discriminative_efficiency,dubious,needs_checking'
		);
		expect(lines[1]).toBe('q1,6,66.67,51.64,50.00,25.00,27.03,22.09,25.00,false,true');
		const single = analysisCsv(itemAnalysis(QUESTIONS, [WORKED[0]!]).questions).split('\n')[1];
		expect(single).toBe('q1,1,100.00,,50.00,25.00,,,,false,false');
	});
});
