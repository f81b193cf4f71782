// Translations of the catalog (docs/authoring.md, "Translations"): checked against their English
// source by courses:check, texts only, every text translated, stale ones reported.
import { describe, expect, it } from 'vitest';
import { checkCatalog, type SourceFile } from '../../src/lib/content/catalog';
import { formatProblem } from '../../src/lib/content/problems';
import { sourceHash } from '../../src/lib/content/source-hash';
import {
	mirror,
	questionShape,
	skeletonOf,
	translationOf
} from '../../src/lib/content/translation';
import { fixture } from '../helpers/fixtures';

const M = 'courses/modules/nlp/tokenization';
const base = fixture('base');
const english = (path: string) => base.find((f) => f.path === path)!.text;
const hash = (path: string) => sourceHash(english(path));

function check(...extra: SourceFile[]) {
	const { catalog, problems } = checkCatalog([...base, ...extra], { today: '2026-12-01' });
	return { fr: catalog.translations.fr, catalog, problems: problems.map(formatProblem) };
}

const lesson = (over: { source?: string | null; extra?: string; body?: string } = {}) => {
	const source = over.source === undefined ? hash(`${M}/index.md`) : over.source;
	return {
		path: `${M}/index.fr.md`,
		text: [
			'---',
			...(source === null ? [] : [`source: ${source}`]),
			'title: Module tokenisation',
			'summary: Un module de test.',
			...(over.extra ? [over.extra] : []),
			'---',
			'',
			over.body ??
				'Du texte.\n\n## Première section\n\n### Un détail avec `code`\n\n## Deuxième section\n'
		].join('\n')
	};
};

const quiz = (body: string, source = hash(`${M}/quiz.yaml`)) => ({
	path: `${M}/quiz.fr.yaml`,
	text: `source: ${source}\n${body}`
});

const QUIZ_FR = `questions:
  q1:
    prompt: Choisissez-en une.
    options:
      - text: Juste
      - text: Faux
    explanation: Parce que.
  q2:
    prompt: Vrai ?
    explanation: Parce que.
`;

describe('translation files', () => {
	it('name their English source and locale', () => {
		expect(translationOf(`${M}/index.fr.md`)).toEqual({ source: `${M}/index.md`, locale: 'fr' });
		expect(translationOf('courses/roadmaps/x.fr.yaml')).toEqual({
			source: 'courses/roadmaps/x.yaml',
			locale: 'fr'
		});
		expect(translationOf(`${M}/index.md`)).toBeNull();
		expect(translationOf(`${M}/index.de.md`)).toBeNull();
	});

	it('the hash is of the English text, line endings aside', () => {
		expect(sourceHash('a\nb\n')).toMatch(/^[0-9a-f]{12}$/);
		expect(sourceHash('a\r\nb\r\n')).toBe(sourceHash('a\nb\n'));
		expect(sourceHash('a\nb\n')).not.toBe(sourceHash('a\nc\n'));
	});
});

describe('a translated lesson', () => {
	it('is checked clean and joins the catalog with its French texts', () => {
		const { fr, problems } = check(lesson());
		expect(problems).toEqual([]);
		expect(fr.modules.get('tokenization')).toMatchObject({
			file: `${M}/index.fr.md`,
			title: 'Module tokenisation',
			summary: 'Un module de test.',
			stale: false
		});
		expect(fr.modules.get('tokenization')!.body).toContain('## Première section');
	});

	it('older than its English is a warning naming both files, and is still served', () => {
		const { fr, problems } = check(lesson({ source: '0123456789ab' }));
		expect(problems).toEqual([
			`${M}/index.fr.md:2: warning: stale: translated from an older ${M}/index.md (source 0123456789ab, now ${hash(`${M}/index.md`)}) — bring the changes of ${M}/index.md into ${M}/index.fr.md, then set source: ${hash(`${M}/index.md`)}`
		]);
		expect(fr.modules.get('tokenization')?.stale).toBe(true);
		expect(fr.stale).toEqual([`${M}/index.fr.md`]);
	});

	it('without `source:` is an error that gives the hash to record', () => {
		const { fr, problems } = check(lesson({ source: null }));
		expect(problems).toEqual([
			`${M}/index.fr.md:1: record what this translates: \`source: ${hash(`${M}/index.md`)}\` (the hash of ${M}/index.md, from npm run courses:check)`
		]);
		expect(fr.modules.size).toBe(0);
	});

	it('a hash YAML reads as a number is asked for in quotes', () => {
		const { problems } = check(lesson({ source: '1234e5' }));
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(
			new RegExp(
				`^${M}/index\\.fr\\.md:2: YAML reads this hash as a number: write it in quotes, \`source: (")?[0-9a-f]{12}(")?\`$`
			)
		);
	});

	it('may not restate what only the English holds', () => {
		const { problems } = check(lesson({ extra: 'level: advanced' }));
		expect(problems).toEqual([
			`${M}/index.fr.md:5: \`level\` belongs to the English file alone (ids, answer keys, points and settings are not translated): remove it`
		]);
	});

	it('keeps the headings of the English, in order and level', () => {
		const { problems } = check(
			lesson({ body: 'Du texte.\n\n## Première section\n\n## Un détail\n\n## Deuxième section\n' })
		);
		expect(problems).toEqual([
			`${M}/index.fr.md:11: heading "Un détail" is level 2, its English "A detail with \`code\`" level 3`
		]);
		const fewer = check(lesson({ body: 'Du texte.\n\n## Première section\n' })).problems;
		expect(fewer).toEqual([
			`${M}/index.fr.md:9: heading 2 of the English, ### A detail with \`code\`, has no translation: a translation has the same headings, in the same order`
		]);
	});

	it('copies code blocks verbatim and keeps the same lesson components', () => {
		const en = 'Text.\n\n```python\nprint("hi")\n```\n\n<TokenCounter />\n';
		const frOk = 'Texte.\n\n```python\nprint("hi")\n```\n\n<TokenCounter />\n';
		const a = skeletonOf(en);
		const b = skeletonOf(frOk);
		expect(a.code).toEqual([{ text: '```python\nprint("hi")\n```', line: 3 }]);
		expect(b.code.map((c) => c.text)).toEqual(a.code.map((c) => c.text));
		expect(a.components).toEqual([{ tag: 'TokenCounter', line: 7 }]);
		const changed = check(
			lesson({
				body: 'Du texte.\n\n```\nx = 1\n```\n\n## Première section\n\n### Un détail avec `code`\n\n## Deuxième section\n'
			})
		).problems;
		expect(changed).toEqual([
			`${M}/index.fr.md:9: the English has 0 code blocks, this 1: copy each one, verbatim`
		]);
	});
});

describe('a translated quiz', () => {
	it('holds texts only, and gets the English answer keys', () => {
		const { fr, problems } = check(quiz(QUIZ_FR));
		expect(problems).toEqual([]);
		const q = fr.quizzes.get('tokenization')!;
		expect(q.questions.map((x) => x.prompt)).toEqual(['Choisissez-en une.', 'Vrai ?']);
		const q1 = q.questions[0]!;
		expect(q1.type === 'single' && q1.options.map((o) => [o.text, o.correct])).toEqual([
			['Juste', true],
			['Faux', false]
		]);
		const q2 = q.questions[1]!;
		expect(q2.type === 'true-false' && q2.answer).toBe(true);
		expect(q.pass).toBe(0.8);
	});

	it('refuses an answer key, a missing option, an unknown and a missing question', () => {
		const { fr, problems } = check(
			quiz(`questions:
  q1:
    prompt: Choisissez-en une.
    options:
      - text: Juste
        correct: false
    explanation: Parce que.
  q3:
    prompt: Inconnue.
    explanation: Non.
`)
		);
		expect(problems).toEqual([
			`${M}/quiz.fr.yaml:2: question "q2" has no translation`,
			`${M}/quiz.fr.yaml:5: the English lists 2 items, this 1: translate each one, in the same order`,
			`${M}/quiz.fr.yaml:9: the English has no question "q3": remove it, or fix its id`
		]);
		expect(fr.quizzes.size).toBe(0);
		const key = check(
			quiz(QUIZ_FR.replace('      - text: Juste\n', '      - text: Juste\n        correct: true\n'))
		).problems;
		expect(key).toEqual([
			`${M}/quiz.fr.yaml:7: \`correct\` belongs to the English file alone (ids, answer keys, points and settings are not translated): remove it`
		]);
		const answer = check(
			quiz(QUIZ_FR.replace('    prompt: Vrai ?\n', '    prompt: Vrai ?\n    answer: false\n'))
		).problems;
		expect(answer).toEqual([
			`${M}/quiz.fr.yaml:11: \`answer\` belongs to the English file alone (ids, answer keys, points and settings are not translated): remove it`
		]);
	});
});

describe('translated roadmaps, competencies and briefs', () => {
	const RM = 'courses/roadmaps/prompt-engineer';
	const roadmap = {
		path: `${RM}.fr.yaml`,
		text: `source: ${hash(`${RM}.yaml`)}
title: Prompt engineer
summary: Une feuille de route de test.
description: Utilisée par les tests du catalogue.
phases:
  foundations:
    title: Fondamentaux
  intermediate:
    title: Intermédiaire
portfolio:
  foundations-complete:
    title: Fondamentaux terminés
    description: Tous les modules des Fondamentaux terminés.
  a-project:
    title: Un projet
    description: Construire quelque chose.
`
	};
	const competencies = {
		path: 'courses/competencies.fr.yaml',
		text: `source: ${hash('courses/competencies.yaml')}
competencies:
  nlp-fundamentals:
    title: Fondamentaux du TAL
    description: Comment les modèles voient le texte.
  prompt-design:
    title: Conception de prompts
    description: Écrire des prompts.
`
	};
	const B = 'courses/briefs/prompt-engineer/a-project';
	const rubric = ['runs', 'tested', 'documented', 'measured']
		.map((id) => `  ${id}:\n    criterion: C ${id}\n    meets: M ${id}\n    exceeds: E ${id}\n`)
		.join('');
	const brief = {
		path: `${B}.fr.yaml`,
		text: `source: ${hash(`${B}.yaml`)}
goal: Construire quelque chose de petit qui marche.
requirements:
  - Il se lance en une commande.
acceptance:
  - Un inconnu le lance depuis le README.
rubric:
${rubric}milestones:
  - title: Une première version
    deliverable: Elle tourne.
  - title: Une version finie
    deliverable: Testée et documentée.
stack:
  - Python
datasets:
  - name: Wine Quality (UCI)
    licence: CC BY 4.0
readme:
  - Comment le lancer
`
	};

	it('are checked clean and keep the English ids, phases, kinds and hours', () => {
		const { fr, problems } = check(roadmap, competencies, brief);
		expect(problems).toEqual([]);
		const rm = fr.roadmaps.get('prompt-engineer')!;
		expect(rm.phases.map((p) => [p.id, p.title, p.modules.length])).toEqual([
			['foundations', 'Fondamentaux', 2],
			['intermediate', 'Intermédiaire', 1]
		]);
		expect(rm.portfolio.map((p) => [p.id, p.kind])).toEqual([
			['foundations-complete', 'phase'],
			['a-project', 'project']
		]);
		expect(fr.competencies.get('prompt-design')?.title).toBe('Conception de prompts');
		const b = fr.briefs.get('prompt-engineer/a-project')!;
		expect(b.milestones.map((m) => [m.title, m.hours])).toEqual([
			['Une première version', 4],
			['Une version finie', 4]
		]);
		expect(b.datasets[0]!.url).toBe('https://archive.ics.uci.edu/dataset/186/wine+quality');
	});

	it('name what is missing or foreign, at its line', () => {
		const { problems } = check(
			{ ...roadmap, text: roadmap.text.replace('  intermediate:\n    title: Intermédiaire\n', '') },
			{
				...competencies,
				text: competencies.text.replace('    title: Conception de prompts\n', '')
			},
			{
				...brief,
				text: brief.text.replace(
					'    licence: CC BY 4.0\n',
					'    url: https://example.org\n    licence: CC BY 4.0\n'
				)
			}
		);
		expect(problems).toEqual([
			`${B}.fr.yaml:33: \`url\` belongs to the English file alone (ids, answer keys, points and settings are not translated): remove it`,
			`courses/competencies.fr.yaml:6: no translation: translate this text`,
			`${RM}.fr.yaml:5: phase "intermediate" has no translation`
		]);
	});

	it('a translation of nothing is an error', () => {
		const { problems } = check({ path: 'courses/roadmaps/astronaut.fr.yaml', text: 'title: x\n' });
		expect(problems).toEqual([
			'courses/roadmaps/astronaut.fr.yaml:1: a translation of courses/roadmaps/astronaut.yaml, which does not exist'
		]);
	});
});

describe('mirror', () => {
	it('replaces texts and keeps everything else of the English', () => {
		const r = mirror(
			{ id: 'a', n: 3, title: 'Hello', tags: ['x', 'y'] },
			{ title: 'Bonjour', tags: ['x′', 'y′'] },
			{ fields: { title: 'text', tags: 'texts' } }
		);
		expect(r).toEqual({
			value: { id: 'a', n: 3, title: 'Bonjour', tags: ['x′', 'y′'] },
			problems: []
		});
	});

	it("takes a text question's French answers, any number, and a pattern only if it compiles", () => {
		const en = {
			id: 'q',
			type: 'text',
			prompt: 'Name it.',
			explanation: 'So.',
			accept: ['overfitting']
		};
		const shape = questionShape(en);
		const fr = {
			prompt: 'Nommez-le.',
			explanation: 'Ainsi.',
			accept: ['surapprentissage', 'overfitting']
		};
		const ok = mirror(en, { ...fr, pattern: 'sur-?apprentissage' }, shape);
		expect(ok.problems).toEqual([]);
		expect(ok.value).toMatchObject({
			id: 'q',
			accept: ['surapprentissage', 'overfitting'],
			pattern: 'sur-?apprentissage'
		});
		expect(mirror(en, { ...fr, pattern: 'sur(apprentissage' }, shape).problems).toEqual([
			{ path: ['pattern'], message: expect.stringMatching(/^not a valid regular expression: /) }
		]);
		expect(mirror(en, { ...fr, accept: [] }, shape).problems).toEqual([
			{ path: ['accept'], message: 'list at least one text' }
		]);
	});

	it('wants an optional text exactly where the English has one', () => {
		const shape = { fields: { feedback: 'text?' as const } };
		expect(mirror({}, {}, shape).problems).toEqual([]);
		expect(mirror({}, { feedback: 'x' }, shape).problems).toEqual([
			{ path: ['feedback'], message: 'the English has no such text: remove it' }
		]);
		expect(mirror({ feedback: 'x' }, {}, shape).problems).toEqual([
			{ path: ['feedback'], message: 'no translation: translate this text' }
		]);
		expect(mirror({ feedback: 'x' }, { feedback: '  ' }, shape).problems).toEqual([
			{ path: ['feedback'], message: 'expected a text' }
		]);
	});
});

describe('the scaffold of a translation (courses:new -- --fr)', () => {
	it('copies each text marked TODO(fr), refused until translated, clean once the marks are gone', async () => {
		const { stringify } = await import('yaml');
		const { QUIZ_SHAPE, scaffold, TODO_MARK } = await import('../../src/lib/content/translation');
		const { catalog } = checkCatalog(base, { today: '2026-12-01' });
		const data = scaffold(catalog.quizzes.get('tokenization'), QUIZ_SHAPE) as object;
		expect(data).toEqual({
			questions: {
				q1: {
					prompt: `${TODO_MARK}Pick one.`,
					explanation: `${TODO_MARK}Because.`,
					options: [{ text: `${TODO_MARK}Right` }, { text: `${TODO_MARK}Wrong` }]
				},
				q2: { prompt: `${TODO_MARK}True?`, explanation: `${TODO_MARK}Because.` }
			}
		});
		const text = stringify({ source: hash(`${M}/quiz.yaml`), ...data });
		const marked = check({ path: `${M}/quiz.fr.yaml`, text }).problems;
		expect(marked).toHaveLength(6);
		expect(
			marked.every((p) =>
				p.endsWith('not translated yet: translate the text, then remove its TODO(fr) mark')
			)
		).toBe(true);
		const done = check({ path: `${M}/quiz.fr.yaml`, text: text.replaceAll(TODO_MARK, '') });
		expect(done.problems).toEqual([]);
		expect(done.fr.quizzes.has('tokenization')).toBe(true);
	});

	it('a lesson body with a TODO(fr) mark is not translated yet', () => {
		const { problems } = check(
			lesson({
				body: 'TODO(fr): Du texte.\n\n## Première section\n\n### Un détail avec `code`\n\n## Deuxième section\n'
			})
		);
		expect(problems).toEqual([
			`${M}/index.fr.md:7: not translated yet: translate, then remove the TODO(fr) mark`
		]);
	});
});
