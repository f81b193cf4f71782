// The quiz flow as the server drives it, as service_role (supabase/migrations/*_server_attempts.sql):
// open (or resume) the learner's attempt, check answers of it, submit it. Shared by the db tests.
import type { LocalDb } from '../../src/lib/server/db/local';

export interface Opened {
	attempt_id: string | null;
	started_at: Date | string | null;
	attempts: number;
	checks: Record<string, unknown>;
	/** Question ids with a review card at the module: the questions earlier attempts asked. */
	seen: string[];
}

export interface StoredAttempt {
	id: string;
	module_id: string;
	attempt_id: string;
	answers: Record<string, unknown>;
	score: string | number;
	passed: boolean;
}

export const single = (option: string | null) => ({ type: 'single', option });

export async function openAttempt(
	db: LocalDb,
	userId: string,
	moduleId: string,
	maxAttempts: number | null = null
): Promise<Opened> {
	const [row] = await db.serviceRpc<Opened>('open_attempt', {
		user_id: userId,
		module_id: moduleId,
		max_attempts: maxAttempts
	});
	return row!;
}

/** The open attempt's id: fails the test when none could be opened. */
export async function openAttemptId(
	db: LocalDb,
	userId: string,
	moduleId: string,
	maxAttempts: number | null = null
): Promise<string> {
	const { attempt_id } = await openAttempt(db, userId, moduleId, maxAttempts);
	if (!attempt_id) throw new Error(`no attempt could be opened at ${moduleId}`);
	return attempt_id;
}

/** Checks (and locks) one answer; returns the answer locked. */
export async function checkAnswer(
	db: LocalDb,
	userId: string,
	moduleId: string,
	attemptId: string,
	questionId: string,
	answer: unknown
): Promise<unknown> {
	const [row] = await db.serviceRpc<{ locked_answer: unknown }>('check_answer', {
		user_id: userId,
		module_id: moduleId,
		attempt_id: attemptId,
		question_id: questionId,
		answer
	});
	return row?.locked_answer;
}

export interface Submission {
	attemptId: string;
	answers?: Record<string, unknown>;
	passed?: boolean;
	score?: number;
	maxScore?: number;
	maxAttempts?: number | null;
	cards?: { module_id: string; question_id: string; card: unknown; due: string }[];
}

/** Submits a graded attempt as the quiz route does (score and pass decided by the caller). */
export function submitAttempt(
	db: LocalDb,
	userId: string,
	moduleId: string,
	s: Submission
): Promise<StoredAttempt[]> {
	const passed = s.passed ?? false;
	const maxScore = s.maxScore ?? 10;
	const answers = s.answers ?? { q1: single('o0') };
	return db.serviceRpc<StoredAttempt>('submit_attempt', {
		user_id: userId,
		module_id: moduleId,
		attempt_id: s.attemptId,
		quiz_version: 'v1',
		answers,
		results: Object.fromEntries(
			Object.keys(answers).map((q) => [q, { score: passed ? 1 : 0, max: 1 }])
		),
		score: s.score ?? (passed ? maxScore : 0),
		max_score: maxScore,
		passed,
		max_attempts: s.maxAttempts ?? null,
		cards: s.cards ?? []
	});
}

/** How many rows of each quiz table one learner has: a refused call must leave them unchanged. */
export async function quizRows(db: LocalDb, userId: string) {
	const [row] = await db.asService((sql) =>
		sql.query<{
			attempts: number;
			open: number;
			checks: number;
			cards: number;
			completed: number;
		}>(
			`select (select count(*)::integer from public.quiz_attempts where user_id = $1) as attempts,
			        (select count(*)::integer from public.quiz_open_attempts where user_id = $1) as open,
			        (select count(*)::integer from public.quiz_checks where user_id = $1) as checks,
			        (select count(*)::integer from public.review_cards where user_id = $1) as cards,
			        (select count(*)::integer from public.module_progress where user_id = $1 and status = 'completed') as completed`,
			[userId]
		)
	);
	return row!;
}

/** A random id of the shape attempt ids have (32 hex digits), never opened. */
export const forgedAttemptId = () =>
	Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');

/**
 * Makes `n` calls at once. On PostgreSQL the pool's connections are opened first, so that the calls
 * really overlap instead of waiting for a connection one after another.
 */
export async function inParallel<T>(
	db: LocalDb,
	n: number,
	call: (i: number) => Promise<T>
): Promise<T[]> {
	if (db.kind === 'postgres')
		await Promise.all(
			Array.from({ length: n }, () =>
				db.driver.transaction((sql) => sql.query('select pg_sleep(0.05)'))
			)
		);
	return Promise.all(Array.from({ length: n }, (_, i) => call(i)));
}
