// Every SQL function the app calls, in the registry of who may call it: the allow-lists the
// contract tests check against the database (tests/db/07-function-registry.test.ts). Names,
// arguments and rows come from database.types.ts, generated from the migrations (`npm run db:types`),
// so a name, an argument or a column that the schema does not have fails svelte-check.
import type { Database, Json, LocalResultColumns } from './db/database.types';
import type { UserDb } from './db/types';

type Functions = Database['public']['Functions'];
export type FunctionName = keyof Functions;

export const RPC = [
	'my_profile',
	'set_display_name',
	'delete_my_account',
	'my_enrollments',
	'enroll',
	'leave_roadmap',
	'my_progress',
	'start_module',
	'mark_read',
	'my_attempts',
	'my_attempt_results',
	'my_review_cards',
	'my_due_reviews',
	'my_review_count',
	'my_quiz_state',
	'my_evidence',
	'save_evidence',
	'delete_evidence',
	'my_best_scores',
	'my_shares',
	'share_portfolio',
	'revoke_share',
	'my_portfolio_profile',
	'save_portfolio_profile',
	'my_review_forecast',
	'my_next_review',
	'is_instructor',
	'module_first_attempts',
	'set_weekly_goal',
	'my_activity',
	'my_claims',
	'save_claims',
	'create_cohort',
	'rotate_cohort_code',
	'teach_cohorts',
	'cohort_preview',
	'join_cohort',
	'leave_cohort',
	'my_cohorts',
	'remove_cohort_member',
	'cohort_members_of',
	'cohort_progress',
	'cohort_first_attempts'
] as const satisfies readonly FunctionName[];

/** Functions anyone may call, signed in or not (`anon` and `authenticated`). */
export const PUBLIC_RPC = [
	'public_portfolio',
	'public_profile',
	'public_portfolio_claims'
] as const satisfies readonly FunctionName[];

/** Functions only the server may call, as service_role (never with a learner's token). */
export const SERVICE_RPC = [
	'open_attempt',
	'check_answer',
	'submit_attempt',
	'review_answer',
	'set_user_role'
] as const satisfies readonly FunctionName[];

/**
 * The arguments of function `N`. Any may be null (SQL passes it on; the function decides), and a
 * jsonb one takes any value JSON.stringify() accepts, as the drivers send it (Dates as ISO text).
 */
export type Args<N extends FunctionName> = {
	[K in keyof Functions[N]['Args']]: [Json] extends [Functions[N]['Args'][K]]
		? unknown
		: Functions[N]['Args'][K] | null;
};

/**
 * One row of what function `N` returns, as every driver hands it back: the generated (PostgREST
 * JSON) type of each column, or what node-postgres and PGlite parse it into (LocalResultColumns:
 * Date for a timestamp, a string for numeric). PostgreSQL records no nullability of a function's
 * result columns, so they are typed not null, as Supabase types them; the few that can be null
 * (completed_at, read_at, attempt_id, url, …) are read as such by the code.
 */
export type RpcRow<N extends FunctionName> = Functions[N]['Returns'] extends (infer R)[]
	? {
			[K in keyof R]: N extends keyof LocalResultColumns
				? K extends keyof LocalResultColumns[N]
					? R[K] | LocalResultColumns[N][K]
					: R[K]
				: R[K];
		}
	: never;

/** The arguments as a call passes them: none at all for a function that takes none. */
type ArgList<N extends FunctionName> =
	Record<string, never> extends Args<N> ? [args?: Args<N>] : [args: Args<N>];

const invoke = <N extends FunctionName>(db: UserDb, name: N, args: Args<N> | undefined) =>
	db.rpc<RpcRow<N>>(name, (args ?? {}) as Record<string, unknown>);

export type RpcName = (typeof RPC)[number];
/** Calls a registered SQL function as the signed-in user. */
export function call<N extends RpcName>(db: UserDb, name: N, ...[args]: ArgList<N>) {
	return invoke(db, name, args);
}

export type PublicRpcName = (typeof PUBLIC_RPC)[number];
/** Calls a public SQL function, as whoever is asking (a visitor is `anon`). */
export function callPublic<N extends PublicRpcName>(db: UserDb, name: N, ...[args]: ArgList<N>) {
	return invoke(db, name, args);
}

export type ServiceRpcName = (typeof SERVICE_RPC)[number];
/** Calls a service-only SQL function (as service_role); see hooks.server.ts for each mode. */
export type ServiceRpc = <N extends ServiceRpcName>(name: N, args: Args<N>) => Promise<RpcRow<N>[]>;
