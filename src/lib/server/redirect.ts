/**
 * Where to go after signing in: `target` read as a URL of this app (`origin`), or `/` when it is
 * anything else. What comes back is the URL parser's serialisation (percent-encoded ASCII), so it
 * can always be sent as a Location header.
 */
export function safeRedirect(target: string | null | undefined, origin: string): string {
	if (!target) return '/';
	let url: URL;
	try {
		url = new URL(target, origin);
		if (url.origin !== new URL(origin).origin) return '/';
	} catch {
		return '/';
	}
	// `/..//evil.example` is a path here, but its pathname `//evil.example` would name another host.
	if (url.pathname.startsWith('//')) return '/';
	return url.pathname + url.search + url.hash;
}

/** The sign-in page, coming back to `path` afterwards. */
export function signInTo(path: string): string {
	return `/login?${new URLSearchParams({ redirectTo: path })}`;
}
