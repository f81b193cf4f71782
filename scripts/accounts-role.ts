// npm run accounts:role -- <email> instructor|learner — gives an account the instructor role, or
// takes it back, in the configured database: DATABASE_URL if set, else the embedded PGlite
// database in DATA_DIR (stop the app first: only one process may open it).
import { LocalDb } from '../src/lib/server/db/local';
import { migrate } from '../src/lib/server/db/migrate';
import { pgliteDriver } from '../src/lib/server/db/pglite';
import { postgresDriver } from '../src/lib/server/db/postgres';
import { parseEnv } from '../src/lib/server/env';
import { readSqlFiles } from './sql-files';

const USAGE = 'Usage: npm run accounts:role -- <email> instructor|learner';
const [email, role, ...rest] = process.argv.slice(2);
if (!email || !role || rest.length || !['instructor', 'learner'].includes(role)) {
	console.error(USAGE);
	process.exit(2);
}
const env = parseEnv(process.env);
if (env.PUBLIC_SUPABASE_URL) {
	console.error(
		`Supabase mode: run this in the SQL editor of your project (docs/authoring.md):\n` +
			`  select * from public.set_user_role('${email.replace(/'/g, "''")}', '${role}');`
	);
	process.exit(2);
}
const driver = env.DATABASE_URL
	? postgresDriver(env.DATABASE_URL)
	: await pgliteDriver(env.DATA_DIR, { fsync: env.PGLITE_FSYNC });
let code = 0;
try {
	const { compat, migrations } = readSqlFiles(process.cwd());
	await migrate(driver, compat, migrations);
	const [row] = await new LocalDb(driver).serviceRpc<{ email: string; role: string }>(
		'set_user_role',
		{ user_email: email, new_role: role }
	);
	console.log(
		`${row!.email} is now ${row!.role === 'instructor' ? 'an instructor' : 'a learner'}.`
	);
} catch (e) {
	console.error(`accounts:role: ${(e as Error).message}`);
	code = 1;
} finally {
	await driver.close();
}
process.exit(code);
