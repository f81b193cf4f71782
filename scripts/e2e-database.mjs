// Creates an empty database for the e2e run on PostgreSQL (dropping one left by an earlier run).
// Usage: node scripts/e2e-database.mjs <admin postgres:// URL> <database name>
import pg from 'pg';

const [admin, name] = process.argv.slice(2);
if (!admin || !/^[a-z_][a-z0-9_]*$/.test(name ?? '')) {
	console.error('usage: node scripts/e2e-database.mjs <admin postgres:// URL> <database name>');
	process.exit(2);
}
const client = new pg.Client({ connectionString: admin });
await client.connect();
await client.query(`drop database if exists ${name} with (force)`);
await client.query(`create database ${name}`);
await client.end();
