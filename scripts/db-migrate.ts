// npm run db:migrate — applies supabase/compat (where needed) and pending migrations to the
// configured database: DATABASE_URL if set, else the embedded PGlite database in DATA_DIR.
import { migrate } from '../src/lib/server/db/migrate';
import { pgliteDriver } from '../src/lib/server/db/pglite';
import { postgresDriver } from '../src/lib/server/db/postgres';
import { parseEnv } from '../src/lib/server/env';
import { readSqlFiles } from './sql-files';

const env = parseEnv(process.env);
if (env.PUBLIC_SUPABASE_URL) {
	console.error('Supabase mode: apply migrations with the Supabase CLI (supabase db push).');
	process.exit(2);
}
const driver = env.DATABASE_URL
	? postgresDriver(env.DATABASE_URL)
	: await pgliteDriver(env.DATA_DIR, { fsync: env.PGLITE_FSYNC });
const { compat, migrations } = readSqlFiles(process.cwd());
const applied = await migrate(driver, compat, migrations);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
if (process.argv.includes('--seed')) {
	const { readFileSync } = await import('node:fs');
	await driver.exec(readFileSync('supabase/seed.sql', 'utf8'));
	console.log('Loaded supabase/seed.sql.');
}
await driver.close();
