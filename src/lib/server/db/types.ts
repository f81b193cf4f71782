export type Row = Record<string, unknown>;

/** Runs one SQL statement with positional parameters ($1, $2, …). */
export interface Sql {
	query<T = Row>(text: string, params?: unknown[]): Promise<T[]>;
}

/** What pglite and a PostgreSQL pool have in common: transactions, scripts, closing. */
export interface Driver {
	readonly kind: 'pglite' | 'postgres';
	transaction<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
	/**
	 * Optional fast path: fixed statements in one transaction, returning the last one's rows. A driver
	 * whose every round trip is costly (the PGlite worker) sends them in one message.
	 */
	run?(steps: { text: string; params: unknown[] }[]): Promise<Row[]>;
	/** Runs a script of several statements (migrations), as the database owner. */
	exec(script: string): Promise<void>;
	close(): Promise<void>;
}

/**
 * The database as one signed-in user sees it. Every call is a SQL function called by name, in one
 * transaction, as role `authenticated` with the user's id in `request.jwt.claims` — the way
 * PostgREST runs `supabase.rpc(name, args)` — so the same RLS policies guard every driver.
 */
export interface UserDb {
	rpc<T = Row>(fn: string, args?: Record<string, unknown>): Promise<T[]>;
}

/** A database error the app can explain: the Postgres error code and its message. */
export class DbError extends Error {
	constructor(
		message: string,
		readonly code: string | undefined
	) {
		super(message);
		this.name = 'DbError';
	}
}
