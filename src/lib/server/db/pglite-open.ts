import type * as NodeFs from 'node:fs';
import type { PGlite as PGliteClass } from '@electric-sql/pglite';
import type { NodeFS as NodeFSClass } from '@electric-sql/pglite/nodefs';

export interface PgliteLib {
	PGlite: typeof PGliteClass;
	NodeFS: typeof NodeFSClass;
	fs: Pick<typeof NodeFs, 'fsyncSync' | 'openSync' | 'closeSync' | 'existsSync' | 'readdirSync'>;
}

/**
 * Opens PGlite on `dataDir` (in memory when null). With `fsync`, a commit is on disk when it
 * returns, as with PostgreSQL's defaults; without, it is in the operating system's cache only.
 *
 * PGlite 0.5.16 starts PostgreSQL with `-F` (fsync off), and even without it nothing reaches the
 * disk: in its Emscripten file system for Node (NODEFS) `fdatasync()` is a stub that returns 0 and
 * `fsync()` calls a `stream_ops.fsync` that NODEFS does not define (electric-sql/pglite#1107).
 * So this drops `-F`, gives NODEFS an fsync that calls the real one, and makes the WAL use fsync()
 * (the default, fdatasync, is the stub).
 *
 * Self-contained — it uses only its arguments — because the PGlite worker thread runs its source.
 */
export async function openPglite(
	lib: PgliteLib,
	dataDir: string | null,
	fsync: boolean
): Promise<PGliteClass> {
	if (!dataDir) return lib.PGlite.create();
	if (!fsync) return lib.PGlite.create(dataDir);
	const { fs } = lib;
	class SyncingNodeFS extends lib.NodeFS {
		async init(pg: Parameters<NodeFSClass['init']>[0], opts: Parameters<NodeFSClass['init']>[1]) {
			const result = await super.init(pg, opts);
			result.emscriptenOpts.preRun!.push((mod: unknown) => {
				const NODEFS = (mod as { NODEFS: NodeFsInternals }).NODEFS;
				NODEFS.stream_ops.fsync = (stream) =>
					NODEFS.tryFSOperation(() => {
						// Directories (fsync after a rename) come without a descriptor of their own.
						if (stream.nfd !== undefined) fs.fsyncSync(stream.nfd);
						else {
							const fd = fs.openSync(NODEFS.realPath(stream.node), 'r');
							try {
								fs.fsyncSync(fd);
							} finally {
								fs.closeSync(fd);
							}
						}
						return 0;
					});
			});
			return result;
		}
	}
	const fresh = !fs.existsSync(`${dataDir}/PG_VERSION`);
	const db = await lib.PGlite.create({
		fs: new SyncingNodeFS(dataDir),
		startParams: [
			...lib.PGlite.defaultStartParams.filter((p) => p !== '-F'),
			'-c',
			'wal_sync_method=fsync'
		]
	});
	// A new data dir is written by PGlite itself (initdb, outside PostgreSQL's flushes): flush it
	// all once, so the first acknowledged write does not rest on files still in the cache.
	if (fresh) {
		const flush = (path: string) => {
			const fd = fs.openSync(path, 'r');
			try {
				fs.fsyncSync(fd);
			} finally {
				fs.closeSync(fd);
			}
		};
		const walk = (dir: string) => {
			for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
				if (entry.isDirectory()) walk(`${dir}/${entry.name}`);
				else flush(`${dir}/${entry.name}`);
			}
			flush(dir);
		};
		walk(dataDir);
	}
	return db;
}

interface NodeFsInternals {
	stream_ops: { fsync?: (stream: { nfd?: number; node: unknown }) => number };
	tryFSOperation<T>(f: () => T): T;
	realPath(node: unknown): string;
}
