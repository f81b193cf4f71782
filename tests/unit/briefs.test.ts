// Project briefs: their schema and the catalog check, on broken fixtures.
import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/lib/content/catalog';
import { briefSchema } from '../../src/lib/content/brief';
import { formatProblem } from '../../src/lib/content/problems';
import { parseClaims, validClaims } from '../../src/lib/portfolio/claims';
import { fixture } from '../helpers/fixtures';

const TODAY = { today: '2026-12-01' };
const errors = (name: string) =>
	checkCatalog(fixture(name), TODAY)
		.problems.filter((p) => p.severity === 'error')
		.map(formatProblem);

describe('a project brief', () => {
	it('is indexed by roadmap and item when valid', () => {
		const { catalog, problems } = checkCatalog(fixture('base'), TODAY);
		expect(problems).toEqual([]);
		expect([...catalog.briefs.keys()]).toEqual(['prompt-engineer/a-project']);
		expect(catalog.briefs.get('prompt-engineer/a-project')?.rubric.map((c) => c.id)).toEqual([
			'runs',
			'tested',
			'documented',
			'measured'
		]);
	});

	it('reports an empty list, a short rubric, a duplicate criterion, an http URL and an unknown field, with lines', () => {
		expect(errors('bad-brief').filter((e) => e.includes('/prompt-engineer/a-project'))).toEqual([
			'courses/briefs/prompt-engineer/a-project.yaml:2: requirements: list at least one requirement',
			'courses/briefs/prompt-engineer/a-project.yaml:5: rubric: a rubric has 4 to 6 criteria',
			'courses/briefs/prompt-engineer/a-project.yaml:28: datasets[0].url: a data set URL starts with https://',
			'courses/briefs/prompt-engineer/a-project.yaml:31: extras: unknown field'
		]);
	});

	it('refuses a brief for an unknown roadmap or for an item that is not a project', () => {
		const e = errors('bad-brief');
		expect(e).toContain(
			'courses/briefs/mlops-engineer/a-project.yaml:1: unknown roadmap "mlops-engineer" (the folder names a roadmap of courses/roadmaps/) — did you mean "prompt-engineer"?'
		);
		expect(e).toContain(
			'courses/briefs/prompt-engineer/foundations-complete.yaml:1: "foundations-complete" is a phase item: only project items have a brief'
		);
	});

	it('is required for every project item, at the line of the item', () => {
		expect(errors('missing-brief')).toEqual([
			'courses/roadmaps/prompt-engineer.yaml:30: project item "another-project" has no brief: add courses/briefs/prompt-engineer/another-project.yaml'
		]);
	});

	it('reports duplicate criterion ids and milestones longer than the phase', () => {
		const base = checkCatalog(fixture('base'), TODAY).catalog.briefs.get(
			'prompt-engineer/a-project'
		)!;
		const files = fixture('missing-brief').concat({
			path: 'courses/briefs/prompt-engineer/another-project.yaml',
			text: JSON.stringify(
				{
					...base,
					rubric: [...base.rubric.slice(0, 3), { ...base.rubric[3]!, id: 'runs' }],
					milestones: base.milestones.map((m) => ({ ...m, hours: 8 }))
				},
				null,
				1
			)
		});
		const e = checkCatalog(files, TODAY)
			.problems.filter((p) => p.file.includes('another-project'))
			.map((p) => p.message);
		expect(e).toEqual([
			'rubric[3].id: duplicate criterion id "runs"',
			'milestones: 16 h in all, more than the 10 h of the "foundations" phase this project belongs to — cut the scope or the hours'
		]);
		expect(checkCatalog(files, TODAY).catalog.briefs.has('prompt-engineer/another-project')).toBe(
			false
		);
	});

	it('takes 4 to 6 criteria, ids in the catalog style', () => {
		const base = checkCatalog(fixture('base'), TODAY).catalog.briefs.get(
			'prompt-engineer/a-project'
		)!;
		const c = (id: string) => ({ ...base.rubric[0]!, id });
		const rubric = (n: number) => Array.from({ length: n }, (_, i) => c(`c${i}`));
		expect(briefSchema.safeParse({ ...base, rubric: rubric(4) }).success).toBe(true);
		expect(briefSchema.safeParse({ ...base, rubric: rubric(6) }).success).toBe(true);
		expect(briefSchema.safeParse({ ...base, rubric: rubric(7) }).success).toBe(false);
		expect(briefSchema.safeParse({ ...base, rubric: [c('Not An Id'), ...rubric(3)] }).success).toBe(
			false
		);
	});
});

describe('rubric claims', () => {
	const rubric = checkCatalog(fixture('base'), TODAY).catalog.briefs.get(
		'prompt-engineer/a-project'
	)!.rubric;

	it('keeps the ticked criteria in rubric order, without repeats', () => {
		expect(parseClaims(['measured', 'runs', 'runs'], rubric)).toEqual({
			ok: true,
			ids: ['runs', 'measured']
		});
		expect(parseClaims([], rubric)).toEqual({ ok: true, ids: [] });
	});

	it('refuses an id the rubric does not have, or a value that is not text', () => {
		expect(parseClaims(['runs', 'forged'], rubric).ok).toBe(false);
		expect(parseClaims([new File([''], 'x')], rubric).ok).toBe(false);
	});

	it('shows only claims on ids the brief still has', () => {
		expect(validClaims(['tested', 'dropped', 'runs'], rubric)).toEqual(['runs', 'tested']);
	});
});
