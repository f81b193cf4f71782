import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { roadmapSchema, type Roadmap } from '../../src/lib/content/schema';
import {
	derivePortfolio,
	type EvidenceInput,
	type ItemView,
	type ProgressInput,
	type ScoreInput
} from '../../src/lib/portfolio/derive';

const roadmap: Roadmap = {
	id: 'test-engineer',
	title: 'Test Engineer',
	summary: 'A roadmap for tests.',
	description: 'A roadmap for tests.',
	missions: [],
	risks: [],
	phases: [
		{ id: 'foundations', title: 'Foundations', months: [1, 3], modules: ['a', 'b'] },
		{ id: 'advanced', title: 'Advanced', months: [4, 6], modules: ['c', 'd', 'e'] }
	],
	portfolio: [
		{
			id: 'foundations-complete',
			title: 'Foundations completed',
			kind: 'phase',
			phase: 'foundations',
			description: 'Every Foundations module completed.',
			requires: []
		},
		{
			id: 'skills',
			title: 'Skills proven',
			kind: 'modules',
			requires: ['c', 'd'],
			min_score: 0.8,
			description: 'C and D with at least 80 %.'
		},
		{
			id: 'project',
			title: 'A project',
			kind: 'project',
			requires: ['a', 'c'],
			description: 'Build something.'
		},
		{
			id: 'cert',
			title: 'A certification',
			kind: 'certification',
			requires: ['e'],
			description: 'Pass an exam.'
		},
		{
			id: 'meetups',
			title: 'Meetups',
			kind: 'activity',
			requires: [],
			description: 'Talk to people.'
		}
	]
};

const done = (module_id: string, completed_at: string | Date = '2026-03-01T10:00:00Z') =>
	({ module_id, status: 'completed', completed_at }) satisfies ProgressInput;
const started = (module_id: string): ProgressInput => ({
	module_id,
	status: 'started',
	completed_at: null
});
const score = (module_id: string, best: number): ScoreInput => ({ module_id, best });
const evidence = (item_id: string, achieved_on = '2026-04-02'): EvidenceInput => ({
	item_id,
	url: 'https://example.org/work',
	note: 'What I did.',
	credential_id: null,
	achieved_on,
	updated_at: '2026-04-02T12:00:00Z'
});

function item(view: { items: ItemView[] }, id: string): ItemView {
	const found = view.items.find((i) => i.id === id);
	if (!found) throw new Error(`no item "${id}" in the view`);
	return found;
}

describe('derivePortfolio: phase items', () => {
	it('is todo and lists the missing modules until every module of the phase is completed', () => {
		const view = derivePortfolio(roadmap, [done('a'), started('b')], [], []);
		expect(item(view, 'foundations-complete')).toMatchObject({
			state: 'todo',
			missing: ['b'],
			below: [],
			done_on: null,
			phase: 'foundations'
		});
	});

	it('is done on the latest completion date, in UTC', () => {
		const view = derivePortfolio(
			roadmap,
			[done('a', '2026-02-01T08:00:00Z'), done('b', new Date('2026-02-10T23:30:00-05:00'))],
			[],
			[]
		);
		expect(item(view, 'foundations-complete')).toMatchObject({
			state: 'done',
			missing: [],
			done_on: '2026-02-11'
		});
	});
});

describe('derivePortfolio: modules items and min_score', () => {
	it('passes when the best score equals min_score', () => {
		const view = derivePortfolio(
			roadmap,
			[done('c'), done('d')],
			[score('c', 0.8), score('d', 1)],
			[]
		);
		expect(item(view, 'skills')).toMatchObject({ state: 'done', missing: [], below: [] });
	});

	it('passes a share that float arithmetic puts just under min_score', () => {
		const view = derivePortfolio(
			roadmap,
			[done('c'), done('d')],
			[score('c', 2.4 / 3), score('d', 0.9)],
			[]
		);
		expect(item(view, 'skills').state).toBe('done');
	});

	it('fails below min_score, and fails with no attempt, listing both with their best', () => {
		const view = derivePortfolio(roadmap, [done('c'), done('d')], [score('c', 0.79)], []);
		expect(item(view, 'skills')).toMatchObject({
			state: 'todo',
			missing: [],
			below: [
				{ module_id: 'c', best: 0.79, min: 0.8 },
				{ module_id: 'd', best: null, min: 0.8 }
			],
			done_on: null
		});
	});

	it('uses the best of several scores', () => {
		const view = derivePortfolio(
			roadmap,
			[done('c'), done('d')],
			[score('c', 0.9), score('c', 0.5), score('d', 0.85)],
			[]
		);
		expect(item(view, 'skills').state).toBe('done');
	});

	it('is todo, not locked, while modules are missing; a module not completed is missing, not below', () => {
		const view = derivePortfolio(roadmap, [done('c'), started('d')], [score('d', 1)], []);
		expect(item(view, 'skills')).toMatchObject({
			state: 'todo',
			missing: ['d'],
			below: [{ module_id: 'c', best: null, min: 0.8 }]
		});
	});
});

describe('derivePortfolio: evidence items', () => {
	it('is locked until its required modules are completed, and the lock lists what is missing', () => {
		const view = derivePortfolio(roadmap, [done('a')], [], []);
		expect(item(view, 'project')).toMatchObject({
			state: 'locked',
			missing: ['c'],
			evidence: null
		});
		expect(item(view, 'cert')).toMatchObject({ state: 'locked', missing: ['e'] });
	});

	it('is todo once unlocked and waiting for evidence', () => {
		const view = derivePortfolio(roadmap, [done('a'), done('c')], [], []);
		expect(item(view, 'project')).toMatchObject({ state: 'todo', missing: [], done_on: null });
		expect(item(view, 'meetups').state).toBe('todo');
	});

	it('is done with evidence, dated by achieved_on', () => {
		const ev = evidence('cert', '2026-05-20');
		const view = derivePortfolio(roadmap, [done('e')], [], [ev]);
		expect(item(view, 'cert')).toMatchObject({
			state: 'done',
			done_on: '2026-05-20',
			evidence: ev
		});
	});

	it('counts evidence even when the requirements are not completed, and still reports them', () => {
		const view = derivePortfolio(roadmap, [done('a')], [], [evidence('project')]);
		expect(item(view, 'project')).toMatchObject({ state: 'done', missing: ['c'] });
	});

	it('uses the most recently updated evidence when there are several', () => {
		const older = { ...evidence('meetups', '2026-01-01'), updated_at: '2026-01-01T00:00:00Z' };
		const newer = { ...evidence('meetups', '2026-02-01'), updated_at: new Date('2026-02-01') };
		const view = derivePortfolio(roadmap, [], [], [newer, older]);
		expect(item(view, 'meetups')).toMatchObject({ evidence: newer, done_on: '2026-02-01' });
	});
});

describe('derivePortfolio: readiness', () => {
	it('gives each phase its completed modules over its modules, ignoring modules not in it', () => {
		const view = derivePortfolio(roadmap, [done('a'), started('b'), done('c'), done('zz')], [], []);
		expect(view.phases).toEqual([
			{ id: 'foundations', title: 'Foundations', done: 1, total: 2, share: 0.5 },
			{ id: 'advanced', title: 'Advanced', done: 1, total: 3, share: 1 / 3 }
		]);
	});

	it('gives overall readiness as portfolio items done over items', () => {
		const view = derivePortfolio(roadmap, [done('a'), done('b')], [], [evidence('meetups')]);
		expect(view.readiness).toEqual({ done: 2, total: 5, share: 0.4 });
	});

	it('is 0, not NaN, for a roadmap without portfolio items', () => {
		const view = derivePortfolio({ ...roadmap, portfolio: [] }, [done('a')], [], []);
		expect(view.readiness).toEqual({ done: 0, total: 0, share: 0 });
	});
});

describe('derivePortfolio: a roadmap changed after the learner started', () => {
	it('ignores progress on a module removed from a phase', () => {
		const changed: Roadmap = {
			...roadmap,
			phases: [{ id: 'foundations', title: 'Foundations', months: [1, 3], modules: ['b'] }]
		};
		const view = derivePortfolio(changed, [done('a')], [], []);
		expect(view.phases[0]).toMatchObject({ done: 0, total: 1 });
		expect(item(view, 'foundations-complete')).toMatchObject({ state: 'todo', missing: ['b'] });
	});

	it('treats required ids that are no longer modules as absent when knownModules is given', () => {
		const known = new Set(['a', 'b', 'd', 'e']); // "c" was removed from the catalog
		const view = derivePortfolio(roadmap, [done('a'), done('d')], [score('d', 0.9)], [], known);
		expect(item(view, 'project')).toMatchObject({ state: 'todo', missing: [], requires: ['a'] });
		expect(item(view, 'skills')).toMatchObject({ state: 'done', requires: ['d'] });
		expect(view.phases[1]).toMatchObject({ done: 1, total: 2 });
	});

	it('keeps unknown required ids without knownModules', () => {
		const view = derivePortfolio(roadmap, [done('a')], [], []);
		expect(item(view, 'project').missing).toEqual(['c']);
	});

	it('never marks a phase or modules item done when nothing is left to check', () => {
		const view = derivePortfolio(roadmap, [], [], [], new Set(['e']));
		expect(item(view, 'foundations-complete')).toMatchObject({ state: 'todo', missing: [] });
		expect(item(view, 'skills')).toMatchObject({ state: 'todo', missing: [] });
	});

	it('shows a new item as todo or locked', () => {
		const changed: Roadmap = {
			...roadmap,
			portfolio: [
				...roadmap.portfolio,
				{ id: 'talk', title: 'A talk', kind: 'activity', requires: ['b'], description: 'Speak.' }
			]
		};
		expect(item(derivePortfolio(changed, [], [], []), 'talk').state).toBe('locked');
		expect(item(derivePortfolio(changed, [done('b')], [], []), 'talk').state).toBe('todo');
	});

	it('puts evidence for a removed item in orphanEvidence', () => {
		const gone = evidence('old-project');
		const view = derivePortfolio(roadmap, [], [], [gone, evidence('meetups')]);
		expect(view.orphanEvidence).toEqual([gone]);
		expect(view.items.map((i) => i.id)).not.toContain('old-project');
		expect(view.readiness.done).toBe(1);
	});
});

describe('derivePortfolio: next', () => {
	it('puts items waiting for evidence first, then those fewest modules away, at most 3', () => {
		// project waits for evidence; cert is 1 module away; foundations-complete 1; skills 2.
		const view = derivePortfolio(roadmap, [done('a'), done('c')], [], [evidence('meetups')]);
		expect(view.next.map((i) => i.id)).toEqual(['project', 'foundations-complete', 'cert']);
	});

	it('counts modules under min_score as still to do', () => {
		const view = derivePortfolio(
			roadmap,
			[done('a'), done('b'), done('c'), done('d'), done('e')],
			[score('c', 0.5), score('d', 0.9)],
			[evidence('project'), evidence('meetups')]
		);
		expect(view.next.map((i) => i.id)).toEqual(['cert', 'skills']);
	});

	it('is empty when everything is done', () => {
		const view = derivePortfolio(
			roadmap,
			['a', 'b', 'c', 'd', 'e'].map((m) => done(m)),
			[score('c', 1), score('d', 1)],
			['project', 'cert', 'meetups'].map((id) => evidence(id))
		);
		expect(view.readiness.share).toBe(1);
		expect(view.next).toEqual([]);
	});
});

describe('derivePortfolio over the real roadmaps', () => {
	const dir = 'courses/roadmaps';
	const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.endsWith('.fr.yaml'));

	it('finds roadmaps to check', () => {
		expect(files.length).toBeGreaterThan(0);
	});

	it.each(files)('%s: nothing done at first, everything done at the end', (file) => {
		const raw = parse(readFileSync(join(dir, file), 'utf8')) as { portfolio?: unknown[] };
		const rm = roadmapSchema.parse(raw);

		const empty = derivePortfolio(rm, [], [], []);
		expect(empty.items).toHaveLength(raw.portfolio?.length ?? 0);
		expect(empty.items.filter((i) => i.state === 'done')).toEqual([]);

		const modules = [
			...new Set([
				...rm.phases.flatMap((p) => p.modules),
				...rm.portfolio.flatMap((i) => i.requires)
			])
		];
		const evidenceItems = rm.portfolio.filter((i) => !['phase', 'modules'].includes(i.kind));
		const full = derivePortfolio(
			rm,
			modules.map((m) => done(m)),
			modules.map((m) => score(m, 1)),
			evidenceItems.map((i) => evidence(i.id))
		);
		expect(full.readiness.share).toBe(1);
		expect(full.phases.every((p) => p.share === 1)).toBe(true);
	});
});
