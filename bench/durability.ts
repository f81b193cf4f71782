// npm run bench:durability — what flushing each commit to disk costs the embedded database: the
// disk's own fsync latency, PGlite commits/s with fsync off, with PostgreSQL's `fsync=on` alone
// (which PGlite's file system turns into no flush at all) and with Jalons' default (PGLITE_FSYNC=on:
// a real flush), then graded quiz submissions/s over HTTP with PGLITE_FSYNC off and on (and on
// PostgreSQL when DATABASE_URL is set, with its own fsync setting). Figures, not a test.
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import pg from 'pg';
import { openPglite } from '../src/lib/server/db/pglite-open';
import { signUp, takeQuiz } from '../tests/e2e/learner';
import { startServer } from '../tests/e2e/server';
import { withFreshDatabase } from './fresh-database';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LEARNERS = 16;
const PORT = Number(process.env.BENCH_PORT ?? 5450);
const dir = mkdtempSync(join(tmpdir(), 'jalons-bench-durability-'));

function diskFsync() {
	const fd = fs.openSync(join(dir, 'probe'), 'w');
	const page = Buffer.alloc(8192, 1);
	let n = 0;
	const end = performance.now() + 2000;
	while (performance.now() < end) {
		fs.writeSync(fd, page, 0, page.length, (n % 64) * page.length);
		fs.fsyncSync(fd);
		n++;
	}
	fs.closeSync(fd);
	return 2000 / n;
}

async function commits(open: (dataDir: string, flushes: { n: number }) => Promise<PGlite>) {
	const dataDir = mkdtempSync(join(dir, 'pglite-'));
	const flushes = { n: 0 };
	const db = await open(dataDir, flushes);
	await db.exec('create table t (id serial primary key, v text)');
	flushes.n = 0;
	let n = 0;
	const end = performance.now() + SECONDS * 1000;
	while (performance.now() < end) {
		await db.transaction((tx) => tx.query('insert into t (v) values ($1)', ['x']));
		n++;
	}
	await db.close();
	return `${(n / SECONDS).toFixed(0).padStart(6)} commits/s   ${(flushes.n / n).toFixed(2)} fsync per commit`;
}

const counting = (flushes: { n: number }) => ({
	...fs,
	fsyncSync: (fd: number) => {
		flushes.n++;
		fs.fsyncSync(fd);
	}
});

async function submissions(label: string, env: Record<string, string>) {
	const server = await startServer({ port: PORT, env });
	const cookies: string[] = [];
	for (let i = 0; i < LEARNERS; i++)
		cookies.push(await signUp(PORT, server.url, `bench-durability-${i}-${Date.now()}@example.org`));
	let n = 0;
	const end = performance.now() + SECONDS * 2000;
	await Promise.all(
		cookies.map(async (cookie) => {
			while (performance.now() < end)
				if (await takeQuiz(PORT, server.url, cookie, 'ml-basics')) n++;
		})
	);
	await server.stop();
	console.log(
		`  ${label.padEnd(38)} ${(n / (SECONDS * 2)).toFixed(0).padStart(5)} submissions/s (page + graded submission, ${LEARNERS} learners)`
	);
}

try {
	console.log(`Disk under ${tmpdir()}: write 8 KB + fsync ${diskFsync().toFixed(2)} ms`);
	// Twice each, in turn: on a shared machine the first runs warm it up and others' load drifts.
	console.log(`PGlite commits, one row each, one connection, ${SECONDS} s each, two rounds:`);
	for (let round = 1; round <= 2; round++) {
		console.log(
			`  fsync off (PGlite's default, -F)       ${await commits((d) => PGlite.create(d))}`
		);
		console.log(
			`  fsync=on alone (no -F)                 ${await commits((d) =>
				PGlite.create({
					dataDir: d,
					startParams: PGlite.defaultStartParams.filter((p) => p !== '-F')
				})
			)}   ← PGlite's file system flushes nothing`
		);
		console.log(
			`  PGLITE_FSYNC=on (Jalons' default)      ${await commits((d, f) =>
				openPglite({ PGlite, NodeFS, fs: counting(f) }, d, true)
			)}`
		);
	}
	console.log(`Graded quiz submissions over HTTP (node build), ${SECONDS * 2} s each, two rounds:`);
	for (let round = 1; round <= 2; round++) {
		await submissions('PGlite, PGLITE_FSYNC=off', {
			DATA_DIR: join(dir, `server-off-${round}`),
			PGLITE_FSYNC: 'off',
			DATABASE_URL: ''
		});
		await submissions('PGlite, PGLITE_FSYNC=on (default)', {
			DATA_DIR: join(dir, `server-on-${round}`),
			DATABASE_URL: ''
		});
	}
	if (process.env.DATABASE_URL) {
		const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
		await admin.connect();
		const { rows } = await admin.query<{ fsync: string; synchronous_commit: string }>(
			`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit`
		);
		await admin.end();
		await withFreshDatabase(process.env.DATABASE_URL, (url) =>
			submissions(
				`PostgreSQL (fsync=${rows[0]!.fsync}, synchronous_commit=${rows[0]!.synchronous_commit})`,
				{ DATABASE_URL: url }
			)
		);
	} else console.log('  PostgreSQL: skipped (set DATABASE_URL to measure it too)');
} finally {
	rmSync(dir, { recursive: true, force: true });
}
