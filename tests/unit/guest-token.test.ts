import { describe, expect, it } from 'vitest';
import {
	GUEST_TTL_MS,
	makeGuestToken,
	newGuestAttempt,
	readGuestToken
} from '../../src/lib/server/quiz/guest-token';

const SECRET = 'a test secret of the guest quiz tokens';
const NOW = Date.UTC(2026, 11, 2, 12);
const attempt = {
	...newGuestAttempt('ml-basics', 'v1', NOW),
	checks: { q1: { type: 'true-false' as const, value: true } }
};
const token = makeGuestToken(SECRET, attempt);
const read = (t: unknown, at = NOW, moduleId = 'ml-basics', version = 'v1') =>
	readGuestToken(SECRET, t, moduleId, version, at);

/** The token with its payload rewritten, its signature kept. */
function rewritten(change: (p: Record<string, unknown>) => void) {
	const [body, sig] = token.split('.');
	const p = JSON.parse(Buffer.from(body!, 'base64url').toString());
	change(p);
	return `${Buffer.from(JSON.stringify(p)).toString('base64url')}.${sig}`;
}

describe('guest quiz tokens', () => {
	it('gives back the module, seed, issue time and checked answers it was made with', () => {
		expect(attempt.seed).toMatch(/^[0-9a-f]{32}$/);
		expect(read(token)).toEqual({ attempt });
		expect(read(token, NOW + GUEST_TTL_MS)).toEqual({ attempt });
	});

	it('draws a new seed for every new attempt', () => {
		expect(newGuestAttempt('ml-basics', 'v1').seed).not.toBe(
			newGuestAttempt('ml-basics', 'v1').seed
		);
	});

	it('expires after its time to live, and is refused from the future', () => {
		expect(read(token, NOW + GUEST_TTL_MS + 1)).toEqual({ problem: 'expired' });
		expect(read(token, NOW - 10 * 60 * 1000)).toEqual({ problem: 'expired' });
	});

	it('is refused when its seed, module, time or checks are changed', () => {
		for (const change of [
			(p: Record<string, unknown>) => (p.s = '0'.repeat(32)),
			(p: Record<string, unknown>) => (p.m = 'docker-for-ml'),
			(p: Record<string, unknown>) => (p.t = NOW + 1000),
			(p: Record<string, unknown>) => (p.c = {})
		])
			expect(read(rewritten(change))).toEqual({ problem: 'tampered' });
		const [body, sig] = token.split('.');
		const flipped = sig!.startsWith('A') ? `B${sig!.slice(1)}` : `A${sig!.slice(1)}`;
		expect(read(`${body}.${flipped}`)).toEqual({ problem: 'tampered' });
	});

	it('is refused for another module, and when signed with another secret', () => {
		expect(read(token, NOW, 'docker-for-ml')).toEqual({ problem: 'tampered' });
		expect(readGuestToken('another secret', token, 'ml-basics', 'v1', NOW)).toEqual({
			problem: 'tampered'
		});
	});

	it('is refused once the quiz has changed', () => {
		expect(read(token, NOW, 'ml-basics', 'v2')).toEqual({ problem: 'changed' });
	});

	it('is refused when missing or malformed', () => {
		for (const t of [null, undefined, '', 'x', `${token}x`, token.replace('.', ''), 42])
			expect(read(t)).toEqual({ problem: 'malformed' });
		const sig = token.split('.')[1]!;
		expect(read(`bm90IGpzb24.${sig}`)).toEqual({ problem: 'tampered' });
	});
});
