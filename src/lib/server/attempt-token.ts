// Attempt tokens: an attempt's seed (also its idempotency key) and start time, signed with HMAC so
// the server needs no state between showing a quiz and grading it, and learners cannot choose either.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const sign = (secret: string, text: string) =>
	createHmac('sha256', secret).update(text).digest('base64url');

export function makeAttemptToken(
	secret: string,
	userId: string,
	moduleId: string,
	seed = randomBytes(16).toString('hex'),
	at = Date.now()
): string {
	const body = `${seed}.${at}`;
	return `${body}.${sign(secret, `${userId}:${moduleId}:${body}`)}`;
}

export function verifyAttemptToken(
	secret: string,
	token: string,
	userId: string,
	moduleId: string
): { seed: string; startedAt: Date } | null {
	const m = /^([0-9a-f]{32})\.(\d{10,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
	if (!m) return null;
	const expected = Buffer.from(sign(secret, `${userId}:${moduleId}:${m[1]}.${m[2]}`));
	const given = Buffer.from(m[3]!);
	if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
	return { seed: m[1]!, startedAt: new Date(Number(m[2])) };
}
