import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** Runs `fn` with the URL of a new, empty database on the server at `adminUrl`; drops it after. */
export async function withFreshDatabase<T>(
	adminUrl: string,
	fn: (url: string) => Promise<T>
): Promise<T> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	const name = `jalons_bench_${randomBytes(4).toString('hex')}`;
	await admin.query(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	try {
		return await fn(url.toString());
	} finally {
		await admin.query(`drop database ${name} with (force)`);
		await admin.end();
	}
}
