// The redaction exercise. Expected match spans were computed independently with Python's `re`
// (re.finditer on the same sample, Python 3), which agrees with this automaton wherever greedy and
// longest matching coincide, as they do for these patterns.
import { describe, expect, it } from 'vitest';
import {
	compile,
	DEFAULT_PATTERNS,
	findAll,
	parsePatterns,
	PLANTED,
	redact,
	SAMPLE,
	TASK
} from '../../src/lib/lessons/redaction';

const spans = (pattern: string, text = SAMPLE) => {
	const c = compile(pattern);
	if ('error' in c) throw new Error(c.error);
	return findAll(c.states, text);
};
const run = (text: string) => {
	const p = parsePatterns(text);
	if ('error' in p) throw new Error(p.error);
	const r = redact(p.patterns);
	if ('error' in r) throw new Error(r.error);
	return r;
};
const SOLUTION = [
	'AKIA[0-9A-Z]{16}',
	'password=\\S+',
	'://[^:/\\s]+:[^@\\s]+@',
	'eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+',
	'[\\w.+-]+@[\\w-]+\\.[a-z]+',
	'-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]+-----END [A-Z ]*PRIVATE KEY-----',
	'ghp_[A-Za-z0-9]{36}'
].join('\n');

describe('matching, against Python re on the sample', () => {
	it.each([
		[
			'AKIA\\w+',
			[
				[130, 147],
				[179, 199]
			]
		],
		['password=\\S+', [[878, 915]]],
		['AKIA[0-9A-Z]{16}', [[179, 199]]],
		['://[^:/\\s]+:[^@\\s]+@', [[261, 291]]],
		['eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+', [[449, 578]]],
		[
			'[\\w.+-]+@[\\w-]+\\.[a-z]+',
			[
				[275, 309],
				[710, 737]
			]
		],
		['-----BEGIN [A-Z ]*PRIVATE KEY-----[^-]+-----END [A-Z ]*PRIVATE KEY-----', [[1077, 1288]]],
		['ghp_[A-Za-z0-9]{36}', [[994, 1034]]],
		[
			'\\S+@\\S+',
			[
				[251, 321],
				[710, 737],
				[761, 864]
			]
		],
		[
			'[0-9a-f]{32,}',
			[
				[50, 90],
				[636, 668],
				[800, 864]
			]
		],
		[
			'-----BEGIN [A-Z ]+KEY-----[^-]+-----END [A-Z ]+KEY-----',
			[
				[1077, 1288],
				[1289, 1401]
			]
		],
		[
			'\\w+\\.\\w+\\.\\w+',
			[
				[26, 32],
				[449, 578],
				[609, 625],
				[761, 781]
			]
		],
		[
			'password\\S*=\\S+',
			[
				[878, 915],
				[916, 938]
			]
		]
	])('%s', (pattern, expected) => {
		expect(spans(pattern)).toEqual(expected);
	});

	it('treats \\b as a word boundary, ? and {m,n} as bounded repeats, and prefers the longest match', () => {
		expect(spans('\\bcat\\b', 'cat concat cat_ cat.')).toEqual([
			[0, 3],
			[16, 19]
		]);
		expect(spans('colou?r', 'color colour colouur')).toEqual([
			[0, 5],
			[6, 12]
		]);
		expect(spans('\\d{2,3}', '1 12 1234')).toEqual([
			[2, 4],
			[5, 8]
		]);
		expect(spans('a\\w*', 'abc abd')).toEqual([
			[0, 3],
			[4, 7]
		]);
		expect(spans('[^a-c]+', 'abxyzc')).toEqual([[2, 5]]);
	});
});

describe('the exercise', () => {
	it('plants each secret and decoy once in the sample', () => {
		for (const p of PLANTED) {
			const i = SAMPLE.indexOf(p.text);
			expect(i, p.label).toBeGreaterThanOrEqual(0);
			expect(SAMPLE.indexOf(p.text, i + 1), p.label).toBe(-1);
		}
		expect(TASK).toEqual({ secrets: 7, decoys: 9 });
	});

	it('starts unsolved: one decoy over-redacted, five secrets leaked', () => {
		const r = run(DEFAULT_PATTERNS);
		expect(r.solved).toBe(false);
		expect(r.redactedSecrets).toBe(2);
		expect(r.touchedDecoys).toBe(1);
		expect(r.planted.find((p) => p.label.startsWith('Runbook'))!.covered).toBe(17);
		expect(r.perPattern).toEqual([
			{ source: 'AKIA\\w+', matches: 2 },
			{ source: 'password=\\S+', matches: 1 }
		]);
		expect(r.segments.map((s) => s.text).join('')).toBe(SAMPLE);
	});

	it('is solved by precise patterns, and the output hides every secret', () => {
		const r = run(SOLUTION);
		expect(r.solved).toBe(true);
		expect(r.redactedSecrets).toBe(7);
		expect(r.touchedDecoys).toBe(0);
		for (const p of PLANTED.filter((x) => x.kind === 'secret'))
			expect(r.output.includes(p.text), p.label).toBe(false);
		for (const p of PLANTED.filter((x) => x.kind === 'decoy'))
			expect(r.output.includes(p.text), p.label).toBe(true);
		expect(r.output).toContain('connect postgresql[REDACTED]:5432/orders');
	});

	it('is not solved by sloppy patterns that catch secrets and decoys alike', () => {
		const r = run(`${SOLUTION}\n\\S+@\\S+\n[0-9a-f]{32,}\npassword\\S*=\\S+`);
		expect(r.redactedSecrets).toBe(7);
		expect(r.touchedDecoys).toBe(4);
		expect(r.solved).toBe(false);
		const partial = run('AKIA[0-9A-Z]{10}');
		expect(partial.planted.find((p) => p.label === 'AWS access key ID')!.covered).toBe(14);
		expect(partial.redactedSecrets).toBe(0);
	});
});

describe('safe patterns', () => {
	it.each([
		['(a+)+b', 'groups and alternation'],
		['secret|token', 'groups and alternation'],
		['a**', 'repeats a repetition'],
		['a+?', 'repeats a repetition'],
		['*a', 'nothing to repeat'],
		['^AKIA', 'anchors'],
		['[a-z', 'never closed'],
		['[z-a]', 'runs backwards'],
		['a{3,2}', 'counts down'],
		['a{101}', 'go up to 100'],
		['a{x}', 'must be a count'],
		['\\p{L}', 'is not supported'],
		['a*', 'can match empty text'],
		['\\b', 'can match empty text'],
		['x{100}y{100}z{100}w{100}v{100}', 'repeats too much'],
		['a'.repeat(121), 'keep it to 120']
	])('refuses %s', (pattern, message) => {
		const c = compile(pattern);
		expect('error' in c && c.error).toContain(message);
	});

	it('names the bad line, and bounds the number of patterns', () => {
		expect(parsePatterns('AKIA\\w+\n\n(a|b)')).toEqual({
			error: expect.stringMatching(/^Patterns, line 3: “\(a\|b\)” groups/)
		});
		expect(parsePatterns(' \n ')).toEqual({ error: 'Patterns: write at least one pattern.' });
		expect(parsePatterns(Array(13).fill('a').join('\n'))).toEqual({
			error: 'Patterns: use at most 12 patterns (there are 13).'
		});
	});

	it('runs patterns that would backtrack for ever in a regex engine, in bounded steps', () => {
		// In a backtracking engine, this on a long run of word characters tries ~n^8 splits.
		const c = compile('\\w*\\w*\\w*\\w*\\w*\\w*\\w*\\w*!');
		if ('error' in c) throw new Error(c.error);
		expect(findAll(c.states, 'a'.repeat(2000))).toEqual([]);
		expect(findAll(c.states, 'a'.repeat(20) + '!')).toEqual([[0, 21]]);
	});

	it('stops at the step budget with an error rather than running on', () => {
		const p = parsePatterns('x{100}y');
		if ('error' in p) throw new Error(p.error);
		expect(redact(p.patterns, 'x'.repeat(40000))).toEqual({
			error: expect.stringContaining('takes too many steps')
		});
	});
});

describe('the redaction tester in French', () => {
	it('names the line and the problem in the page’s language; planted items too', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const grouped = 'AKIA\\w+\n\n(a|b)';
		expect(withLocale('en', () => parsePatterns(grouped))).toEqual({
			error:
				'Patterns, line 3: “(a|b)” groups and alternation (“(”) are not supported: write one pattern per line instead.'
		});
		expect(withLocale('fr', () => parsePatterns(grouped))).toEqual({
			error:
				'Motifs, ligne 3 : « (a|b) » — les groupes et l’alternance (« ( ») ne sont pas pris en charge : écrivez plutôt un motif par ligne.'
		});
		// Backslashes and braces reach the text as they are, in both languages.
		expect(withLocale('en', () => parsePatterns('\\p{L}'))).toEqual({
			error:
				'Patterns, line 1: “\\p{L}” \\p is not supported here: use \\d \\w \\s \\D \\W \\S \\b, or a class like [A-Z].'
		});
		expect(withLocale('fr', () => parsePatterns('\\p{L}'))).toEqual({
			error:
				'Motifs, ligne 1 : « \\p{L} » — \\p n’est pas pris en charge ici : utilisez \\d \\w \\s \\D \\W \\S \\b, ou une classe comme [A-Z].'
		});
		expect(withLocale('fr', () => parsePatterns('a{x}'))).toEqual({
			error:
				'Motifs, ligne 1 : « a{x} » — « { » doit être un nombre de répétitions comme {16}, {2,} ou {8,40}.'
		});
		expect(withLocale('en', () => compile('a{3,2}'))).toEqual({
			error: '{3,2} counts down: write the smaller number first.'
		});
		expect(withLocale('fr', () => compile('a{3,2}'))).toEqual({
			error: '{3,2} va en décroissant : écrivez d’abord le plus petit nombre.'
		});
		expect(withLocale('fr', () => parsePatterns(' \n '))).toEqual({
			error: 'Motifs : écrivez au moins un motif.'
		});
		const fr = withLocale('fr', () => run(DEFAULT_PATTERNS));
		const en = withLocale('en', () => run(DEFAULT_PATTERNS));
		expect(fr.planted[0]!.label).toBe('ID de clé d’accès AWS (access key ID)');
		expect(en.planted[0]!.label).toBe('AWS access key ID');
		expect(withLocale('fr', () => PLANTED.at(-1)!.label)).toBe('Clé publique');
		expect(new Set(fr.planted.map((p) => p.label)).size).toBe(PLANTED.length);
		// Everything but the labels is the same in both languages.
		const strip = (r: typeof fr) => ({
			...r,
			planted: r.planted.map((p) => ({ ...p, label: '' }))
		});
		expect(strip(fr)).toEqual(strip(en));
	});
});
