// The drift exercise against NumPy and SciPy: expected figures computed with the model-drift
// lesson's own psi() (NumPy 2.4) and scipy.stats.ks_2samp (SciPy 1.17) on the same samples; the
// p-values from Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²), λ = (√n_e + 0.12 + 0.11/√n_e) D, in Python.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_CURRENT,
	DEFAULT_REFERENCE,
	drift,
	ks,
	parseSample,
	quantile
} from '../../src/lib/lessons/drift';

const values = (text: string) => {
	const s = parseSample(text, 'x');
	if (!('values' in s)) throw new Error(s.error);
	return s.values;
};
const fixture = (name: string) =>
	values(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
const R = values(DEFAULT_REFERENCE);
const C = values(DEFAULT_CURRENT);

describe('PSI at reference quantiles, as the lesson computes it', () => {
	it('matches NumPy on the default windows at 4, 5 and 10 bins', () => {
		expect(drift(R, C, 4).psi).toBeCloseTo(0.10564821168592398, 12);
		expect(drift(R, C, 5).psi).toBeCloseTo(0.2959117160241423, 12);
		expect(drift(R, C, 10).psi).toBeCloseTo(0.38676603487883066, 12);
		// Quartile cuts 44.55, 50.7, 55.1 put 14, 6, 7 and 13 of the 40 current rows in the bins.
		expect(drift(R, C, 4).bins.map((b) => b.actual * 40)).toEqual([14, 6, 7, 13]);
		expect(drift(R, C, 4).bins.map((b) => b.to)).toEqual([44.55, 50.7, 55.1, null]);
	});

	it('matches NumPy on 2,000 against 500 rows (the lesson’s N(50, 10) against N(55, 12))', () => {
		const d = drift(fixture('drift-reference.txt'), fixture('drift-current.txt'));
		expect(d.psi).toBeCloseTo(0.21281171474581462, 4); // the fixture rounds to 6 decimals
		expect(d.band).toBe('moderate');
		expect(d.ks.d).toBeCloseTo(0.1805, 10);
		expect(d.ks.p).toBeGreaterThan(0);
		expect(d.ks.p).toBeLessThan(1e-10);
	});

	it('merges tied cut points as np.unique does, and clips empty shares', () => {
		const t1 = [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 5, 5];
		const t2 = [1, 2, 2, 2, 3, 4, 4, 4, 5, 5, 5, 6];
		expect(drift(t1, t2, 4).psi).toBeCloseTo(0.8458970175294058, 12);
		const empty = drift([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 5);
		expect(empty.bins.filter((b) => b.actual === 0)).toHaveLength(4);
		expect(Number.isFinite(empty.psi)).toBe(true);
	});

	it('uses NumPy’s linear quantile', () => {
		expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
		expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
	});
});

describe('Kolmogorov–Smirnov', () => {
	it('gives SciPy’s D, with ties, and the asymptotic p-value with Stephens’ correction', () => {
		expect(ks(R, C).d).toBeCloseTo(0.175, 12);
		expect(ks(R, C).p).toBeCloseTo(0.5312986823451926, 10);
		const t = ks([1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 5, 5], [1, 2, 2, 2, 3, 4, 4, 4, 5, 5, 5, 6]);
		expect(t.d).toBeCloseTo(1 / 3, 12);
		expect(t.p).toBeCloseTo(0.4333089368104864, 10);
		expect(ks(R, R)).toEqual({ d: 0, p: 1 });
	});
});

describe('the exercise', () => {
	it('is not solved by the defaults, and is by a wider spread around the same mean', () => {
		const start = drift(R, C, 10);
		expect(start.task.solved).toBe(false);
		expect(start.band).toBe('major'); // 40 rows, 10 bins: noise alone reads as a major shift
		const m = start.reference.mean;
		const wider = R.map((x) => Math.round((m + (x - m) * 2.2) * 10) / 10);
		const d = drift(R, wider, 10);
		expect(Math.abs(d.meanChange!)).toBeLessThan(0.02);
		expect(d.task.psi).toBeCloseTo(0.7566978109088414, 10);
		expect(d.task.solved).toBe(true);
	});

	it('is not solved by moving the mean', () => {
		const shifted = R.map((x) => x + 10);
		const d = drift(R, shifted, 4);
		expect(d.task.psi).toBeGreaterThan(0.25);
		expect(d.task.solved).toBe(false);
	});
});

describe('reading a sample', () => {
	it('takes commas, semicolons, spaces and lines, and names the first bad token', () => {
		expect(values('1, 2;3\n4 5\t6,7,8,9,10e0')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(parseSample('1 2 3 x4 5 6 7 8 9 10', 'Current')).toEqual({
			error: 'Current: “x4” is not a number — separate numbers with commas or spaces.'
		});
		expect(parseSample('1 2 3', 'Reference')).toEqual({
			error: 'Reference: give at least 10 numbers (there are 3).'
		});
		expect(parseSample(Array(5001).fill('1').join(' '), 'Reference')).toEqual({
			error: 'Reference: give at most 5,000 numbers.'
		});
		expect('error' in parseSample('1 2 3 4 5 6 7 8 9 Infinity', 'x')).toBe(true);
	});
});

describe('the drift calculator in French', () => {
	it('names the window and the problem in the page’s language; figures are the same', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		expect(withLocale('en', () => parseSample('1 2 x4', 'Current window'))).toEqual({
			error: 'Current window: “x4” is not a number — separate numbers with commas or spaces.'
		});
		expect(withLocale('fr', () => parseSample('1 2 x4', 'Fenêtre actuelle'))).toEqual({
			error:
				'Fenêtre actuelle : « x4 » n’est pas un nombre — séparez les nombres par des virgules ou des espaces, et les décimales par un point (47.4).'
		});
		expect(withLocale('fr', () => parseSample('1 2 3', 'Fenêtre de référence'))).toEqual({
			error: 'Fenêtre de référence : donnez au moins 10 nombres (il y en a 3).'
		});
		const many = Array(5001).fill('1').join(' ');
		expect(withLocale('en', () => parseSample(many, 'Reference'))).toEqual({
			error: 'Reference: give at most 5,000 numbers.'
		});
		expect(withLocale('fr', () => parseSample(many, 'Référence'))).toEqual({
			error: 'Référence : donnez au plus 5\u202f000 nombres.'
		});
		const inFr = withLocale('fr', () => parseSample(DEFAULT_REFERENCE, 'Référence'));
		expect(inFr).toEqual(withLocale('en', () => parseSample(DEFAULT_REFERENCE, 'Reference')));
		const fr = withLocale('fr', () => drift(values(DEFAULT_REFERENCE), values(DEFAULT_CURRENT), 4));
		const en = withLocale('en', () => drift(values(DEFAULT_REFERENCE), values(DEFAULT_CURRENT), 4));
		expect(fr).toEqual(en);
	});
});
