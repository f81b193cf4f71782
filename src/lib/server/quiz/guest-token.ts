// Guest quiz tokens: a signed-out visitor's quiz is held by no database, so the form carries what
// the server needs to grade the draw it showed — module, seed, quiz version, issue time and the
// answers already checked (locked) — signed with HMAC-SHA256, so none of it can be chosen or changed.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Answer } from '$lib/quiz/engine';

/** How long a guest quiz stays valid after it was shown. */
export const GUEST_TTL_MS = 3 * 60 * 60 * 1000;
// A token issued by a server whose clock runs a little ahead is still accepted.
const SKEW_MS = 60 * 1000;

export interface GuestAttempt {
	moduleId: string;
	seed: string;
	version: string;
	issuedAt: number;
	/** Question id → the answer checked (and shown graded) with `feedback: immediate`. */
	checks: Record<string, Answer>;
}

export type GuestTokenProblem = 'malformed' | 'tampered' | 'expired' | 'changed';

const sign = (secret: string, body: string) =>
	createHmac('sha256', secret).update(`guest-quiz:${body}`).digest('base64url');

export function newGuestAttempt(moduleId: string, version: string, now = Date.now()): GuestAttempt {
	return { moduleId, seed: randomBytes(16).toString('hex'), version, issuedAt: now, checks: {} };
}

export function makeGuestToken(secret: string, a: GuestAttempt): string {
	const body = Buffer.from(
		JSON.stringify({ m: a.moduleId, s: a.seed, v: a.version, t: a.issuedAt, c: a.checks })
	).toString('base64url');
	return `${body}.${sign(secret, body)}`;
}

const TOKEN = /^([A-Za-z0-9_-]{1,60000})\.([A-Za-z0-9_-]{43})$/;

/**
 * The guest attempt a token holds, if this server signed it for this module and quiz version and it
 * has not expired; else what is wrong with it.
 */
export function readGuestToken(
	secret: string,
	token: unknown,
	moduleId: string,
	version: string,
	now = Date.now()
): { attempt: GuestAttempt } | { problem: GuestTokenProblem } {
	const m = typeof token === 'string' ? TOKEN.exec(token) : null;
	if (!m) return { problem: 'malformed' };
	const expected = Buffer.from(sign(secret, m[1]!));
	const given = Buffer.from(m[2]!);
	if (expected.length !== given.length || !timingSafeEqual(expected, given))
		return { problem: 'tampered' };
	let p: { m: string; s: string; v: string; t: number; c: Record<string, Answer> };
	try {
		p = JSON.parse(Buffer.from(m[1]!, 'base64url').toString('utf8'));
	} catch {
		return { problem: 'malformed' };
	}
	// Signed for another module: as good as forged here.
	if (p.m !== moduleId) return { problem: 'tampered' };
	if (!(p.t <= now + SKEW_MS) || now - p.t > GUEST_TTL_MS) return { problem: 'expired' };
	if (p.v !== version) return { problem: 'changed' };
	return { attempt: { moduleId: p.m, seed: p.s, version: p.v, issuedAt: p.t, checks: p.c } };
}
