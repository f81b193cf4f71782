// Cohorts: thin services over the cohort functions (supabase/migrations/20261203030000_cohorts.sql),
// which check in SQL that the caller is the cohort's instructor and the learner a current member.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { catalog, roadmapModules } from '$lib/server/content';
import type { UserDb } from '$lib/server/db/types';
import { localHref } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { call } from '$lib/server/rpc';
import { isInstructor } from '$lib/server/teach/access';
import { cohortProgress } from '$lib/teach/cohorts';
import { userText } from '$lib/user-text';

/** A join code as create_cohort() makes it: 64 hex characters (two random UUIDs, 244 bits). */
export const codeSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const cohortIdSchema = z.uuid();

const ids = (value: unknown): string[] =>
	(typeof value === 'string' ? JSON.parse(value) : value) as string[];

/** The form that creates a cohort; a function, so that its messages are in the request's language. */
export const createSchema = () =>
	z.object({
		name: userText({ error: m.teach_cohorts_error_name() })
			.trim()
			.min(1, m.teach_cohorts_error_name())
			.max(80, m.teach_cohorts_error_name_long()),
		roadmaps: z
			.array(z.string())
			.min(1, m.teach_cohorts_error_roadmaps_min())
			.max(10, m.teach_cohorts_error_roadmaps_max())
			.refine(
				(r) => r.every((id) => catalog.roadmaps.has(id)),
				m.teach_cohorts_error_roadmaps_list()
			)
	});

/** The modules of the roadmaps, each once, in roadmap order. */
export const modulesOf = (roadmaps: string[]) => [...new Set(roadmaps.flatMap(roadmapModules))];

/** The join link, in the page's language: learners follow it in the language it was sent in. */
export const joinLink = (origin: string, code: string) =>
	`${origin}${localHref(`/cohorts/join/${code}`)}`;

export async function createCohort(db: UserDb, name: string, roadmaps: string[]) {
	const [row] = await call(db, 'create_cohort', {
		name,
		roadmap_ids: roadmaps,
		module_ids: modulesOf(roadmaps)
	});
	return row!;
}

export const teachCohorts = async (db: UserDb) =>
	(await call(db, 'teach_cohorts')).map((c) => ({
		id: c.id,
		name: c.name,
		roadmaps: ids(c.roadmap_ids),
		members: Number(c.members)
	}));

/** The cohort of the signed-in instructor, or the 404 of a page that does not exist. */
export async function ownCohort(db: UserDb, id: string) {
	if (!cohortIdSchema.safeParse(id).success) error(404, 'Not Found');
	const cohort = (await call(db, 'teach_cohorts')).find((c) => c.id === id);
	if (!cohort) error(404, 'Not Found');
	return {
		id: cohort.id,
		name: cohort.name,
		roadmaps: ids(cohort.roadmap_ids),
		modules: ids(cohort.module_ids)
	};
}

export const moduleTitle = (id: string) => catalog.modules.get(id)?.title ?? id;
export const roadmapTitle = (id: string) => catalog.roadmaps.get(id)?.title ?? id;

/** The dashboard's figures: one line per current member, a cell per module of the cohort. */
export async function dashboard(db: UserDb, id: string, now = new Date()) {
	const cohort = await ownCohort(db, id);
	const [members, rows] = await Promise.all([
		call(db, 'cohort_members_of', { cohort_id: id }),
		call(db, 'cohort_progress', { cohort_id: id })
	]);
	return {
		cohort,
		members: cohortProgress(cohort.modules, members, rows, now)
	};
}

export const rotateCode = async (db: UserDb, id: string) =>
	(await call(db, 'rotate_cohort_code', { cohort_id: id }))[0]!.code;

export const removeMember = (db: UserDb, cohortId: string, memberId: string) =>
	call(db, 'remove_cohort_member', { cohort_id: cohortId, member_id: memberId });

export async function preview(db: UserDb, code: string) {
	const [row] = await call(db, 'cohort_preview', { code });
	if (!row) return null;
	return {
		id: row.cohort_id,
		name: row.name,
		instructor: row.instructor_name,
		roadmaps: ids(row.roadmap_ids),
		modules: ids(row.module_ids),
		isMember: row.is_member,
		isInstructor: row.is_instructor
	};
}

export const joinCohort = (db: UserDb, code: string, shareEmail: boolean) =>
	call(db, 'join_cohort', { code, share_email: shareEmail });

export const leaveCohort = (db: UserDb, id: string) => call(db, 'leave_cohort', { cohort_id: id });

export const myCohorts = async (db: UserDb) =>
	(await call(db, 'my_cohorts')).map((c) => ({
		id: c.cohort_id,
		name: c.name,
		instructor: c.instructor_name,
		roadmaps: ids(c.roadmap_ids).map(roadmapTitle),
		shareEmail: c.share_email
	}));

/**
 * The database of a signed-in instructor, or the 404 of a page that does not exist: cohort pages
 * show people's progress, so unlike the quiz preview they are for instructors in `npm run dev` too.
 */
export async function instructorDb(locals: App.Locals): Promise<UserDb> {
	if (!locals.db || !(await isInstructor(locals.db))) error(404, 'Not Found');
	return locals.db;
}
