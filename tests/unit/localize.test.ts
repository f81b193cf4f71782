// The catalog as a French reader sees it (src/lib/content/localize.ts): translated texts where a
// translation exists, the English where none does — each such item named in `fallbacks`, so that
// its page can say it is shown in English — and the same ids, order and answer keys either way.
import { describe, expect, it } from 'vitest';
import { checkCatalog, type SourceFile } from '../../src/lib/content/catalog';
import { localizeCatalog } from '../../src/lib/content/localize';
import { formatProblem } from '../../src/lib/content/problems';
import { sourceHash } from '../../src/lib/content/source-hash';
import { fixture } from '../helpers/fixtures';

const M = 'courses/modules/nlp/tokenization';
const base = fixture('base');
const hash = (path: string) => sourceHash(base.find((f) => f.path === path)!.text);

// One module of the fixture translated (its lesson and its quiz); every other item is not.
const LESSON_FR: SourceFile = {
	path: `${M}/index.fr.md`,
	text: [
		'---',
		`source: ${hash(`${M}/index.md`)}`,
		'title: Module tokenisation',
		'summary: Un module de test.',
		'---',
		'',
		'Du texte.\n\n## Première section\n\n### Un détail avec `code`\n\n## Deuxième section\n'
	].join('\n')
};
const QUIZ_FR: SourceFile = {
	path: `${M}/quiz.fr.yaml`,
	text: `source: ${hash(`${M}/quiz.yaml`)}
questions:
  q1:
    prompt: Choisissez-en une.
    options:
      - text: Juste
      - text: Faux
    explanation: Parce que.
  q2:
    prompt: Vrai ?
    explanation: Parce que.
`
};

function catalogs() {
	const { catalog, problems } = checkCatalog([...base, LESSON_FR, QUIZ_FR], {
		today: '2026-12-01'
	});
	expect(problems.map(formatProblem)).toEqual([]);
	return { catalog, en: localizeCatalog(catalog, 'en'), fr: localizeCatalog(catalog, 'fr') };
}

describe('localizeCatalog', () => {
	it('in English, is the catalog as it is, with nothing fallen back', () => {
		const { catalog, en } = catalogs();
		expect(en.locale).toBe('en');
		expect(en.fallbacks.size).toBe(0);
		expect(en.modules).toBe(catalog.modules);
		expect(en.quizzes).toBe(catalog.quizzes);
	});

	it('in French, names every item shown in English for want of a translation, and only those', () => {
		const { catalog, fr } = catalogs();
		expect(fr.locale).toBe('fr');
		const expected = [
			...[...catalog.modules.keys()]
				.filter((id) => id !== 'tokenization')
				.map((id) => `module:${id}`),
			...[...catalog.quizzes.keys()]
				.filter((id) => id !== 'tokenization')
				.map((id) => `quiz:${id}`),
			...[...catalog.roadmaps.keys()].map((id) => `roadmap:${id}`),
			...[...catalog.competencies.keys()].map((id) => `competency:${id}`),
			...[...catalog.briefs.keys()].map((id) => `brief:${id}`)
		];
		expect([...fr.fallbacks].sort()).toEqual(expected.sort());
		expect(fr.fallbacks.has('module:tokenization')).toBe(false);
		expect(fr.fallbacks.has('quiz:tokenization')).toBe(false);
		// The fixture has more than the one translated module: the test means something.
		expect(fr.fallbacks.has('module:embeddings')).toBe(true);
		expect(fr.fallbacks.has('roadmap:prompt-engineer')).toBe(true);
	});

	it('serves the translated texts, and the English ones where none exists', () => {
		const { catalog, fr } = catalogs();
		const mod = fr.modules.get('tokenization')!;
		expect(mod.title).toBe('Module tokenisation');
		expect(mod.file).toBe(`${M}/index.fr.md`);
		expect(mod.body).toContain('## Première section');
		expect(fr.modules.get('embeddings')).toEqual(catalog.modules.get('embeddings'));
		expect(fr.roadmaps.get('prompt-engineer')).toEqual(catalog.roadmaps.get('prompt-engineer'));
	});

	it('keeps the ids, their order and every field that is not a text', () => {
		const { catalog, fr } = catalogs();
		for (const kind of ['modules', 'quizzes', 'roadmaps', 'competencies', 'briefs'] as const)
			expect([...fr[kind].keys()]).toEqual([...catalog[kind].keys()]);
		const en = catalog.modules.get('tokenization')!;
		const mod = fr.modules.get('tokenization')!;
		const { file: _f, title: _t, summary: _s, body: _b, bodyLine: _l, ...rest } = mod;
		const { file: _f2, title: _t2, summary: _s2, body: _b2, bodyLine: _l2, ...restEn } = en;
		expect(rest).toEqual(restEn);
		expect(mod.id).toBe('tokenization');
		expect(mod.competencies).toEqual(en.competencies);
	});

	it('grades a translated quiz with the English answer keys', () => {
		const { catalog, fr } = catalogs();
		const en = catalog.quizzes.get('tokenization')!;
		const q = fr.quizzes.get('tokenization')!;
		expect(q.questions.map((x) => x.id)).toEqual(en.questions.map((x) => x.id));
		expect(q.questions.map((x) => x.type)).toEqual(en.questions.map((x) => x.type));
		expect(q.questions.map((x) => x.prompt)).toEqual(['Choisissez-en une.', 'Vrai ?']);
		const [q1, q2] = q.questions;
		const [e1, e2] = en.questions;
		expect(q1!.type === 'single' && q1!.options.map((o) => [o.text, o.correct])).toEqual([
			['Juste', true],
			['Faux', false]
		]);
		expect(e1!.type === 'single' && e1!.options.map((o) => o.correct)).toEqual([true, false]);
		expect(q2!.type === 'true-false' && q2!.answer).toBe(e2!.type === 'true-false' && e2!.answer);
		expect(q.pass).toBe(en.pass);
	});
});
