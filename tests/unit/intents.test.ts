// The intent scorer of the chatbot-testing lesson against figures computed independently with NumPy
// (scikit-learn is not installed here) on the bundled 30 lines. Its conventions: an answer is the
// predicted intent when confidence ≥ threshold, else nlu_fallback; the right answer for
// out_of_scope is nlu_fallback; per-intent scores over the in-scope intents only, 0 for 0/0.
//
// The script (the set pasted from DEFAULT_SET into /tmp/intent-set.txt):
//
//   import numpy as np
//   from collections import Counter
//   rows = [l.split('|') for l in open('/tmp/intent-set.txt').read().splitlines()
//           if l.strip() and not l.startswith('#')]
//   exp = np.array([r[1].strip() for r in rows]); pred = np.array([r[2].strip() for r in rows])
//   conf = np.array([float(r[3]) for r in rows])
//   def score(t):
//       ans = np.where(conf >= t, pred, 'nlu_fallback')
//       right = np.where(exp == 'out_of_scope', 'nlu_fallback', exp)
//       labels = sorted((set(exp) | set(pred)) - {'out_of_scope'})
//       out = []
//       for c in labels:
//           tp = np.sum((ans == c) & (right == c)); fp = np.sum((ans == c) & (right != c))
//           fn = np.sum((ans != c) & (right == c))
//           p = tp / (tp + fp) if tp + fp else 0.0; r = tp / (tp + fn) if tp + fn else 0.0
//           out.append((c, tp, fp, fn, p, r, 2 * p * r / (p + r) if p + r else 0.0))
//       macro = np.mean([o[6] for o in out]); acc = np.mean(ans == right)
//       fb = np.mean(ans == 'nlu_fallback'); cw = np.mean((ans != 'nlu_fallback') & (ans != right))
//       pairs = Counter((e, a) for e, a, r in zip(exp, ans, right) if a != r)
//       allab = sorted(set(ans) | set(right))  # micro-F1 over every label, the fallback included
//       tp = sum(np.sum((ans == c) & (right == c)) for c in allab)
//       fp = sum(np.sum((ans == c) & (right != c)) for c in allab)
//       fn = sum(np.sum((ans != c) & (right == c)) for c in allab)
//       return out, macro, acc, fb, cw, pairs, 2 * tp / (2 * tp + fp + fn)
//   print([t / 100 for t in range(101) if score(t / 100)[4] <= 0.1 + 1e-12
//          and score(t / 100)[3] <= 0.2 + 1e-12])   # [0.55, 0.56, 0.57, 0.58]
import { describe, expect, it } from 'vitest';
import {
	DEFAULT_SET,
	DEFAULT_THRESHOLD,
	MAX_LINES,
	parseTestSet,
	parseThreshold,
	scoreTestSet,
	type TestLine
} from '../../src/lib/lessons/intents';

const parse = (text: string): TestLine[] => {
	const p = parseTestSet(text);
	if (!('lines' in p)) throw new Error(p.error);
	return p.lines;
};
const L = parse(DEFAULT_SET);
const row = (r: ReturnType<typeof scoreTestSet>) =>
	Object.fromEntries(
		r.intents.map((i) => [i.intent, [i.tp, i.fp, i.fn, i.precision, i.recall, i.f1]])
	);

describe('scoring the bundled test set', () => {
	it('matches NumPy at the default threshold, 0.3', () => {
		expect(L).toHaveLength(30);
		const r = scoreTestSet(L, DEFAULT_THRESHOLD);
		const got = row(r);
		const want: Record<string, number[]> = {
			book_ticket: [6, 1, 0, 0.8571428571428571, 1, 0.923076923076923],
			cancel_booking: [4, 2, 1, 0.6666666666666666, 0.8, 0.7272727272727272],
			change_booking: [3, 0, 2, 1, 0.6, 0.7499999999999999],
			check_departure: [5, 3, 0, 0.625, 1, 0.7692307692307693],
			request_refund: [3, 1, 1, 0.75, 0.75, 0.75]
		};
		expect(Object.keys(got)).toEqual(Object.keys(want));
		for (const [intent, w] of Object.entries(want)) {
			expect(got[intent]!.slice(0, 3), intent).toEqual(w.slice(0, 3));
			for (let k = 3; k < 6; k++) expect(got[intent]![k], intent).toBeCloseTo(w[k]!, 12);
		}
		expect(r.macroF1).toBeCloseTo(0.7839160839160838, 12);
		expect(r.accuracy).toBeCloseTo(0.7666666666666667, 12);
		expect([r.correct, r.fallbacks, r.confidentWrong]).toEqual([23, 2, 7]);
		expect(r.fallbackRate).toBeCloseTo(0.06666666666666667, 12);
		expect(r.confidentWrongRate).toBeCloseTo(0.23333333333333334, 12);
		expect(r.pairs).toEqual([
			{ expected: 'change_booking', answer: 'cancel_booking', count: 2 },
			{ expected: 'out_of_scope', answer: 'check_departure', count: 2 },
			{ expected: 'cancel_booking', answer: 'request_refund', count: 1 },
			{ expected: 'out_of_scope', answer: 'book_ticket', count: 1 },
			{ expected: 'request_refund', answer: 'check_departure', count: 1 }
		]);
		expect(r.intents.map((i) => i.support)).toEqual([6, 5, 5, 5, 4]);
	});

	it('matches NumPy at 0.56: shaky guesses become fallbacks, and out_of_scope ones are right', () => {
		const r = scoreTestSet(L, 0.56);
		const got = row(r);
		expect(got.cancel_booking!.slice(0, 3)).toEqual([4, 1, 1]);
		expect(got.cancel_booking![5]).toBeCloseTo(0.8000000000000002, 12);
		expect(got.check_departure!.slice(0, 3)).toEqual([5, 1, 0]);
		expect(got.check_departure![5]).toBeCloseTo(0.9090909090909091, 12);
		expect(got.request_refund!.slice(0, 3)).toEqual([3, 0, 1]);
		expect(got.request_refund![5]).toBeCloseTo(0.8571428571428571, 12);
		expect(r.macroF1).toBeCloseTo(0.8478621378621378, 12);
		expect([r.correct, r.fallbacks, r.confidentWrong]).toEqual([24, 6, 3]);
		expect(r.accuracy).toBeCloseTo(0.8, 12);
		// Three out_of_scope lines fall back — right answers, so no confusion pair for them.
		expect(r.pairs).toEqual([
			{ expected: 'cancel_booking', answer: 'nlu_fallback', count: 1 },
			{ expected: 'change_booking', answer: 'cancel_booking', count: 1 },
			{ expected: 'change_booking', answer: 'nlu_fallback', count: 1 },
			{ expected: 'out_of_scope', answer: 'book_ticket', count: 1 },
			{ expected: 'out_of_scope', answer: 'check_departure', count: 1 },
			{ expected: 'request_refund', answer: 'nlu_fallback', count: 1 }
		]);
	});

	it('pools to accuracy when micro-averaged over every answer, the fallback included', () => {
		// NumPy's micro-F1 over all labels is 0.8 at 0.56 and 0.7667 at 0.3: the accuracy.
		for (const t of [0.3, 0.56]) {
			const r = scoreTestSet(L, t);
			const tp = r.correct;
			const wrong = r.total - r.correct; // each wrong line is one FP and one FN somewhere
			expect((2 * tp) / (2 * tp + 2 * wrong)).toBeCloseTo(r.accuracy, 12);
		}
		expect(scoreTestSet(L, 0.3).accuracy).toBeCloseTo(23 / 30, 12);
	});

	it('at the extremes: 0 answers everything, 1 sends everything to the fallback', () => {
		const all = scoreTestSet(L, 0);
		expect([all.correct, all.fallbacks, all.confidentWrong]).toEqual([21, 0, 9]);
		const none = scoreTestSet(L, 1);
		expect([none.correct, none.fallbacks, none.confidentWrong]).toEqual([5, 30, 0]);
		expect(none.macroF1).toBe(0);
		expect(none.intents.every((i) => i.precision === 0 && i.recall === 0)).toBe(true);
	});

	it('keeps a prediction whose confidence equals the threshold', () => {
		const at = scoreTestSet(L, 0.54);
		expect([at.fallbacks, at.confidentWrong]).toEqual([5, 4]);
		const above = scoreTestSet(L, 0.5401);
		expect([above.fallbacks, above.confidentWrong]).toEqual([6, 3]);
	});
});

describe('the exercise: at most 10 % confident wrong answers, at most 20 % fallbacks', () => {
	it('is solved exactly by 0.55 to 0.58 in steps of 0.01, as NumPy finds, not by the default', () => {
		const solving = Array.from({ length: 101 }, (_, i) => i / 100).filter(
			(t) => scoreTestSet(L, t).task.solved
		);
		expect(solving).toEqual([0.55, 0.56, 0.57, 0.58]);
		expect(scoreTestSet(L, DEFAULT_THRESHOLD).task).toEqual({
			starting: true,
			wrongOk: false,
			fallbackOk: true,
			solved: false
		});
	});

	it('has its edges where NumPy puts them: over 0.54, up to 0.58', () => {
		// 0.54: “Cancel my booking and put the money back…” is still answered, wrongly: 4 of 30.
		expect(scoreTestSet(L, 0.54).task).toMatchObject({ wrongOk: false, fallbackOk: true });
		expect(scoreTestSet(L, 0.5401).task.solved).toBe(true);
		// 3 of 30 is exactly 10 %, and 6 of 30 exactly 20 %: both allowed.
		const edge = scoreTestSet(L, 0.58);
		expect([edge.confidentWrong, edge.fallbacks, edge.task.solved]).toEqual([3, 6, true]);
		// Over 0.58, “Is the 7:40 to York still running?” falls back too: 7 of 30.
		expect(scoreTestSet(L, 0.5801).task).toMatchObject({ wrongOk: true, fallbackOk: false });
	});

	it('is set on the bundled lines: an edited set can be explored but does not solve it', () => {
		const extra = parse(DEFAULT_SET + '\nReturn to Hull please | book_ticket | book_ticket | 0.99');
		expect(scoreTestSet(extra, 0.56).task).toMatchObject({ starting: false, solved: false });
		// The same lines in another order and spacing are still the bundled ones.
		const shuffled = DEFAULT_SET.split('\n').reverse().join('\n').replace(/ \| /g, '|');
		expect(scoreTestSet(parse(shuffled), 0.56).task).toMatchObject({
			starting: true,
			solved: true
		});
	});
});

describe('reading the inputs', () => {
	it('names the first bad line and says what to write', () => {
		expect(parseTestSet('hi | greet | greet | 0.9\n# note\n\nbook | book_ticket 0.8')).toEqual({
			error:
				'Test set, line 4: write “utterance | expected | predicted | confidence”, four parts separated by “|” (this line has 2).'
		});
		expect(parseTestSet('a | greet | greet | 1.2')).toEqual({
			error: 'Test set, line 1: the confidence “1.2” must be a number from 0 to 1, e.g. 0.72.'
		});
		for (const c of ['-0.1', 'high', '0x1', 'Infinity', ''])
			expect(parseTestSet(`a | greet | greet | ${c}`)).toHaveProperty('error');
		expect(parseTestSet('a | Greet | greet | 0.5')).toEqual({
			error:
				'Test set, line 1: “Greet” is not an intent name — use lower-case letters, digits and _ (at most 40), starting with a letter.'
		});
		expect(parseTestSet(' | greet | greet | 0.5')).toEqual({
			error: 'Test set, line 1: the utterance is empty — write what the user said first.'
		});
		expect(parseTestSet('a | nlu_fallback | greet | 0.5')).toHaveProperty(
			'error',
			'Test set, line 1: write “out_of_scope” as the expected intent of a request the bot should not answer; “nlu_fallback” is what the threshold produces.'
		);
		expect(parseTestSet('b | greet | greet | 0.5\na | out_of_scope | out_of_scope | 0.5')).toEqual({
			error:
				'Test set, line 2: the predicted intent is the model’s best in-scope guess; “out_of_scope” is not one — the threshold decides the fallback.'
		});
	});

	it('bounds the lines, their length, and needs one in-scope line', () => {
		expect(parseTestSet('x'.repeat(200) + ' | a | a | 0.5')).toHaveProperty('lines');
		expect(parseTestSet('x'.repeat(201) + ' | a | a | 0.5')).toEqual({
			error: 'Test set, line 1: keep the utterance to 200 characters (it has 201).'
		});
		const many = Array(MAX_LINES).fill('hi | greet | greet | 0.9').join('\n');
		expect(parseTestSet(many)).toHaveProperty('lines');
		expect(parseTestSet(many + '\n')).toEqual({
			error: 'Test set: use at most 200 lines (there are 201).'
		});
		expect(parseTestSet('# only a comment\n\nq | out_of_scope | greet | 0.3')).toEqual({
			error:
				'Test set: give at least one line, one a line as “utterance | expected | predicted | confidence”, whose expected intent is not “out_of_scope”.'
		});
	});

	it('takes a threshold from 0 to 1 only', () => {
		expect(parseThreshold(' 0.55 ')).toEqual({ threshold: 0.55 });
		expect(parseThreshold('1')).toEqual({ threshold: 1 });
		for (const bad of ['', '1.01', '-0.1', 'half', 'Infinity', '0x1'])
			expect(parseThreshold(bad)).toEqual({
				error: 'Threshold: give a number from 0 to 1, e.g. 0.5.'
			});
	});

	it('counts an intent only predicted, never expected, with recall 0 and its false positives', () => {
		const r = scoreTestSet(
			parse('a | greet | greet | 0.9\nb | greet | thanks | 0.8\nc | out_of_scope | greet | 0.2'),
			0.5
		);
		// By hand: greet TP 1, FN 1 (b), FP 0 (c falls back: right); thanks TP 0, FP 1.
		expect(row(r)).toEqual({ greet: [1, 0, 1, 1, 0.5, 2 / 3], thanks: [0, 1, 0, 0, 0, 0] });
		expect(r.macroF1).toBeCloseTo(1 / 3, 12);
		expect([r.correct, r.fallbacks, r.confidentWrong]).toEqual([2, 1, 1]);
	});
});

describe('the intent scorer in French', () => {
	it('names the line and the problem in the page’s language; the scores do not change', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const short = 'hello | greet';
		expect(withLocale('en', () => parseTestSet(short))).toEqual({
			error:
				'Test set, line 1: write “utterance | expected | predicted | confidence”, four parts separated by “|” (this line has 2).'
		});
		expect(withLocale('fr', () => parseTestSet(short))).toEqual({
			error:
				'Jeu de test, ligne 1 : écrivez « énoncé | attendu | prédit | confiance », quatre parties séparées par « | » (cette ligne en a 2).'
		});
		expect(withLocale('fr', () => parseTestSet('# x\nhi | greet | greet | 1.5'))).toEqual({
			error:
				'Jeu de test, ligne 2 : la confiance « 1.5 » doit être un nombre de 0 à 1, par exemple 0.72.'
		});
		expect(withLocale('fr', () => parseTestSet('hi | Greet | greet | 0.5'))).toEqual({
			error:
				'Jeu de test, ligne 1 : « Greet » n’est pas un nom d’intention — utilisez des minuscules, des chiffres et _ (40 au plus), en commençant par une lettre.'
		});
		expect(withLocale('fr', () => parseTestSet('hi | greet | nlu_fallback | 0.5'))).toEqual({
			error:
				'Jeu de test, ligne 1 : l’intention prédite est la meilleure supposition du modèle parmi les intentions couvertes ; « nlu_fallback » n’en est pas une — c’est le seuil qui décide du repli.'
		});
		expect(withLocale('fr', () => parseTestSet('weather? | out_of_scope | greet | 0.5'))).toEqual({
			error:
				'Jeu de test : donnez au moins une ligne dont l’intention attendue n’est pas « out_of_scope », une par ligne sous la forme « énoncé | attendu | prédit | confiance ».'
		});
		expect(withLocale('en', () => parseTestSet('weather? | out_of_scope | greet | 0.5'))).toEqual({
			error:
				'Test set: give at least one line, one a line as “utterance | expected | predicted | confidence”, whose expected intent is not “out_of_scope”.'
		});
		// The same lines and the same scores in both languages: only the texts are translated.
		const fr = withLocale('fr', () => parseTestSet(DEFAULT_SET));
		const en = withLocale('en', () => parseTestSet(DEFAULT_SET));
		expect(fr).toEqual(en);
		expect(withLocale('fr', () => scoreTestSet(L, 0.56))).toEqual(
			withLocale('en', () => scoreTestSet(L, 0.56))
		);
	});
});
