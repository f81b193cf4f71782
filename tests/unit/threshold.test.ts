// The threshold exercise against figures computed independently with NumPy on the same 30
// examples (score ≥ threshold flags a positive; precision is 0 when nothing is flagged).
import { describe, expect, it } from 'vitest';
import {
	confusion,
	DEFAULT_EXAMPLES,
	DEFAULT_THRESHOLD,
	parseExamples,
	parseThreshold,
	type Example
} from '../../src/lib/lessons/threshold';

const examples = (text: string): Example[] => {
	const p = parseExamples(text);
	if (!('examples' in p)) throw new Error(p.error);
	return p.examples;
};
const E = examples(DEFAULT_EXAMPLES);

describe('the confusion matrix and its metrics', () => {
	it('matches NumPy at the default threshold', () => {
		expect(E).toHaveLength(30);
		const c = confusion(E, DEFAULT_THRESHOLD);
		expect([c.tp, c.fp, c.fn, c.tn]).toEqual([7, 2, 3, 18]);
		expect(c.precision).toBeCloseTo(0.7777777777777778, 12);
		expect(c.recall).toBeCloseTo(0.7, 12);
		expect(c.f1).toBeCloseTo(0.7368421052631577, 12);
		expect(c.accuracy).toBeCloseTo(0.8333333333333334, 12);
		expect(c.baseline).toBeCloseTo(2 / 3, 12);
	});

	it('counts a score equal to the threshold as flagged', () => {
		const c = confusion(E, 0.41);
		expect([c.tp, c.fp, c.fn, c.tn]).toEqual([9, 3, 1, 17]);
		expect(c.precision).toBe(0.75);
		expect(c.f1).toBeCloseTo(0.8181818181818182, 12);
		expect(confusion(E, 0.4100001).tp).toBe(8);
	});

	it('matches NumPy at the extremes: flag everything, flag nothing', () => {
		const all = confusion(E, 0);
		expect([all.tp, all.fp, all.fn, all.tn]).toEqual([10, 20, 0, 0]);
		expect(all.precision).toBeCloseTo(1 / 3, 12);
		expect(all.f1).toBeCloseTo(0.5, 12);
		const none = confusion(E, 0.98);
		expect([none.tp, none.fp, none.fn, none.tn]).toEqual([0, 0, 10, 20]);
		expect(none.precision).toBe(0);
		expect(none.f1).toBe(0);
		expect(none.accuracy).toBeCloseTo(2 / 3, 12);
	});
});

describe('the exercise', () => {
	it('is solved exactly by the thresholds NumPy finds, 0.37 to 0.41, and not by the default', () => {
		const solving = Array.from({ length: 101 }, (_, i) => i / 100).filter(
			(t) => confusion(E, t).task.solved
		);
		expect(solving).toEqual([0.37, 0.38, 0.39, 0.4, 0.41]);
		expect(confusion(E, DEFAULT_THRESHOLD).task.solved).toBe(false);
		// Too low: every fraud is caught, but a third of the alerts are false.
		const low = confusion(E, 0.29);
		expect(low.recall).toBe(1);
		expect(low.precision).toBeCloseTo(2 / 3, 12);
		expect(low.task.solved).toBe(false);
	});

	it('is set on the starting examples: edited ones can be explored but do not solve it', () => {
		const perfect = examples('0.9 1\n0.8 1\n0.2 0\n0.1 0');
		const c = confusion(perfect, 0.5);
		expect([c.precision, c.recall]).toEqual([1, 1]);
		expect(c.task).toEqual({ starting: false, solved: false });
		// The same examples in another order, with commas, are still the starting ones.
		const shuffled = DEFAULT_EXAMPLES.split('\n').reverse().join('\n').replace(/ /g, ', ');
		expect(confusion(examples(shuffled), 0.4).task).toEqual({ starting: true, solved: true });
	});
});

describe('reading the inputs', () => {
	it('names the first bad line and says what to write', () => {
		expect(parseExamples('0.9 1\n0.8 1\nhigh 0\n0.1 0')).toEqual({
			error:
				'Examples, line 3: “high 0” is not a score and a label — write a score from 0 to 1, then 0 or 1, e.g. 0.72 1.'
		});
		expect('error' in parseExamples('0.9 1\n1.5 1\n0.2 0\n0.1 0')).toBe(true);
		expect(parseExamples('0.9 1\n0.8 yes\n0.2 0\n0.1 0')).toEqual({
			error: 'Examples, line 2: the label “yes” must be 1 (positive) or 0 (negative).'
		});
		expect(parseExamples('0.9 1\n\n0.2 0')).toEqual({
			error: 'Examples: give at least 4 examples, one a line (there are 2).'
		});
		expect(parseExamples('0.9 0\n0.8 0\n0.2 0\n0.1 0')).toEqual({
			error: 'Examples: give at least one positive (label 1) and one negative (label 0).'
		});
		expect('error' in parseExamples(Array(501).fill('0.5 1').join('\n'))).toBe(true);
	});

	it('takes a threshold from 0 to 1 only', () => {
		expect(parseThreshold(' 0.4 ')).toEqual({ threshold: 0.4 });
		expect(parseThreshold('1')).toEqual({ threshold: 1 });
		for (const bad of ['', '1.2', '-0.1', 'half', 'Infinity', '0x1'])
			expect(parseThreshold(bad)).toEqual({
				error: 'Threshold: give a number from 0 to 1, e.g. 0.5.'
			});
	});
});

describe('the threshold explorer in French', () => {
	it('names the line and the problem in the page’s language; the matrix is the same', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const bad = '0.9 1\n0.8 0\nhigh 0';
		expect(withLocale('en', () => parseExamples(bad))).toEqual({
			error:
				'Examples, line 3: “high 0” is not a score and a label — write a score from 0 to 1, then 0 or 1, e.g. 0.72 1.'
		});
		expect(withLocale('fr', () => parseExamples(bad))).toEqual({
			error:
				'Exemples, ligne 3 : « high 0 » n’est pas un score suivi d’une étiquette — écrivez un score de 0 à 1, puis 0 ou 1, par exemple 0.72 1.'
		});
		expect(withLocale('fr', () => parseExamples('0.9 1\n0.2 yes'))).toEqual({
			error: 'Exemples, ligne 2 : l’étiquette « yes » doit être 1 (positif) ou 0 (négatif).'
		});
		expect(withLocale('fr', () => parseExamples('0.9 1\n0.8 1\n0.7 1\n0.6 1'))).toEqual({
			error: 'Exemples : donnez au moins un positif (étiquette 1) et un négatif (étiquette 0).'
		});
		expect(withLocale('en', () => parseThreshold('2'))).toEqual({
			error: 'Threshold: give a number from 0 to 1, e.g. 0.5.'
		});
		expect(withLocale('fr', () => parseThreshold('2'))).toEqual({
			error: 'Seuil : donnez un nombre de 0 à 1, par exemple 0,5.'
		});
		const fr = withLocale('fr', () => parseExamples(DEFAULT_EXAMPLES));
		expect(fr).toEqual(withLocale('en', () => parseExamples(DEFAULT_EXAMPLES)));
		expect(withLocale('fr', () => confusion(E, DEFAULT_THRESHOLD))).toEqual(
			withLocale('en', () => confusion(E, DEFAULT_THRESHOLD))
		);
	});
});
