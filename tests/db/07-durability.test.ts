// The embedded database flushes each commit to disk by default (PGLITE_FSYNC=on); off, it never
// calls fsync. A spy on node:fs counts the flushes: PGlite's own "fsync on" would count none.
import fs, { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pgliteDriver } from '../../src/lib/server/db/pglite';
import { pgliteWorkerDriver } from '../../src/lib/server/db/pglite-worker';
import type { Driver } from '../../src/lib/server/db/types';

const dirs: string[] = [];
const dataDir = () => {
	const dir = mkdtempSync(join(tmpdir(), 'jalons-durability-'));
	dirs.push(dir);
	return dir;
};
afterEach(() => {
	vi.restoreAllMocks();
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function flushesPerCommit(driver: Driver): Promise<number> {
	await driver.exec('create table if not exists t (id serial primary key, v text)');
	const spy = vi.spyOn(fs, 'fsyncSync');
	for (let i = 0; i < 5; i++)
		await driver.transaction((sql) => sql.query('insert into t (v) values ($1)', ['x']));
	const n = spy.mock.calls.length / 5;
	spy.mockRestore();
	return n;
}

const settings = async (driver: Driver) =>
	(
		await driver.transaction((sql) =>
			sql.query<{ fsync: string; wal_sync_method: string }>(
				`select current_setting('fsync') as fsync, current_setting('wal_sync_method') as wal_sync_method`
			)
		)
	)[0];

// Each new data dir costs an initdb (seconds on a busy machine): one per test, reopened as needed.
describe('PGlite durability', () => {
	it('flushes a new data dir once, then every commit, and keeps what was committed', async () => {
		const dir = dataDir();
		const created = vi.spyOn(fs, 'fsyncSync');
		await (await pgliteDriver(dir)).close();
		// initdb writes about a thousand files; a clean close flushes a few.
		expect(created.mock.calls.length, 'flushes when the data dir is new').toBeGreaterThan(500);
		created.mockRestore();

		const reopened = vi.spyOn(fs, 'fsyncSync');
		const db = await pgliteDriver(dir);
		expect(reopened.mock.calls.length, 'flushes when it is reopened').toBeLessThan(100);
		reopened.mockRestore();
		expect(await flushesPerCommit(db), 'flushes per commit').toBeGreaterThanOrEqual(1);
		await db.close();

		const again = await pgliteDriver(dir);
		expect(await again.transaction((sql) => sql.query('select count(*)::int as n from t'))).toEqual(
			[{ n: 5 }]
		);
		await again.close();
	}, 300_000);

	it('never calls fsync with PGLITE_FSYNC=off', async () => {
		const db = await pgliteDriver(dataDir(), { fsync: false });
		expect(await flushesPerCommit(db)).toBe(0);
		await db.close();
	}, 300_000);

	it('opens the worker-thread database (the app server’s) the same way', async () => {
		const dir = dataDir();
		const on = await pgliteWorkerDriver(dir);
		expect(await settings(on)).toEqual({ fsync: 'on', wal_sync_method: 'fsync' });
		await on.close();
		const off = await pgliteWorkerDriver(dir, { fsync: false });
		expect((await settings(off))!.fsync).toBe('off');
		await off.close();
	}, 300_000);
});
