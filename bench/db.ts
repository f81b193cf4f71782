// npm run bench:db — RLS-checked write transactions per second (each one a PostgREST-style
// transaction: set role authenticated + JWT claims, then an upsert guarded by RLS), on PGlite and,
// when DATABASE_URL is set, on PostgreSQL; and the cold start of the built server on an existing
// data dir. Figures, not a test.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LocalDb } from '../src/lib/server/db/local';
import { migrate } from '../src/lib/server/db/migrate';
import { pgliteDriver } from '../src/lib/server/db/pglite';
import { postgresDriver } from '../src/lib/server/db/postgres';
import type { Driver } from '../src/lib/server/db/types';
import { readSqlFiles } from '../scripts/sql-files';
import { withFreshDatabase } from './fresh-database';
import { startServer } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const { compat, migrations } = readSqlFiles(process.cwd());

async function writes(driver: Driver, concurrency: number) {
	await migrate(driver, compat, migrations);
	const db = new LocalDb(driver);
	const users: string[] = [];
	for (let i = 0; i < concurrency; i++) {
		const [u] = await db.asAuth((sql) =>
			sql.query<{ id: string }>(`insert into auth.users (email) values ($1) returning id`, [
				`bench${i}-${randomBytes(4).toString('hex')}@example.org`
			])
		);
		users.push(u!.id);
	}
	let count = 0;
	const end = performance.now() + SECONDS * 1000;
	const latencies: number[] = [];
	await Promise.all(
		users.map(async (u, w) => {
			const me = db.forUser(u);
			while (performance.now() < end) {
				const t0 = performance.now();
				await me.rpc('mark_read', { module_id: `module-${w}-${count % 50}` });
				latencies.push(performance.now() - t0);
				count++;
			}
		})
	);
	await db.close();
	latencies.sort((a, b) => a - b);
	return {
		perSecond: count / SECONDS,
		p50: latencies[Math.floor(latencies.length * 0.5)]!,
		p99: latencies[Math.floor(latencies.length * 0.99)]!
	};
}

const fmt = (r: { perSecond: number; p50: number; p99: number }) =>
	`${r.perSecond.toFixed(0).padStart(7)} tx/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms`;

const dir = mkdtempSync(join(tmpdir(), 'jalons-bench-'));
try {
	console.log(`RLS-checked write transactions (mark_read as authenticated), ${SECONDS} s each:`);
	console.log(
		`  pglite (file, 1 connection)      ${fmt(await writes(await pgliteDriver(join(dir, 'pglite')), 1))}`
	);
	if (process.env.DATABASE_URL) {
		await withFreshDatabase(process.env.DATABASE_URL, async (url) =>
			console.log(
				`  postgres (pool of 16, 16 writers) ${fmt(await writes(postgresDriver(url, 16), 16))}`
			)
		);
	} else console.log('  postgres: skipped (set DATABASE_URL to measure it)');

	const dataDir = join(dir, 'server');
	const first = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
	await first.stop();
	const starts: number[] = [];
	for (let i = 0; i < 5; i++) {
		const s = await startServer({ DATA_DIR: dataDir, DATABASE_URL: '' });
		starts.push(s.readyMs);
		await s.stop();
	}
	starts.sort((a, b) => a - b);
	console.log(`\nCold start of node build on an existing data dir (to first 200 on /), 5 runs:`);
	console.log(
		`  median ${starts[2]!.toFixed(0)} ms, min ${starts[0]!.toFixed(0)} ms, max ${starts[4]!.toFixed(0)} ms (target < 1000 ms)`
	);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
