import { redirect } from '@sveltejs/kit';
import { localHref } from '$lib/i18n';

/**
 * Where to go after signing in: `target` read as a URL of this app (`origin`), or `/` when it is
 * anything else. What comes back is the URL parser's serialisation (percent-encoded ASCII), so it
 * can always be sent as a Location header.
 */
export function safeRedirect(target: string | null | undefined, origin: string): string {
	if (!target) return localHref('/');
	let url: URL;
	try {
		url = new URL(target, origin);
		if (url.origin !== new URL(origin).origin) return localHref('/');
	} catch {
		return localHref('/');
	}
	// `/..//evil.example` is a path here, but its pathname `//evil.example` would name another host.
	if (url.pathname.startsWith('//')) return localHref('/');
	return url.pathname + url.search + url.hash;
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInTo(path: string): string {
	return localHref(`/login?${new URLSearchParams({ redirectTo: path })}`);
}

/**
 * The signed-in user and their database, or a 303 to sign in that comes back afterwards to `back`:
 * a path, or the URL of the request (its page, without a form action's `?/name`). The guard in
 * hooks.server.ts covers whole private sections with it; loads and actions use it too, which
 * gives TypeScript a user that is not null.
 */
export function signedIn(
	locals: Pick<App.Locals, 'user' | 'db'>,
	back: URL | string
): { user: NonNullable<App.Locals['user']>; db: NonNullable<App.Locals['db']> } {
	if (!locals.user || !locals.db)
		redirect(303, signInTo(typeof back === 'string' ? back : pageOf(back)));
	return { user: locals.user, db: locals.db };
}

/** The path and query of the page at `url`, leaving out a form action (`?/enroll`). */
export function pageOf(url: URL): string {
	const query = new URLSearchParams(
		[...url.searchParams].filter(([key]) => !key.startsWith('/'))
	).toString();
	return url.pathname + (query ? `?${query}` : '');
}
