// kill -9 during a load of quiz submissions: every submission the server acknowledged (a graded
// result) is in quiz_attempts after a restart, on PGlite (same data dir) and on PostgreSQL (same
// database, when DATABASE_URL or FUZZ_DATABASE_URL is set). The server is killed, never stopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { signUp, takeQuiz } from './learner';
import { createDatabase, startServer, withDatabase, type Server } from './server';

const BASE_PORT = Number(process.env.E2E_PORT ?? 4173) + 22;
const ADMIN_URL = process.env.DATABASE_URL ?? process.env.FUZZ_DATABASE_URL;
const MODULE = 'ml-basics';
const LEARNERS = 12;
// Kill once this many submissions are acknowledged; the load is bounded in count and in time.
const ACKNOWLEDGED_BEFORE_KILL = 120;
const MAX_SUBMISSIONS = 2000;

interface Learner {
	email: string;
	cookie: string;
	acknowledged: number;
	/** Submissions sent that had no answer when the server died. */
	unanswered: number;
}

const total = (learners: Learner[]) => learners.reduce((n, l) => n + l.acknowledged, 0);

async function killDuringLoad(
	start: () => Promise<Server>,
	port: number,
	target: { databaseUrl: string } | { dataDir: string },
	label: string
) {
	let server = await start();
	const learners: Learner[] = [];
	let killed = false;
	try {
		for (let i = 0; i < LEARNERS; i++) {
			const email = `durable-${i}-${Date.now()}@example.org`;
			const cookie = await signUp(port, server.url, email);
			learners.push({ email, cookie, acknowledged: 0, unanswered: 0 });
		}
		let sent = 0;
		const deadline = Date.now() + 10 * 60_000;
		let kill!: () => void;
		const enough = new Promise<void>((r) => (kill = r));
		const load = learners.map(async (l) => {
			while (!killed && sent < MAX_SUBMISSIONS && Date.now() < deadline) {
				sent++;
				try {
					if (await takeQuiz(port, server.url, l.cookie, MODULE)) l.acknowledged++;
					if (total(learners) >= ACKNOWLEDGED_BEFORE_KILL) kill();
				} catch (e) {
					if (!killed) throw e;
					// Killed while this learner's page or submission was on its way.
					l.unanswered++;
				}
			}
		});
		await Promise.race([enough, Promise.all(load)]);
		killed = true;
		await server.stop('SIGKILL');
		await Promise.allSettled(load);
	} finally {
		killed = true;
		await server.stop('SIGKILL');
	}
	expect(total(learners), 'submissions acknowledged before the kill').toBeGreaterThanOrEqual(
		ACKNOWLEDGED_BEFORE_KILL
	);

	// The server comes back on the same data, then is stopped so the data can be read directly.
	server = await start();
	await server.stop();
	const stored = await withDatabase(target, (query) =>
		query<{ email: string; n: number }>(
			`select u.email, count(*)::int as n from public.quiz_attempts a join auth.users u on u.id = a.user_id
			 where a.module_id = '${MODULE}' group by u.email`
		)
	);
	const storedBy = new Map(stored.map((r) => [r.email, r.n]));
	const acknowledged = total(learners);
	const unanswered = learners.reduce((n, l) => n + l.unanswered, 0);
	const kept = learners.reduce((n, l) => n + (storedBy.get(l.email) ?? 0), 0);
	console.log(
		`kill -9 (${label}): ${acknowledged} submissions acknowledged, ${unanswered} without an answer when the server was killed, ${kept} stored after the restart`
	);
	for (const l of learners) {
		const n = storedBy.get(l.email) ?? 0;
		expect(n, `${l.email}: every acknowledged submission is stored`).toBeGreaterThanOrEqual(
			l.acknowledged
		);
		// At most the one submission that was on its way may have been recorded without an answer.
		expect(n, `${l.email}: nothing stored that was never sent`).toBeLessThanOrEqual(
			l.acknowledged + l.unanswered
		);
	}
}

test('kill -9 during quiz submissions loses no acknowledged one — PGlite', async () => {
	test.setTimeout(20 * 60_000);
	const port = BASE_PORT;
	const dataDir = mkdtempSync(join(tmpdir(), 'jalons-durability-'));
	try {
		await killDuringLoad(
			() => startServer({ port, env: { DATA_DIR: dataDir } }),
			port,
			{ dataDir },
			'PGlite'
		);
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

if (ADMIN_URL)
	test('kill -9 during quiz submissions loses no acknowledged one — PostgreSQL', async () => {
		test.setTimeout(20 * 60_000);
		const port = BASE_PORT + 1;
		const db = await createDatabase(ADMIN_URL, 'jalons_durability');
		try {
			await killDuringLoad(
				() => startServer({ port, env: { DATABASE_URL: db.url } }),
				port,
				{ databaseUrl: db.url },
				'PostgreSQL'
			);
		} finally {
			await db.drop();
		}
	});
