import { describe, expect, it } from 'vitest';
import { checkCatalog } from '../../src/lib/content/catalog';
import { formatProblem } from '../../src/lib/content/problems';
import { monthsBefore } from '../../src/lib/content/reviewed';
import { fixture } from '../helpers/fixtures';

const EMBEDDINGS = 'courses/modules/nlp/embeddings/index.md';
const check = (name: string, today: string) =>
	checkCatalog(fixture(name), { today }).problems.map(formatProblem);

describe('monthsBefore', () => {
	it('steps back whole months, across years and into short months', () => {
		expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
		expect(monthsBefore('2026-03-15', 3)).toBe('2025-12-15');
		expect(monthsBefore('2027-03-31', 1)).toBe('2027-02-28');
		expect(monthsBefore('2028-02-29', 12)).toBe('2027-02-28');
	});
});

describe('the reviewed date of a module', () => {
	it('warns, with the file and line, when it is more than 12 months old', () => {
		expect(check('stale-review', '2026-12-01')).toEqual([
			`${EMBEDDINGS}:11: warning: reviewed 2025-11-30: older than 12 months — re-check facts and update it`
		]);
	});

	it('is a warning, not an error: the catalog still loads the module', () => {
		const { catalog, problems } = checkCatalog(fixture('stale-review'), { today: '2026-12-01' });
		expect(problems.map((p) => p.severity)).toEqual(['warning']);
		expect(catalog.modules.get('embeddings')?.reviewed).toBe('2025-11-30');
	});

	it('does not warn on the day it turns exactly 12 months old', () => {
		expect(check('stale-review', '2026-11-30')).toEqual([]);
	});

	it('warns when it lies after today', () => {
		expect(check('base', '2026-11-22')).toContain(
			`${EMBEDDINGS}:11: warning: reviewed 2026-11-23: a date after today (2026-11-22) — set the date the module was actually reviewed`
		);
	});

	it('is required by the frontmatter schema', () => {
		const files = fixture('base').map((f) =>
			f.path === EMBEDDINGS ? { ...f, text: f.text.replace(/^reviewed: .*\n/m, '') } : f
		);
		const errors = checkCatalog(files, { today: '2026-12-01' })
			.problems.filter((p) => p.severity === 'error')
			.map(formatProblem);
		expect(errors).toContain(`${EMBEDDINGS}:2: reviewed: missing (expected string)`);
	});

	it('is checked against today in UTC when no day is given', () => {
		// 2000-01-01 is more than 12 months before any day this test can run on.
		const files = fixture('stale-review').map((f) =>
			f.path === EMBEDDINGS ? { ...f, text: f.text.replace('2025-11-30', '2000-01-01') } : f
		);
		expect(checkCatalog(files).problems.map(formatProblem)).toContain(
			`${EMBEDDINGS}:11: warning: reviewed 2000-01-01: older than 12 months — re-check facts and update it`
		);
	});
});
