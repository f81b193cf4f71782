// Every SQL function the app calls, with the argument names it passes. One place, so the
// contract tests can check each against the migrations (name, arguments, who may execute it).
import type { UserDb } from './db/types';

export const RPC = {
	my_profile: [],
	set_display_name: ['display_name'],
	delete_my_account: [],
	my_enrollments: [],
	enroll: ['roadmap_id'],
	leave_roadmap: ['roadmap_id'],
	my_progress: [],
	start_module: ['module_id'],
	mark_read: ['module_id'],
	my_attempts: ['module_id'],
	my_attempt_results: [],
	my_review_cards: ['module_id'],
	my_due_reviews: ['max_cards'],
	my_review_count: [],
	my_quiz_state: ['module_id'],
	my_evidence: ['only_roadmap'],
	save_evidence: ['roadmap_id', 'item_id', 'url', 'note', 'credential_id', 'achieved_on'],
	delete_evidence: ['roadmap_id', 'item_id'],
	my_best_scores: [],
	my_shares: [],
	share_portfolio: ['roadmap_id', 'module_ids'],
	revoke_share: ['roadmap_id'],
	is_instructor: [],
	module_first_attempts: ['target_module']
} as const satisfies Record<string, readonly string[]>;

/** Functions anyone may call, signed in or not (`anon` and `authenticated`). */
export const PUBLIC_RPC = {
	public_portfolio: ['slug']
} as const satisfies Record<string, readonly string[]>;

/** Functions only the server may call, as service_role (never with a learner's token). */
export const SERVICE_RPC = {
	open_attempt: ['user_id', 'module_id', 'max_attempts'],
	check_answer: ['user_id', 'module_id', 'attempt_id', 'question_id', 'answer'],
	submit_attempt: [
		'user_id',
		'module_id',
		'attempt_id',
		'quiz_version',
		'answers',
		'results',
		'score',
		'max_score',
		'passed',
		'max_attempts',
		'cards'
	],
	review_answer: ['user_id', 'module_id', 'question_id', 'card', 'due'],
	set_user_role: ['user_email', 'new_role']
} as const satisfies Record<string, readonly string[]>;

export type RpcName = keyof typeof RPC;
type Args<N extends RpcName> = { [K in (typeof RPC)[N][number]]: unknown };

/** Calls a registered SQL function as the signed-in user. */
export function call<T, N extends RpcName>(db: UserDb, name: N, args: Args<N>): Promise<T[]> {
	return db.rpc<T>(name, args as Record<string, unknown>);
}

export type PublicRpcName = keyof typeof PUBLIC_RPC;
/** Calls a public SQL function, as whoever is asking (a visitor is `anon`). */
export function callPublic<T, N extends PublicRpcName>(
	db: UserDb,
	name: N,
	args: { [K in (typeof PUBLIC_RPC)[N][number]]: unknown }
): Promise<T[]> {
	return db.rpc<T>(name, args as Record<string, unknown>);
}

export type ServiceRpcName = keyof typeof SERVICE_RPC;
/** Calls a service-only SQL function (as service_role); see hooks.server.ts for each mode. */
export type ServiceRpc = <N extends ServiceRpcName>(
	name: N,
	args: { [K in (typeof SERVICE_RPC)[N][number]]: unknown }
) => Promise<Record<string, unknown>[]>;
