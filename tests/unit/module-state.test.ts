import { describe, expect, it } from 'vitest';
import { moduleState } from '../../src/lib/progress';

describe("a module's state on the roadmap graph", () => {
	const statuses = { a: 'completed', b: 'read', c: 'started' } as const;

	it('is done when passed, in progress when opened or read', () => {
		expect(moduleState('a', [], statuses)).toBe('done');
		expect(moduleState('b', ['x'], statuses)).toBe('progress');
		expect(moduleState('c', [], statuses)).toBe('progress');
	});

	it('is locked while a prerequisite is not passed, open once all are', () => {
		expect(moduleState('d', ['a', 'b'], statuses)).toBe('locked');
		expect(moduleState('d', ['x'], statuses)).toBe('locked');
		expect(moduleState('d', ['a'], statuses)).toBe('open');
		expect(moduleState('d', [], {})).toBe('open');
	});
});
