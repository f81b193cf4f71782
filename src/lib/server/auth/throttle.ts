// Throttling of local sign-ins and sign-ups, after OWASP's Authentication and Credential Stuffing
// cheat sheets: no hard lock on an account (which would let anyone lock its owner out), but a
// growing delay per (account, client address) and per client address, both forgiven with time.
// The counters are rows of auth.jalons_throttle (supabase/compat/throttle.sql), so every app server
// shares them. docs/data.md gives the numbers and the reasons.
import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { LocalDb } from '../db/local';
import { plural } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

export interface Policy {
	/** Failures that cost nothing: the next attempt after this many waits `baseSeconds`. */
	free: number;
	/** The first wait; each further failure doubles it… */
	baseSeconds: number;
	/** …up to this. */
	capSeconds: number;
	/** One failure is forgiven every `leakSeconds`, continuously. */
	leakSeconds: number;
}

export const POLICIES = {
	/** The same account from the same address: an online guess at one password. */
	'sign-in:account+address': { free: 5, baseSeconds: 1, capSeconds: 900, leakSeconds: 900 },
	/** Every account from one address: credential stuffing and password spraying. */
	'sign-in:address': { free: 30, baseSeconds: 1, capSeconds: 900, leakSeconds: 120 },
	/** Sign-ups refused because the email is taken, from one address: probing who has an account. */
	'sign-up:address': { free: 10, baseSeconds: 1, capSeconds: 900, leakSeconds: 360 }
} as const satisfies Record<string, Policy>;

export type Kind = keyof typeof POLICIES;

/** What the database's clock is not: a clock for tests. `null` means the database's `now()`. */
export type Clock = () => Date | null;
export const databaseClock: Clock = () => null;

interface Counter {
	kind: Kind;
	key: string;
	reset: boolean;
}

/**
 * The client address as throttling counts it: IPv4 as is (also when IPv4-mapped), IPv6 by its /64,
 * since one subscriber usually holds a whole /64 and could otherwise take a new address per guess.
 */
export function addressKey(address: string): string {
	let ip = address.trim().toLowerCase().replace(/%.*$/, '');
	if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
	if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
	if (isIPv4(ip) || !isIPv6(ip)) return ip;
	const [head, tail = ''] = ip.split('::');
	const groups = (s: string) => (s ? s.split(':') : []);
	const left = groups(head!);
	const right = groups(tail).flatMap((g) => (g.includes('.') ? ['0', '0'] : [g]));
	const full = ip.includes('::')
		? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
		: left;
	return `${full
		.slice(0, 4)
		.map((g) => g.replace(/^0+(?=.)/, ''))
		.join(':')}::/64`;
}

const digest = (kind: Kind, ...parts: string[]) =>
	createHash('sha256')
		.update([kind, ...parts].join('\n'))
		.digest('hex');

function counters(list: Counter[]) {
	return JSON.stringify(
		list.map((c) => {
			const p = POLICIES[c.kind];
			return {
				kind: c.kind,
				key: c.key,
				reset: c.reset,
				free: p.free,
				base: p.baseSeconds,
				cap: p.capSeconds,
				leak: p.leakSeconds
			};
		})
	);
}

/** One throttled attempt: `wait` > 0 means refused; otherwise settle it with `succeeded()`. */
export interface Attempt {
	wait: number;
	succeeded(): Promise<void>;
}

export class Throttle {
	constructor(
		private readonly db: LocalDb,
		private readonly clock: Clock = databaseClock
	) {}

	/** A sign-in attempt for `email` from `address`: counted as a failure until it succeeds. */
	signIn(email: string, address: string): Promise<Attempt> {
		const where = addressKey(address);
		const account = email.trim().toLowerCase();
		return this.take([
			{
				kind: 'sign-in:account+address',
				key: digest('sign-in:account+address', account, where),
				reset: true
			},
			{ kind: 'sign-in:address', key: digest('sign-in:address', where), reset: false }
		]);
	}

	/** A sign-up from `address`: counted as refused until it succeeds. */
	signUp(address: string): Promise<Attempt> {
		const where = addressKey(address);
		return this.take([
			{ kind: 'sign-up:address', key: digest('sign-up:address', where), reset: false }
		]);
	}

	private async take(list: Counter[]): Promise<Attempt> {
		const at = this.clock();
		const json = counters(list);
		const [row] = await this.db.authQuery<{ wait: number }>(
			'select auth.jalons_throttle_take(coalesce($1::timestamptz, now()), $2::jsonb) as wait',
			[at, json]
		);
		const wait = Math.ceil(Number(row!.wait));
		return {
			wait,
			succeeded: async () => {
				await this.db.authQuery(
					'select auth.jalons_throttle_succeeded(coalesce($1::timestamptz, now()), $2::jsonb)',
					[at, json]
				);
			}
		};
	}
}

export const tooManyAttempts = (seconds: number) =>
	plural(seconds, m.account_error_too_many_one, m.account_error_too_many_other);
