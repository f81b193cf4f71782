// npm run bench:quiz — graded quiz submissions over HTTP against the built server (autocannon,
// 64 connections, each a learner who opens the quiz page, which opens their attempt, then submits
// it), and, in the same run, the raw database rate of what one submission does (the page's
// open_attempt, then the post's my_quiz_state and submit_attempt: record, complete, schedule,
// close) on the same engine, and their ratio; then the raw rate of every call the two requests
// make (session lookups and the page's other reads too), which shows how much of the gap is the
// database and how much the app server. On the embedded default
// (PGlite in a worker thread, as the server runs it); and on PostgreSQL too when DATABASE_URL is
// set (a fresh database, dropped afterwards), where it also runs two app processes side by side,
// sharing ATTEMPT_SECRET and the database as docs/scaling.md describes, each taking half the
// connections. Every rate is measured after a warm-up (the first seconds of a new process are
// slower, and are printed too). Figures, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sessionUser, signUp } from '../src/lib/server/auth/local';
import { LocalDb } from '../src/lib/server/db/local';
import { migrate } from '../src/lib/server/db/migrate';
import { pgliteWorkerDriver } from '../src/lib/server/db/pglite-worker';
import { postgresDriver } from '../src/lib/server/db/postgres';
import type { Driver } from '../src/lib/server/db/types';
import { readSqlFiles } from '../scripts/sql-files';
import { withFreshDatabase } from './fresh-database';
import { startServer } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const USERS = 64;
const MODULE = 'ml-basics';
const dir = mkdtempSync(join(tmpdir(), 'jalons-bench-quiz-'));

async function bench(
	label: string,
	driver: Driver,
	writers: number,
	env: Record<string, string>,
	processes = 1
) {
	// Accounts and sessions, made directly in the database the server will open.
	const { compat, migrations } = readSqlFiles(process.cwd());
	await migrate(driver, compat, migrations);
	const db = new LocalDb(driver);
	const users: { id: string; cookie: string }[] = [];
	for (let i = 0; i < USERS; i++) {
		const r = await signUp(db, { email: `bench${i}@example.org`, password: 'bench password 123' });
		if (!r.ok) throw new Error(r.message);
		users.push({ id: r.user.id, cookie: `jalons_session=${r.token}` });
	}

	// Raw rate of what one submission does, on the same engine and driver, in this process: the
	// issue's definition (the calls that open, read and record the attempt); then every call the
	// two requests make, the session lookups and the page's other reads included, for where the
	// rest of an HTTP submission's time goes.
	const service = (fn: string, args: Record<string, unknown>) => db.serviceRpc(fn, args);
	const submission = async (u: (typeof users)[number], everything: boolean) => {
		const token = u.cookie.slice('jalons_session='.length);
		const learner = db.forUser(u.id);
		// The page: session, the nav's review count, the learner's roadmaps, their attempts, the
		// attempt opened.
		if (everything) {
			await sessionUser(db, token);
			await learner.rpc('my_review_count', {});
			await learner.rpc('my_enrollments', {});
			await learner.rpc('my_attempts', { module_id: MODULE, recent: 10 });
		}
		const [open] = await service('open_attempt', {
			user_id: u.id,
			module_id: MODULE,
			max_attempts: null
		});
		// The post: session, then what it reads before it grades (the checks and the review cards).
		if (everything) await sessionUser(db, token);
		await learner.rpc('my_quiz_state', { module_id: MODULE });
		await service('submit_attempt', {
			user_id: u.id,
			module_id: MODULE,
			attempt_id: open!.attempt_id,
			quiz_version: 'bench',
			answers: {},
			results: { q1: { score: 0, max: 1 } },
			score: 0,
			max_score: 8,
			passed: false,
			max_attempts: null,
			cards: [{ module_id: MODULE, question_id: 'q1', card: {}, due: new Date().toISOString() }]
		});
	};
	// Measured after a warm-up of 2 s, as a running server would be (JIT, WebAssembly tier-up).
	const rawRateOf = async (everything: boolean) => {
		let done = 0;
		const loop = async (ms: number) => {
			const end = performance.now() + ms;
			const writer = async () => {
				while (performance.now() < end) await submission(users[done++ % USERS]!, everything);
			};
			await Promise.all(Array.from({ length: writers }, writer));
		};
		await loop(2000);
		done = 0;
		await loop(5000);
		return done / 5;
	};
	const rawRate = await rawRateOf(false);
	const rawAll = await rawRateOf(true);
	await db.close();

	let n = 0;
	// Each connection is one learner: load the quiz page (which opens the attempt), submit it.
	type Learner = { user?: (typeof users)[number]; attempt?: string; roadmap?: string };
	const submit = (url: string, connections: number, duration: number) =>
		autocannon({
			url: `${url}/modules/${MODULE}/quiz`,
			connections,
			duration,
			requests: [
				{
					method: 'GET',
					setupRequest: (req, context: Learner) => {
						context.user ??= users[n++ % USERS]!;
						return { ...req, headers: { cookie: context.user.cookie } };
					},
					onResponse: (_status, body, context: Learner) => {
						context.attempt = /name="attempt" value="([0-9a-f]{32})"/.exec(body)?.[1] ?? '';
						// The form sends the page's roadmap back, as a browser would.
						context.roadmap = /name="roadmap" value="([a-z0-9-]+)"/.exec(body)?.[1];
					}
				},
				{
					method: 'POST',
					path: `/modules/${MODULE}/quiz?/submit`,
					setupRequest: (req, context: Learner) => {
						const u = context.user!;
						const body = `attempt=${context.attempt}${context.roadmap ? `&roadmap=${context.roadmap}` : ''}`;
						return {
							...req,
							body,
							headers: {
								'content-type': 'application/x-www-form-urlencoded',
								origin: url,
								accept: 'application/json',
								'x-sveltekit-action': 'true',
								cookie: u.cookie
							}
						};
					}
				}
			]
		});
	const server = await startServer(env);
	// The first seconds of a new process are slower: V8 compiles the hot JavaScript and PGlite's
	// WebAssembly (tier-up) on its helper threads, beside the requests. Measured, then the figures
	// of the same server once warm, as a server that has been running serves.
	const cold = await submit(server.url, CONNECTIONS, SECONDS);
	const result = await submit(server.url, CONNECTIONS, SECONDS);
	// One connection: the time a submission takes when nothing queues in front of it.
	const alone = await submit(server.url, 1, 5);
	await server.stop();
	// Half the requests are page loads: a submission is one of each.
	const ok = result['2xx'] / 2;
	const perSecond = ok / SECONDS;
	console.log(
		`Graded quiz submissions over HTTP (${CONNECTIONS} connections, ${SECONDS} s after ${SECONDS} s of warm-up, ${label}):`
	);
	console.log(
		`  ${perSecond.toFixed(0)} submissions/s (page load + submit)   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   (2xx ${ok}, non-2xx ${result.non2xx}, errors ${result.errors})`
	);
	console.log(
		`  the first ${SECONDS} s after the server started (cold): ${(cold['2xx'] / 2 / SECONDS).toFixed(0)} submissions/s   p50 ${cold.latency.p50} ms   p99 ${cold.latency.p99} ms   (non-2xx ${cold.non2xx}, errors ${cold.errors})`
	);
	console.log(
		`  one connection: ${(alone['2xx'] / 2 / 5).toFixed(0)} submissions/s   p50 ${alone.latency.p50} ms   p99 ${alone.latency.p99} ms`
	);
	console.log(
		`Raw database rate of one submission (open_attempt + my_quiz_state + submit_attempt), same engine, ${writers} writer${writers > 1 ? 's' : ''}:`
	);
	console.log(`  ${rawRate.toFixed(0)} per second`);
	console.log(`Ratio submissions/s ÷ raw rate: ${(perSecond / rawRate).toFixed(2)}`);
	console.log(
		`Raw rate of every database call the page load and the post make (2 session lookups, my_review_count, my_enrollments, my_attempts, open_attempt, my_quiz_state, submit_attempt):`
	);
	console.log(
		`  ${rawAll.toFixed(0)} per second; ratio submissions/s ÷ this rate: ${(perSecond / rawAll).toFixed(2)}`
	);

	if (processes > 1) {
		// Several app processes behind a load balancer: the bench spreads the connections itself.
		const secret = 'bench-shared-attempt-secret-0123456789abcdef';
		const servers = await Promise.all(
			Array.from({ length: processes }, () => startServer({ ...env, ATTEMPT_SECRET: secret }))
		);
		await Promise.all(servers.map((s) => submit(s.url, CONNECTIONS / processes, SECONDS)));
		const each = await Promise.all(
			servers.map((s) => submit(s.url, CONNECTIONS / processes, SECONDS))
		);
		await Promise.all(servers.map((s) => s.stop()));
		const okAll = each.reduce((sum, r) => sum + r['2xx'] / 2, 0);
		const rate = okAll / SECONDS;
		console.log(
			`${processes} app processes sharing ATTEMPT_SECRET and the database, ${CONNECTIONS / processes} connections each:`
		);
		console.log(
			`  ${rate.toFixed(0)} submissions/s in all   p50 ${each.map((r) => r.latency.p50).join(' / ')} ms   p99 ${each.map((r) => r.latency.p99).join(' / ')} ms   (non-2xx ${each.reduce((x, r) => x + r.non2xx, 0)}, errors ${each.reduce((x, r) => x + r.errors, 0)})`
		);
		console.log(
			`  ${(rate / perSecond).toFixed(2)} × one process; ratio to the raw rate ${(rate / rawRate).toFixed(2)}`
		);
	}
}

try {
	await bench(
		'embedded PGlite in a worker thread',
		await pgliteWorkerDriver(join(dir, 'data')),
		1,
		{
			DATA_DIR: join(dir, 'data'),
			DATABASE_URL: ''
		}
	);
	if (process.env.DATABASE_URL) {
		console.log('');
		await withFreshDatabase(process.env.DATABASE_URL, (url) =>
			bench('PostgreSQL, pool of 10', postgresDriver(url, 16), 16, { DATABASE_URL: url }, 2)
		);
	} else console.log('\nPostgreSQL: skipped (set DATABASE_URL to measure it too)');
} finally {
	rmSync(dir, { recursive: true, force: true });
}
