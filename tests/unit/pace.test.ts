import { describe, expect, it } from 'vitest';
import { phaseHours, spanMonths, studyPlan, weeklyPace } from '../../src/lib/content/pace';

describe('study time', () => {
	const phases = [
		{ months: [1, 3] as const, hours: 40, minutes: 180 },
		{ months: [4, 6] as const, hours: 55, minutes: 200 },
		{ months: [7, 12] as const, hours: 110, minutes: 285 }
	];

	it('adds the phases up and spreads them over the months they cover', () => {
		expect(spanMonths(phases)).toBe(12);
		expect(studyPlan(phases)).toBe('205 h of study · about 4 h a week for 12 months');
	});

	it('never shows fewer hours than the modules of a phase take', () => {
		expect(phaseHours({ months: [1, 3], minutes: 185 })).toBe(4);
		expect(phaseHours({ months: [1, 3], hours: 2, minutes: 185 })).toBe(4);
		expect(phaseHours({ months: [1, 3], hours: 40, minutes: 185 })).toBe(40);
	});

	it('rounds a weekly pace to half hours, or to quarter hours below one hour', () => {
		expect(weeklyPace(104, 12)).toBe('about 2 h a week');
		expect(weeklyPace(40, 3)).toBe('about 3 h a week');
		expect(weeklyPace(20, 3)).toBe('about 1½ h a week');
		expect(weeklyPace(11, 12)).toBe('about 15 min a week');
		expect(weeklyPace(30, 12)).toBe('about 30 min a week');
	});
});
