import { error } from '@sveltejs/kit';
import { catalog } from '$lib/server/content';
import { call } from '$lib/server/rpc';
import { gradeAttempt, showQuiz } from '$lib/server/quiz';
import {
	checkAnswer,
	openAttempt,
	quizState,
	submitAttempt,
	type Learner
} from '$lib/server/quiz/attempts';
import { guestCheck, guestSubmit, openGuest } from '$lib/server/quiz/guest';
import { revisit, roadmapContext, roadmapFor } from '$lib/server/quiz/outcome';
import { myEnrollments } from '$lib/server/progress';
import { m } from '$lib/paraglide/messages';

function lookup(id: string) {
	const module = catalog.modules.get(id);
	const quiz = catalog.quizzes.get(id);
	if (!module || !quiz) error(404, m.quiz_not_found({ id }));
	return { module, quiz };
}

/** The attempts the page shows: the latest ones, newest first. */
const RECENT_ATTEMPTS = 10;

/** The learner's latest attempts at the quiz, and how many they have made there in all. */
async function history(db: NonNullable<App.Locals['db']>, moduleId: string) {
	const rows = await call(db, 'my_attempts', { module_id: moduleId, recent: RECENT_ATTEMPTS });
	return {
		total: rows[0]?.total ?? 0,
		recent: rows.map((r) => ({
			id: r.id,
			score: Number(r.score),
			max: Number(r.max_score),
			passed: r.passed,
			date: new Date(r.submitted_at).toISOString()
		}))
	};
}

/** The roadmap the quiz is taken in (`?roadmap=`, else one the learner follows), for what comes next. */
async function roadmapOf(locals: App.Locals, moduleId: string, wanted: unknown) {
	// The one asked for, when it holds this module, needs no look at what the learner follows (the
	// quiz form sends the page's own roadmap back with each submission).
	const followed =
		locals.db && roadmapFor(moduleId, wanted, []) !== wanted
			? (await myEnrollments(locals.db)).map((e) => e.roadmap_id)
			: [];
	const id = roadmapFor(moduleId, wanted, followed);
	return id ? { id, title: catalog.roadmaps.get(id)!.title } : null;
}

export async function load({ params, locals, url }) {
	const { module, quiz } = lookup(params.id);
	const base = {
		module: { id: module.id, title: module.title, summary: module.summary },
		roadmap: await roadmapOf(locals, module.id, url.searchParams.get('roadmap')),
		settings: {
			pass: quiz.pass,
			attempts: quiz.attempts ?? null,
			count: quiz.draw ?? quiz.questions.length,
			immediate: quiz.feedback === 'immediate'
		}
	};
	// A signed-out visitor takes the quiz as a guest: a fresh draw, graded alike, stored nowhere.
	if (!locals.user || !locals.db)
		return {
			...base,
			signedIn: false as const,
			history: { total: 0, recent: [] },
			left: null,
			...guestQuiz(module.id, quiz)
		};
	// Opening the page opens the learner's one attempt at this quiz, or resumes it (same questions,
	// same order, checked answers still locked).
	const [attempts, open] = await Promise.all([
		history(locals.db, module.id),
		openAttempt(locals.serviceRpc, locals.user.id, module.id, quiz)
	]);
	const left = quiz.attempts === undefined ? null : Math.max(0, quiz.attempts - open.submitted);
	// A retry asks the questions the learner has not been asked yet first.
	const questions = open.attemptId ? showQuiz(quiz, open.attemptId, open.seen) : [];
	const checkedIds = new Set(Object.keys(open.checks));
	// Checked answers are graded: their feedback was shown when they were checked.
	const checked = gradeAttempt(
		quiz,
		questions.filter((q) => checkedIds.has(q.id)),
		open.checks
	).results;
	return {
		...base,
		signedIn: true as const,
		history: attempts,
		left,
		attemptId: open.attemptId,
		guestToken: null,
		questions,
		checked: Object.fromEntries(checked.map((r) => [r.id, r]))
	};
}

function guestQuiz(moduleId: string, quiz: Parameters<typeof openGuest>[1]) {
	const { token, questions, checked } = openGuest(moduleId, quiz);
	return { attemptId: null, guestToken: token, questions, checked };
}

function learner(locals: App.Locals): Learner | null {
	return locals.user && locals.db
		? { userId: locals.user.id, db: locals.db, serviceRpc: locals.serviceRpc }
		: null;
}

export const actions = {
	check: async ({ params, locals, request }) => {
		const { module, quiz } = lookup(params.id);
		const who = learner(locals);
		if (!who) return guestCheck(module.id, quiz, await request.formData());
		return checkAnswer(who, module.id, quiz, await request.formData());
	},

	submit: async ({ params, locals, request }) => {
		const { module, quiz } = lookup(params.id);
		const who = learner(locals);
		const form = await request.formData();
		if (!who) {
			const graded = await guestSubmit(module.id, quiz, form);
			if (!('result' in graded)) return graded;
			// Nothing to count toward and no attempts used: a guest's result is kept nowhere.
			const after = {
				roadmap: null,
				revisit: revisit(module.id, graded.result.results),
				left: null
			};
			return { ...graded, after, saved: false };
		}
		const submitted = await submitAttempt(who, module.id, quiz, form);
		if (!('result' in submitted)) return submitted;
		const roadmap = await roadmapOf(locals, module.id, form.get('roadmap'));
		// Attempts left only means something under a limit: no extra database call without one.
		const left =
			quiz.attempts === undefined
				? null
				: Math.max(0, quiz.attempts - (await quizState(who.db, module.id)).attempts);
		return {
			...submitted,
			saved: true,
			after: {
				roadmap: roadmapContext(module.id, roadmap?.id ?? null),
				revisit: revisit(module.id, submitted.result.results),
				left
			}
		};
	}
};
