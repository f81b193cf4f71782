// npm run db:types — writes src/lib/server/db/database.types.ts from supabase/compat and
// supabase/migrations, applied to a fresh in-memory PGlite database (nothing to start, nothing
// left behind). `npm run db:types -- --check` writes nothing and exits 1 when the file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { migrate } from '../src/lib/server/db/migrate';
import { pgliteDriver } from '../src/lib/server/db/pglite';
import { databaseTypes, TYPES_FILE } from './database-types';
import { readSqlFiles } from './sql-files';

const root = process.cwd();
const driver = await pgliteDriver(null, { fsync: false });
try {
	const { compat, migrations } = readSqlFiles(root);
	await migrate(driver, compat, migrations);
	const text = await databaseTypes(driver, root);
	let current: string | null = null;
	try {
		current = readFileSync(TYPES_FILE, 'utf8');
	} catch {
		// No file yet: written below.
	}
	if (process.argv.includes('--check')) {
		if (current !== text) {
			console.error(
				`${TYPES_FILE} is out of date with supabase/migrations: run \`npm run db:types\`.`
			);
			process.exitCode = 1;
		} else console.log(`${TYPES_FILE} is up to date.`);
	} else if (current === text) console.log(`${TYPES_FILE} is up to date.`);
	else {
		writeFileSync(TYPES_FILE, text);
		console.log(`Wrote ${TYPES_FILE} (${migrations.length} migrations).`);
	}
} finally {
	await driver.close();
}
