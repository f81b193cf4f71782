// Progress, enrollments and profile: thin services over the SQL functions, as the signed-in user.
import type { Statuses } from '$lib/progress';
import type { UserDb } from './db/types';
import { call, type RpcRow } from './rpc';

export type ProgressRow = RpcRow<'my_progress'>;

export const myProgress = (db: UserDb) => call(db, 'my_progress');
export const startModule = (db: UserDb, moduleId: string) =>
	call(db, 'start_module', { module_id: moduleId });
export const markRead = (db: UserDb, moduleId: string) =>
	call(db, 'mark_read', { module_id: moduleId });
export const myEnrollments = (db: UserDb) => call(db, 'my_enrollments');
export const enroll = (db: UserDb, roadmapId: string) =>
	call(db, 'enroll', { roadmap_id: roadmapId });
export const leaveRoadmap = (db: UserDb, roadmapId: string) =>
	call(db, 'leave_roadmap', { roadmap_id: roadmapId });
export const myProfile = async (db: UserDb) => (await call(db, 'my_profile'))[0] ?? null;
export const setDisplayName = (db: UserDb, name: string) =>
	call(db, 'set_display_name', { display_name: name });
export const deleteMyAccount = (db: UserDb) => call(db, 'delete_my_account');

/**
 * Module id → status, for pages to mark modules done, read or in progress. Only a passed quiz makes
 * a module `completed`; `read` is what the learner recorded themselves.
 */
export function statusMap(rows: ProgressRow[]): Statuses {
	return Object.fromEntries(
		rows.map((r) => [r.module_id, r.status === 'started' && r.read_at ? 'read' : r.status])
	);
}

/** The signed-in learner's progress and followed roadmaps, fetched together. */
export async function learnerState(db: UserDb) {
	const [progress, enrollments] = await Promise.all([myProgress(db), myEnrollments(db)]);
	return { progress, enrollments, statuses: statusMap(progress) };
}
