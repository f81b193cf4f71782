// database.types.ts is what the migrations make: generated again here from a freshly migrated
// database (on PGlite, and on PostgreSQL when DATABASE_URL is set: the types do not depend on the
// engine), it must equal the committed file byte for byte.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationFiles } from '../../src/lib/server/db/sql-files';
import { databaseTypes, TYPES_FILE } from '../../scripts/database-types';
import { openTestDb, type TestDb } from './harness';

const root = join(import.meta.dirname, '..', '..');
const committed = readFileSync(join(root, TYPES_FILE), 'utf8');
const STALE = `${TYPES_FILE} is out of date with supabase/migrations: run \`npm run db:types\``;

const engines = ['pglite', ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])] as const;

describe.each(engines)('database.types.ts on %s', (engine) => {
	let t: TestDb;
	beforeAll(async () => {
		t = await openTestDb(engine);
	});
	afterAll(() => t.dispose());

	it('is what the migrations generate', async () => {
		const generated = await databaseTypes(t.db.driver, root);
		expect(generated, STALE).toBe(committed);
	});
});

describe('database.types.ts against a schema that changed', () => {
	let t: TestDb;
	beforeAll(async () => {
		// One migration more than the committed file knows of: a table and a function.
		t = await openTestDb('pglite', [
			...migrationFiles,
			{
				path: 'supabase/migrations/29991231235959_changed.sql',
				text: `create table public.notes (id bigint primary key, body text, written_at timestamptz not null default now());
				alter table public.notes enable row level security;
				create function public.my_notes(since timestamptz default null)
				returns table (id bigint, written_at timestamptz) language sql as 'select id, written_at from public.notes';`
			}
		]);
	});
	afterAll(() => t.dispose());

	it('differs from the committed file, with the new table, function and columns typed', async () => {
		const generated = await databaseTypes(t.db.driver, root);
		expect(generated).not.toBe(committed);
		const compact = generated.replace(/\s+/g, ' ').replace(/; }/g, ' }');
		expect(compact).toContain(
			'notes: { Row: { body: string | null; id: number; written_at: string }'
		);
		expect(compact).toContain(
			'my_notes: { Args: { since?: string }; Returns: { id: number; written_at: string }[]'
		);
		expect(compact).toContain('my_notes: { id: string; written_at: Date }');
	});
});
