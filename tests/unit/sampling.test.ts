// The sampling exercise against the nlp-fundamentals lesson's own next_token_distribution(),
// run in Python with NumPy 2 on the same logits; expected figures copied from its output.
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_CANDIDATES,
	parseCandidates,
	parseTemperature,
	parseTopP,
	sample,
	type Candidate
} from '../../src/lib/lessons/sampling';

const candidates = (text: string): Candidate[] => {
	const c = parseCandidates(text);
	if (!('candidates' in c)) throw new Error(c.error);
	return c.candidates;
};
const C = candidates(DEFAULT_CANDIDATES);
const final = (t: number, p: number, cs = C) => sample(cs, t, p).tokens.map((x) => x.final);
const before = (t: number) => sample(C, t, 1).tokens.map((x) => x.probability);
const close = (got: number[], want: number[]) =>
	want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 12));

describe('temperature and top-p, as the lesson computes them', () => {
	it('gives the lesson’s probabilities at temperatures 1, 0.5 and 2', () => {
		close(before(1), [0.6652409557748218, 0.24472847105479764, 0.09003057317038046]);
		close(before(0.5), [0.8668133321973347, 0.11731042782619835, 0.015876239976466762]);
		close(before(2), [0.506480391055654, 0.3071958857184984, 0.1863237232258476]);
	});

	it('keeps the smallest set reaching p, and renormalises it', () => {
		close(final(1, 0.9), [0.7310585786300048, 0.26894142136999516, 0]);
		close(final(0.5, 0.9), [0.8807970779778824, 0.11920292202211756, 0]);
		close(final(2, 0.8), [0.6224593312018546, 0.37754066879814546, 0]);
		// 0.506 + 0.307 = 0.813 does not reach 0.9: all three stay.
		close(final(2, 0.9), [0.5064803910556541, 0.30719588571849843, 0.18632372322584762]);
		close(final(1, 0.5), [1, 0, 0]);
		close(final(1, 0), [1, 0, 0]);
		expect(sample(C, 1, 0.9).nucleusMass).toBeCloseTo(0.6652409557748218 + 0.24472847105479764, 12);
	});

	it('breaks ties as np.argsort(...)[::-1] does: the later token first', () => {
		const tied = candidates('A 3.1\nB -0.4\nC 2.2\nD 2.2\nE 0\nF -7');
		close(final(0.8, 0.7, tied), [0.7549149868676283, 0, 0, 0.24508501313237172, 0, 0]);
		close(
			final(0.8, 0.85, tied),
			[0.6063160177058281, 0, 0.19684199114708595, 0.19684199114708595, 0, 0]
		);
	});
});

describe('the exercise', () => {
	it('is not solved at the defaults, nor by temperature alone', () => {
		expect(sample(C, 1, 1).task.solved).toBe(false);
		for (const t of [0.01, 0.1, 0.5, 1, 2, 5]) expect(sample(C, t, 1).task.solved).toBe(false);
	});

	it('is solved when top-p cuts " a" and " located" keeps 20 %', () => {
		expect(sample(C, 1, 0.9).task).toEqual({
			starting: true,
			never: 0,
			keeps: expect.closeTo(0.26894142136999516, 12),
			solved: true
		});
		expect(sample(C, 2, 0.8).task.solved).toBe(true);
		// Cut, but a temperature of 0.7 leaves " located" 19.3 %; 0.5 is only the top token.
		expect(sample(C, 0.7, 0.95).task.keeps).toBeCloseTo(0.19332136980230868, 12);
		expect(sample(C, 0.7, 0.95).task.solved).toBe(false);
		expect(sample(C, 1, 0.5).task.solved).toBe(false);
	});

	it('is set on the lesson’s candidates: edited ones do not solve it', () => {
		const edited = candidates('Paris 2.0\nlocated 1.9\na -9');
		expect(sample(edited, 1, 0.9).task).toMatchObject({ starting: false, solved: false });
		expect(sample(candidates('a 0\nPariss 2\nlocated 1'), 1, 0.9).task.starting).toBe(false);
		expect(sample(candidates(' a 0.0\nlocated 1\nParis 2'), 1, 0.9).task.solved).toBe(true);
	});
});

describe('reading the inputs', () => {
	it('names the first bad line and says what to write', () => {
		expect(parseCandidates('Paris 2\nlocated one')).toEqual({
			error:
				'Candidates, line 2: “located one” is not a token and a logit — write the token, a space, then a number from −100 to 100, e.g. Paris 2.0.'
		});
		expect('error' in parseCandidates('Paris 2\n1.5')).toBe(true);
		expect('error' in parseCandidates('Paris 2\nRome 101')).toBe(true);
		expect(parseCandidates('Paris 2\nParis 1')).toEqual({
			error: 'Candidates, line 2: “Paris” is listed twice.'
		});
		expect(parseCandidates('Paris 2')).toEqual({
			error: 'Candidates: give at least 2 tokens, one a line (there are 1).'
		});
		expect(candidates('New York 1.5\nthe 0')[0]).toEqual({ token: 'New York', logit: 1.5 });
		expect(
			'error' in parseCandidates(Array.from({ length: 51 }, (_, i) => `t${i} 0`).join('\n'))
		).toBe(true);
	});

	it('takes a temperature from 0.01 to 5 and a top-p from 0 to 1', () => {
		expect(parseTemperature(' 0.7 ')).toEqual({ value: 0.7 });
		for (const bad of ['0', '5.5', '-1', 'hot', ''])
			expect(parseTemperature(bad)).toEqual({
				error: 'Temperature: give a number from 0.01 to 5, e.g. 0.7.'
			});
		expect(parseTopP('0')).toEqual({ value: 0 });
		for (const bad of ['1.01', '-0.1', 'most', ''])
			expect(parseTopP(bad)).toEqual({ error: 'Top-p: give a number from 0 to 1, e.g. 0.9.' });
	});
});

describe('the sampler in French', () => {
	it('names the line and the problem in the page’s language; the draw does not change', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const bad = 'Paris 2\nRome high';
		expect(withLocale('en', () => parseCandidates(bad))).toEqual({
			error:
				'Candidates, line 2: “Rome high” is not a token and a logit — write the token, a space, then a number from −100 to 100, e.g. Paris 2.0.'
		});
		expect(withLocale('fr', () => parseCandidates(bad))).toEqual({
			error:
				'Candidats, ligne 2 : « Rome high » n’est pas un jeton suivi d’un logit — écrivez le jeton, une espace, puis un nombre de −100 à 100, par exemple Paris 2.0.'
		});
		expect(withLocale('fr', () => parseCandidates('Paris 2\n\nParis 1'))).toEqual({
			error: 'Candidats, ligne 3 : « Paris » figure deux fois.'
		});
		expect(withLocale('fr', () => parseCandidates('Paris 2'))).toEqual({
			error: 'Candidats : donnez au moins 2 jetons, un par ligne (il y en a 1).'
		});
		expect(withLocale('fr', () => parseTemperature('hot'))).toEqual({
			error: 'Température : donnez un nombre de 0.01 à 5, par exemple 0.7.'
		});
		expect(withLocale('en', () => parseTemperature('hot'))).toEqual({
			error: 'Temperature: give a number from 0.01 to 5, e.g. 0.7.'
		});
		expect(withLocale('fr', () => parseTopP('2'))).toEqual({
			error: 'Top-p : donnez un nombre de 0 à 1, par exemple 0.9.'
		});
		// The same candidates and the same draw in both languages: only the texts are translated.
		const fr = withLocale('fr', () => parseCandidates(DEFAULT_CANDIDATES));
		expect(fr).toEqual(withLocale('en', () => parseCandidates(DEFAULT_CANDIDATES)));
		expect(withLocale('fr', () => sample(C, 0.8, 0.85))).toEqual(
			withLocale('en', () => sample(C, 0.8, 0.85))
		);
	});
});
