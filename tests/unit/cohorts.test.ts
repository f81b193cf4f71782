import { describe, expect, it } from 'vitest';
import { cellOf, cohortProgress, csvField, isAtRisk } from '../../src/lib/teach/cohorts';

const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);

describe('the at-risk rule: under 25 % and no activity for 7 days', () => {
	it('flags a member under 25 % idle for 7 days or more', () => {
		expect(isAtRisk(0.2, daysAgo(7), daysAgo(30), now)).toBe(true);
		expect(isAtRisk(0, null, daysAgo(8), now)).toBe(true);
	});
	it('does not flag one active in the last 7 days', () => {
		expect(isAtRisk(0.2, daysAgo(6.9), daysAgo(30), now)).toBe(false);
	});
	it('does not flag one at 25 % or more, however idle', () => {
		expect(isAtRisk(0.25, daysAgo(100), daysAgo(100), now)).toBe(false);
	});
	it('counts idleness from joining at the earliest', () => {
		expect(isAtRisk(0, null, daysAgo(2), now)).toBe(false);
		expect(isAtRisk(0, daysAgo(40), daysAgo(3), now)).toBe(false);
	});
});

describe('cells and readiness', () => {
	const row = (o: object) => ({
		user_id: 'u',
		module_id: 'm',
		read_at: null,
		completed_at: null,
		best: null,
		...o
	});
	it('says not started, read, tried or passed, with the best score in percent', () => {
		expect(cellOf(undefined)).toEqual({ state: 'not-started', best: null });
		expect(cellOf(row({}))).toEqual({ state: 'not-started', best: null });
		expect(cellOf(row({ read_at: now }))).toEqual({ state: 'read', best: null });
		expect(cellOf(row({ read_at: now, best: '0.4' }))).toEqual({ state: 'tried', best: 40 });
		expect(cellOf(row({ completed_at: now, best: 0.875 }))).toEqual({ state: 'passed', best: 88 });
	});
	it('gives each member a cell per module in order, and readiness over the modules', () => {
		const [m] = cohortProgress(
			['a', 'b', 'c', 'd'],
			[
				{
					user_id: 'u',
					display_name: 'Ada',
					email: null,
					joined_at: daysAgo(10),
					last_activity: daysAgo(9)
				}
			],
			[
				row({ module_id: 'b', completed_at: daysAgo(9), best: 1 }),
				row({ user_id: 'x', module_id: 'a', completed_at: now })
			],
			now
		);
		expect(m!.cells.map((c) => c.state)).toEqual([
			'not-started',
			'passed',
			'not-started',
			'not-started'
		]);
		expect(m!.readiness).toBe(0.25);
		expect(m!.atRisk).toBe(false);
	});
});

describe('CSV fields', () => {
	it('quotes commas and quotes, and defuses formulas', () => {
		expect(csvField('Ada')).toBe('Ada');
		expect(csvField('a, "b"')).toBe('"a, ""b"""');
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
	});
});
