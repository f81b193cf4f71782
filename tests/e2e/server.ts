// The built app (`node build`) as a child process that a test owns: its own port, its own database,
// stopped gently (SIGTERM) or killed (SIGKILL). For tests that restart or kill the server, or count
// rows in its database, which the shared server of playwright.config.ts does not allow.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface Server {
	url: string;
	/** Whether the process is still running. */
	alive(): boolean;
	/** The last lines it printed, for failure messages. */
	output(): string;
	/** Ends the process and resolves once it has exited. */
	stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

/** Starts `node build` on 127.0.0.1:`port` and resolves once `/` answers 200. */
export async function startServer(options: {
	port: number;
	env: Record<string, string>;
	timeoutMs?: number;
}): Promise<Server> {
	if (!existsSync('build/index.js')) throw new Error('No build found: run `npm run build` first.');
	const url = `http://127.0.0.1:${options.port}`;
	const child: ChildProcess = spawn('node', ['build'], {
		env: {
			...process.env,
			PORT: String(options.port),
			HOST: '127.0.0.1',
			ORIGIN: url,
			DATABASE_URL: '',
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let log = '';
	const keep = (chunk: Buffer) => {
		log = (log + chunk.toString()).slice(-200_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	let exited = false;
	const exit = new Promise<void>((resolve) =>
		child.once('exit', () => {
			exited = true;
			resolve();
		})
	);
	const server: Server = {
		url,
		alive: () => !exited,
		output: () => log,
		stop: async (signal = 'SIGTERM') => {
			if (exited) return;
			child.kill(signal);
			// A server that does not stop within a minute is killed: a test never hangs on it.
			const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
			await exit;
			clearTimeout(timer);
		}
	};
	const deadline = Date.now() + (options.timeoutMs ?? 180_000);
	while (Date.now() < deadline) {
		if (exited) throw new Error(`The server on ${url} exited while starting:\n${log}`);
		try {
			const res = await fetch(url + '/', { signal: AbortSignal.timeout(10_000) });
			if (res.ok) return server;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	await server.stop('SIGKILL');
	throw new Error(`The server on ${url} did not answer within the time allowed:\n${log}`);
}

/** A new, empty PostgreSQL database on the server of `adminUrl`; `drop()` removes it. */
export async function createDatabase(adminUrl: string, prefix: string) {
	const name = `${prefix}_${randomBytes(4).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		name,
		url: url.toString(),
		drop: async () => {
			const c = new pg.Client({ connectionString: adminUrl });
			await c.connect();
			await c.query(`drop database if exists ${name} with (force)`);
			await c.end();
		}
	};
}

type Query = <T>(text: string) => Promise<T[]>;

/**
 * Runs `fn` against the server's database directly: PostgreSQL through its URL, PGlite by opening
 * its data dir (only one process may have it open: stop the server first).
 */
export async function withDatabase<T>(
	target: { databaseUrl: string } | { dataDir: string },
	fn: (query: Query) => Promise<T>
): Promise<T> {
	if ('databaseUrl' in target) {
		const client = new pg.Client({ connectionString: target.databaseUrl });
		await client.connect();
		try {
			return await fn(async (text) => (await client.query(text)).rows);
		} finally {
			await client.end();
		}
	}
	const db = await PGlite.create(target.dataDir);
	try {
		return await fn(async (text) => (await db.query(text)).rows as never);
	} finally {
		await db.close();
	}
}

/** Rows in every table of `public` and `auth`, by table. */
export async function rowCounts(query: Query): Promise<Record<string, number>> {
	const tables = await query<{ name: string }>(
		`select format('%I.%I', table_schema, table_name) as name from information_schema.tables
		 where table_schema in ('public', 'auth') and table_type = 'BASE TABLE' order by 1`
	);
	const counts: Record<string, number> = {};
	for (const { name } of tables) {
		const [row] = await query<{ n: number }>(`select count(*)::int as n from ${name}`);
		counts[name] = row!.n;
	}
	return counts;
}
