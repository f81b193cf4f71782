import { describe, expect, it } from 'vitest';
import { CHECKS, checkCatalog } from '../../src/lib/content/catalog';
import { formatProblem } from '../../src/lib/content/problems';
import { fixture } from '../helpers/fixtures';

// The fixtures were reviewed on 2026-11-23: check them as of a fixed day, so no test ages.
const TODAY = { today: '2026-12-01' };
const messages = (name: string) => checkCatalog(fixture(name), TODAY).problems.map(formatProblem);
const errors = (name: string) =>
	checkCatalog(fixture(name), TODAY)
		.problems.filter((p) => p.severity === 'error')
		.map(formatProblem);

describe('a valid catalog', () => {
	it('has no problems and indexes modules, roadmaps, competencies and quizzes', () => {
		const { catalog, problems } = checkCatalog(fixture('base'), TODAY);
		expect(problems).toEqual([]);
		expect([...catalog.modules.keys()].sort()).toEqual([
			'embeddings',
			'prompt-basics',
			'tokenization'
		]);
		expect(catalog.roadmaps.get('prompt-engineer')?.phases.map((p) => p.id)).toEqual([
			'foundations',
			'intermediate'
		]);
		expect(catalog.dependents.get('tokenization')?.sort()).toEqual(['embeddings', 'prompt-basics']);
		expect(catalog.modulesByCompetency.get('nlp-fundamentals')?.sort()).toEqual([
			'embeddings',
			'tokenization'
		]);
		expect(catalog.roadmapsByModule.get('prompt-basics')).toEqual(['prompt-engineer']);
		expect(catalog.quizzes.get('embeddings')?.questions).toHaveLength(2);
		expect(catalog.quizzes.get('embeddings')?.pass).toBe(0.8);
	});

	it('keeps the lesson body and where it starts', () => {
		const m = checkCatalog(fixture('base'), TODAY).catalog.modules.get('tokenization')!;
		expect(m.bodyLine).toBe(13);
		expect(m.body).toContain('## First section');
		expect(m.body).not.toContain('id: tokenization');
	});
});

describe('errors name the file and line', () => {
	it('malformed YAML', () => {
		expect(errors('bad-yaml')[0]).toMatch(/^courses\/competencies\.yaml:3: invalid YAML: /);
	});

	it('unterminated frontmatter', () => {
		expect(errors('bad-frontmatter')).toContain(
			'courses/modules/nlp/embeddings/index.md:1: unterminated frontmatter: no closing "---" line after the fields'
		);
	});

	it('missing, mistyped and misspelt fields', () => {
		const e = errors('bad-fields');
		expect(e).toContain(
			'courses/modules/nlp/embeddings/index.md:2: title: missing (expected string)'
		);
		expect(e).toContain(
			'courses/modules/nlp/embeddings/index.md:7: minutes: expected number, got string "twenty"'
		);
		expect(e).toContain(
			'courses/modules/nlp/embeddings/index.md:8: prerequisite: unknown field — did you mean "prerequisites"?'
		);
	});

	it('duplicate module id', () => {
		expect(errors('duplicate-id')).toEqual([
			'courses/modules/nlp/tokenization/index.md:2: duplicate module id "tokenization", also used by courses/modules/extra/tokenization/index.md'
		]);
	});

	it('id that differs from its folder', () => {
		expect(errors('id-mismatch')).toContain(
			'courses/modules/nlp/embeddings/index.md:2: id "embedding" differs from its folder "embeddings" — rename one so they match'
		);
	});

	it('unknown module, competency and phase ids, with a suggestion', () => {
		const e = errors('unknown-ids');
		expect(e).toContain(
			'courses/modules/nlp/embeddings/index.md:9: prerequisites[0]: unknown module "tokenisation" — did you mean "tokenization"?'
		);
		expect(e).toContain(
			'courses/modules/nlp/embeddings/index.md:6: competencies[0]: unknown competency "nlp-fundamental" — did you mean "nlp-fundamentals"? (competencies are defined in courses/competencies.yaml)'
		);
		expect(e).toContain(
			'courses/roadmaps/prompt-engineer.yaml:16: phases[1].modules[0]: unknown module "prompt-basic" — did you mean "prompt-basics"?'
		);
		expect(e).toContain(
			'courses/roadmaps/prompt-engineer.yaml:26: portfolio[1].requires[0]: unknown module "promt-basics" — did you mean "prompt-basics"?'
		);
		expect(e).toContain(
			'courses/roadmaps/prompt-engineer.yaml:21: portfolio[0].phase: unknown phase "foundation" — did you mean "foundations"?'
		);
	});

	it('a cycle in prerequisites, printed', () => {
		expect(errors('cycle')).toContain(
			'courses/modules/nlp/tokenization/index.md:9: prerequisites form a cycle: tokenization → prompt-basics → tokenization — remove one of these prerequisites'
		);
	});

	it('a phase listing a module whose prerequisite only comes later', () => {
		expect(errors('phase-order')).toEqual([
			'courses/roadmaps/prompt-engineer.yaml:11: phases[0].modules[1]: "prompt-basics" requires "embeddings", which only comes in a later phase ("intermediate") — move "embeddings" earlier or "prompt-basics" later'
		]);
	});

	it('a module in no roadmap is a warning, not an error', () => {
		const { problems } = checkCatalog(fixture('orphan'), TODAY);
		expect(problems.map(formatProblem)).toEqual([
			'courses/modules/nlp/attention/index.md:2: warning: module "attention" is in no roadmap: add it to a phase of a roadmap in courses/roadmaps/'
		]);
		expect(problems.every((p) => p.severity === 'warning')).toBe(true);
	});
});

describe('every problem in one pass', () => {
	it('checks the rest of a lesson whose frontmatter fails, and references to it still resolve', () => {
		// embeddings: a mistyped field, an unknown competency and prerequisite, a brace in prose;
		// tokenization: frontmatter that is not YAML. Both are listed by the roadmap and by prompt-basics.
		expect(errors('all-at-once')).toEqual([
			'courses/modules/nlp/embeddings/index.md:6: competencies[0]: unknown competency "nlp-fundamental" — did you mean "nlp-fundamentals"? (competencies are defined in courses/competencies.yaml)',
			'courses/modules/nlp/embeddings/index.md:8: minutes: expected number, got string "twenty"',
			'courses/modules/nlp/embeddings/index.md:9: prerequisites[0]: unknown module "tokenisation" — did you mean "tokenization"?',
			'courses/modules/nlp/embeddings/index.md:14: a brace in prose is read as Svelte code — put it in `backticks`, or write &#123; / &#125;',
			'courses/modules/nlp/tokenization/index.md:4: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] (check indentation, and quote values containing ": " or "#")'
		]);
	});

	it('reports no "unknown module" for a module whose fields are wrong or unreadable', () => {
		for (const name of ['bad-fields', 'bad-frontmatter', 'all-at-once']) {
			expect(errors(name).length, name).toBeGreaterThan(0);
			expect(
				errors(name).filter((e) => e.includes('unknown module "embeddings"')),
				name
			).toEqual([]);
		}
	});

	it('reports no "unknown competency" when the competency file itself is unreadable', () => {
		const e = errors('bad-yaml');
		expect(e.length).toBeGreaterThan(0);
		expect(e.every((m) => m.startsWith('courses/competencies.yaml:3: invalid YAML: '))).toBe(true);
	});

	it('keeps a lesson that fails out of the index, so the app never serves it', () => {
		const { catalog } = checkCatalog(fixture('all-at-once'));
		expect([...catalog.modules.keys()]).toEqual(['prompt-basics']);
		expect(catalog.roadmapsByModule.has('embeddings')).toBe(false);
	});

	it('is composed of checks per kind; one more check is one more entry', () => {
		const extra = (ctx: Parameters<(typeof CHECKS)[number]>[0]) =>
			ctx.error('courses/competencies.yaml', 1, 'an extra check ran');
		expect(
			checkCatalog(fixture('base'), { ...TODAY, checks: [...CHECKS, extra] }).problems.map(
				formatProblem
			)
		).toEqual(['courses/competencies.yaml:1: an extra check ran']);
		expect(checkCatalog(fixture('base'), { ...TODAY, checks: CHECKS }).problems).toEqual([]);
	});
});

describe('quiz files', () => {
	it('an unknown question type, with a suggestion', () => {
		expect(errors('bad-quiz')).toEqual([
			'courses/modules/nlp/embeddings/quiz.yaml:4: questions[0].type: "singel" is not a question type — use one of single | multiple | true-false | numeric | text | order | match — did you mean "single"?'
		]);
	});

	it('a single question with two right options, a wrong answer type, a bad regex, duplicate ids', () => {
		const e = messages('bad-quiz-keys');
		expect(e).toContain(
			'courses/modules/nlp/tokenization/quiz.yaml:5: questions[0].options: a "single" question has exactly one option with `correct: true` (use "multiple" for several)'
		);
		expect(e).toContain(
			'courses/modules/nlp/tokenization/quiz.yaml:14: questions[1].answer: expected boolean, got string "yes please"'
		);
		expect(e).toContain(
			'courses/modules/nlp/tokenization/quiz.yaml:20: questions[2].pattern: not a valid regular expression'
		);
	});

	it('a question section that is not a heading of its lesson, with a suggestion', () => {
		expect(errors('bad-section')).toEqual([
			'courses/modules/nlp/tokenization/quiz.yaml:13: questions[1].section: "second-sektion" is not a heading of courses/modules/nlp/tokenization/index.md — did you mean "second-section"? — use the id of a ## or ### heading'
		]);
	});

	it('an empty pool, and draw larger than the pool', () => {
		expect(errors('empty-pool')).toEqual([
			'courses/modules/nlp/tokenization/quiz.yaml:1: questions: the question pool is empty'
		]);
		expect(errors('draw-too-large')).toEqual([
			'courses/modules/nlp/tokenization/quiz.yaml:1: draw: `draw` asks for more questions than the pool has'
		]);
	});

	it('a module without a quiz', () => {
		const files = fixture('base').filter(
			(f) => f.path !== 'courses/modules/nlp/embeddings/quiz.yaml'
		);
		expect(checkCatalog(files, TODAY).problems.map(formatProblem)).toEqual([
			'courses/modules/nlp/embeddings/index.md:1: no quiz: add courses/modules/nlp/embeddings/quiz.yaml (npm run courses:new scaffolds one)'
		]);
	});
});

describe('lesson bodies', () => {
	it('flag braces and raw HTML in prose, with the line, and allow code, scripts and lesson components', () => {
		expect(errors('brace-in-prose')).toEqual([
			'courses/modules/nlp/embeddings/index.md:18: a brace in prose is read as Svelte code — put it in `backticks`, or write &#123; / &#125;',
			'courses/modules/nlp/embeddings/index.md:26: raw HTML <div> in a lesson — use Markdown, or put it in `backticks` if it is an example'
		]);
	});
});

describe('the prebuilt catalog', () => {
	it('survives serialisation to JSON unchanged', async () => {
		const { serializeCatalog, deserializeCatalog } =
			await import('../../src/lib/content/serialize');
		const { catalog } = checkCatalog(fixture('base'), TODAY);
		const back = deserializeCatalog(JSON.parse(JSON.stringify(serializeCatalog(catalog))));
		expect(back).toEqual(catalog);
	});
});
