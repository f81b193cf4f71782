// PGlite in a worker thread. PGlite is single-threaded WebAssembly: in the server's own thread, its
// query execution and protocol parsing take turns with rendering pages. In a worker it runs on the
// other core. Calls are serialised inside the worker; a transaction holds the worker until it ends.
// `run` does a whole transaction of fixed statements in one message (what every RPC call is), as
// one simple-protocol query when the statements allow it (script.ts).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { openPglite } from './pglite-open';
import { script } from './script';
import type { Driver, Row, Sql } from './types';

// CommonJS, evaluated: the worker needs no file of its own in the build.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// openPglite arrives as source text; transpilers that keep function names (tsx, for the benchmarks
// and scripts) wrap its inner functions in __name(), which only exists in their own module.
const __name = (f) => f;
const openPglite = ${openPglite.toString()};
let db;
let queue = Promise.resolve();
const open = new Map(); // transaction id -> resolve(), which lets the queue go on
const reply = (id, result) => parentPort.postMessage({ id, result });
const fail = (id, e) => parentPort.postMessage({ id, error: { message: String(e && e.message || e), code: e && e.code } });
const rows = async (text, params) => (await db.query(text, params)).rows;

async function handle(m) {
  switch (m.op) {
    case 'run':
      return db.transaction(async (tx) => {
        let last = [];
        for (const s of m.steps) last = (await tx.query(s.text, s.params)).rows;
        return last;
      });
    case 'script':
      // One simple-protocol query: one implicit transaction, one call into PGlite.
      return (await db.exec(m.text)).at(-1)?.rows ?? [];
    case 'exec':
      await db.exec(m.text);
      return null;
    case 'close':
      await db.close();
      return null;
  }
  throw new Error('unknown op ' + m.op);
}

parentPort.on('message', (m) => {
  if (m.tx !== undefined && m.op !== 'begin') {
    // Inside an open transaction: runs now, the queue is held for it.
    const run = m.op === 'query' ? rows(m.text, m.params)
      : db.exec(m.op === 'commit' ? 'commit' : 'rollback').then(() => null);
    run.then((r) => reply(m.id, r), (e) => fail(m.id, e)).finally(() => {
      if (m.op !== 'query') { open.get(m.tx)?.(); open.delete(m.tx); }
    });
    return;
  }
  queue = queue.then(async () => {
    if (m.op === 'begin') {
      try { await db.exec('begin'); } catch (e) { fail(m.id, e); return; }
      const ended = new Promise((r) => open.set(m.tx, r));
      reply(m.id, null);
      await ended;
      return;
    }
    try { reply(m.id, await handle(m)); } catch (e) { fail(m.id, e); }
  });
});

(async () => {
  const { PGlite } = await import(workerData.pglite);
  const { NodeFS } = await import(workerData.nodefs);
  db = await openPglite({ PGlite, NodeFS, fs: require('node:fs') }, workerData.dataDir, workerData.fsync);
  parentPort.postMessage({ ready: true });
})().catch((e) => parentPort.postMessage({ fatal: String(e && e.stack || e) }));
`;

interface Reply {
	id?: number;
	result?: unknown;
	error?: { message: string; code?: string };
	ready?: boolean;
	fatal?: string;
}

class WorkerError extends Error {
	constructor(
		message: string,
		readonly code: string | undefined
	) {
		super(message);
	}
}

/**
 * PGlite persisted in `dataDir` (in memory when null), running in a worker thread, with each commit
 * flushed to disk unless `fsync` is false (see openPglite).
 */
export async function pgliteWorkerDriver(
	dataDir: string | null,
	{ fsync = true } = {}
): Promise<Driver> {
	if (dataDir) mkdirSync(resolve(dataDir), { recursive: true });
	const require = createRequire(import.meta.url);
	const url = (name: string) => pathToFileURL(require.resolve(name)).href;
	const worker = new Worker(SOURCE, {
		eval: true,
		workerData: {
			pglite: url('@electric-sql/pglite'),
			nodefs: url('@electric-sql/pglite/nodefs'),
			dataDir: dataDir && resolve(dataDir),
			fsync
		}
	});
	const pending = new Map<number, { ok: (v: unknown) => void; ko: (e: Error) => void }>();
	let next = 0;
	let txs = 0;
	await new Promise<void>((ready, failed) => {
		worker.on('message', (m: Reply) => {
			if (m.ready) return ready();
			if (m.fatal) return failed(new Error(`PGlite worker: ${m.fatal}`));
			const p = pending.get(m.id!);
			pending.delete(m.id!);
			if (m.error) p?.ko(new WorkerError(m.error.message, m.error.code ?? undefined));
			else p?.ok(m.result);
		});
		worker.on('error', failed);
	});
	const send = <T>(message: Record<string, unknown>) =>
		new Promise<T>((ok, ko) => {
			const id = next++;
			pending.set(id, { ok: ok as (v: unknown) => void, ko });
			worker.postMessage({ ...message, id });
		});

	return {
		kind: 'pglite',
		run: (steps) => {
			const text = script(steps);
			return send<Row[]>(text === null ? { op: 'run', steps } : { op: 'script', text });
		},
		transaction: async (fn) => {
			const tx = txs++;
			await send({ op: 'begin', tx });
			const sql: Sql = {
				query: (text, params) => send({ op: 'query', tx, text, params: params ?? [] })
			};
			try {
				const result = await fn(sql);
				await send({ op: 'commit', tx });
				return result;
			} catch (e) {
				await send({ op: 'rollback', tx }).catch(() => {});
				throw e;
			}
		},
		exec: (script) => send({ op: 'exec', text: script }),
		close: async () => {
			await send({ op: 'close' });
			await worker.terminate();
		}
	};
}
