// Guards on the real catalog under courses/: what every learner is promised.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/lib/content/catalog';
import {
	checkYourself,
	EXERCISES,
	LESSON_COMPONENTS,
	proseWords,
	withoutModelAnswers
} from '../../src/lib/content/lesson-text';
import { formatProblem } from '../../src/lib/content/problems';
import { poolProblem, QUESTION_TYPES } from '../../src/lib/quiz/schema';
import { readCourseFiles } from '../../scripts/catalog-files';

const root = new URL('../..', import.meta.url).pathname;
const { catalog, problems } = checkCatalog(readCourseFiles(root));
const modules = [...catalog.modules.values()];

describe('the catalog', () => {
	it('passes courses:check with no error and no warning', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('has the four roadmaps and at least 32 modules', () => {
		expect([...catalog.roadmaps.keys()].sort()).toEqual([
			'chatbot-project-manager',
			'cloud-security-specialist',
			'mlops-engineer',
			'prompt-engineer'
		]);
		expect(modules.length).toBeGreaterThanOrEqual(32);
	});

	it('teaches every competency in at least one module', () => {
		const untaught = [...catalog.competencies.keys()].filter(
			(c) => !catalog.modulesByCompetency.has(c)
		);
		expect(untaught).toEqual([]);
	});

	it('puts every module in at least one roadmap', () => {
		expect(modules.filter((m) => !catalog.roadmapsByModule.has(m.id)).map((m) => m.id)).toEqual([]);
	});

	// The model answers of "Check yourself" are folded: a reader reads them after answering.
	it('keeps every lesson between 800 and 2,000 words of prose, model answers aside', () => {
		const out = modules
			.map((m) => ({ id: m.id, words: proseWords(withoutModelAnswers(m.body)) }))
			.filter((m) => m.words < 800 || m.words > 2000);
		expect(out).toEqual([]);
	});

	it('gives every lesson a Check yourself and a References section', () => {
		const missing = modules
			.filter((m) => !/^## Check yourself/m.test(m.body) || !/^## References/m.test(m.body))
			.map((m) => m.id);
		expect(missing).toEqual([]);
	});

	it('gives every Check yourself question a model answer a learner can grade themselves by', () => {
		const missing = modules.flatMap((m) =>
			checkYourself(m.body).map((p) => `${m.file}:${m.bodyLine + p.line - 1}: ${p.message}`)
		);
		expect(missing).toEqual([]);
	});

	it('leaves no component placeholder unfilled', () => {
		const left = modules.filter((m) => /<!--\s*component:/.test(m.body)).map((m) => m.id);
		expect(left).toEqual([]);
	});

	it('gives every phase of every roadmap at least one exercise', () => {
		const uses = (id: string) => {
			const body = catalog.modules.get(id)?.body ?? '';
			return EXERCISES.filter((c) => new RegExp(`<${c}[\\s/]`).test(body));
		};
		const without = [...catalog.roadmaps.values()].flatMap((r) =>
			r.phases.filter((p) => !p.modules.some((m) => uses(m).length)).map((p) => `${r.id}/${p.id}`)
		);
		expect(without).toEqual([]);
		// Twelve at least, one per phase of the four roadmaps.
		expect(EXERCISES.length).toBeGreaterThanOrEqual(12);
	});

	it('makes each exercise state a task and say when it is solved', () => {
		const silent = EXERCISES.filter((c) => {
			const source = readFileSync(`${root}src/lib/components/lesson/${c}.svelte`, 'utf8');
			return (
				!/\{m\.tools_your_task\(\)\}/.test(source) ||
				!/\{m\.tools_solved\(\)\}/.test(source) ||
				!/role="status"/.test(source)
			);
		});
		expect(silent).toEqual([]);
		// The task and solved messages say so in both languages.
		const messages = (lang: string) =>
			JSON.parse(readFileSync(`${root}messages/tools/${lang}.json`, 'utf8')) as Record<
				string,
				string
			>;
		expect(messages('en').tools_your_task).toBe('Your task:');
		expect(messages('en').tools_solved).toBe('Solved.');
		expect(messages('fr').tools_your_task).toMatch(/^Votre tâche\s?:$/);
		expect(messages('fr').tools_solved).toBe('Résolu.');
	});

	it('uses each interactive lesson component in at least one lesson', () => {
		const unused = LESSON_COMPONENTS.filter(
			(c) => !modules.some((m) => new RegExp(`<${c}[\\s/]`).test(m.body))
		);
		expect(unused).toEqual([]);
	});
});

describe('the French catalog', () => {
	const fr = catalog.translations.fr;
	it('translates every lesson, quiz, roadmap, competency and brief, none stale', () => {
		const missing = [
			...[...catalog.modules.keys()]
				.filter((id) => !fr.modules.has(id))
				.map((id) => `lesson ${id}`),
			...[...catalog.quizzes.keys()].filter((id) => !fr.quizzes.has(id)).map((id) => `quiz ${id}`),
			...[...catalog.roadmaps.keys()]
				.filter((id) => !fr.roadmaps.has(id))
				.map((id) => `roadmap ${id}`),
			...[...catalog.competencies.keys()]
				.filter((id) => !fr.competencies.has(id))
				.map((id) => `competency ${id}`),
			...[...catalog.briefs.keys()].filter((id) => !fr.briefs.has(id)).map((id) => `brief ${id}`)
		];
		expect(missing).toEqual([]);
		expect(fr.stale).toEqual([]);
	});

	it('keeps every question and option of the English, with its answer key', () => {
		const drift = [...fr.quizzes].flatMap(([id, q]) => {
			const en = catalog.quizzes.get(id)!;
			return q.questions.flatMap((x, i) => {
				const e = en.questions[i]!;
				const same =
					x.id === e.id &&
					x.type === e.type &&
					JSON.stringify('options' in x ? x.options.map((o) => o.correct) : null) ===
						JSON.stringify('options' in e ? e.options.map((o) => o.correct) : null) &&
					JSON.stringify('answer' in x ? x.answer : null) ===
						JSON.stringify('answer' in e ? e.answer : null);
				return same ? [] : [`${id}/${e.id}`];
			});
		});
		expect(drift).toEqual([]);
	});
});

describe('the quizzes', () => {
	it('give every module a quiz of at least 6 questions and 3 types', () => {
		const weak = modules
			.map((m) => {
				const q = catalog.quizzes.get(m.id);
				return {
					id: m.id,
					questions: q?.questions.length ?? 0,
					types: new Set(q?.questions.map((x) => x.type)).size
				};
			})
			.filter((x) => x.questions < 6 || x.types < 3);
		expect(weak).toEqual([]);
	});

	it('ask at least 6 questions per attempt, drawn from a pool of at least 1.5 × that, so a retry is a different quiz', () => {
		const weak = modules.flatMap((m) => {
			const q = catalog.quizzes.get(m.id);
			if (!q) return [];
			const problem = poolProblem(q);
			const asked = q.draw ?? q.questions.length;
			return [
				...(problem ? [`${m.file.replace(/index\.md$/, 'quiz.yaml')}: ${problem}`] : []),
				...(asked < 6 ? [`${m.id}: asks ${asked} questions`] : [])
			];
		});
		expect(weak).toEqual([]);
	});

	it('explain every answer in at least a sentence', () => {
		const short = [...catalog.quizzes]
			.flatMap(([id, q]) =>
				q.questions.map((x) => ({ id: `${id}/${x.id}`, length: x.explanation.length }))
			)
			.filter((x) => x.length < 60);
		expect(short).toEqual([]);
	});

	it('use all seven question types across the catalog', () => {
		const used = new Set(
			[...catalog.quizzes.values()].flatMap((q) => q.questions.map((x) => x.type))
		);
		expect([...QUESTION_TYPES].filter((t) => !used.has(t))).toEqual([]);
	});
});

describe('the project briefs', () => {
	const projects = [...catalog.roadmaps.values()].flatMap((r) =>
		r.portfolio.filter((i) => i.kind === 'project').map((i) => `${r.id}/${i.id}`)
	);

	it('give every project item of every roadmap a brief', () => {
		expect(projects.length).toBeGreaterThanOrEqual(13);
		expect(projects.filter((key) => !catalog.briefs.has(key))).toEqual([]);
	});

	it('give each project a rubric, milestones and what the README shows', () => {
		const thin = [...catalog.briefs]
			.filter(
				([, b]) =>
					b.rubric.length < 4 ||
					b.milestones.length < 2 ||
					b.acceptance.length < 3 ||
					b.readme.length < 3
			)
			.map(([key]) => key);
		expect(thin).toEqual([]);
	});
});
