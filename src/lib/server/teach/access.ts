// Who may use the instructor pages (/teach/…): in `npm run dev`, anyone (an author at their own
// machine); in production, signed-in instructors only, as the database says (is_instructor()).
// Everyone else gets the same 404 as a page that does not exist, so the pages' existence is not
// revealed.
import { error } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { call } from '$lib/server/rpc';
import type { UserDb } from '$lib/server/db/types';

/** Whether the signed-in user holds the instructor role. Supabase returns a scalar bare. */
export async function isInstructor(db: UserDb | null): Promise<boolean> {
	if (!db) return false;
	const [row] = (await call(db, 'is_instructor')) as unknown[];
	return row === true || (row as { is_instructor?: unknown } | undefined)?.is_instructor === true;
}

/** Throws SvelteKit's own 404 unless the request may see instructor pages. */
export async function instructorOnly(locals: App.Locals, isDev = dev): Promise<void> {
	if (isDev) return;
	if (!(await isInstructor(locals.db))) error(404, 'Not Found');
}
