// The app's own origin, and cross-site form posts refused against it. Without ORIGIN, adapter-node
// cannot know the scheme it is reached by and assumes https://, so every form post to
// http://localhost failed SvelteKit's CSRF check (turned off in svelte.config.js so this one runs
// instead) and the README's `npm start` could not create an account; links it made (share links,
// credentials) said https:// too.
// - Without ORIGIN the server is reached directly, over plain http (adapter-node serves no TLS):
//   the app's origin is http://<Host>, and a post is same-origin when its Origin names that host,
//   over http or https — a page on another site never does.
// - With ORIGIN (behind a proxy, as the README says), that is the origin, and a post's Origin must
//   equal it exactly.
import { json, text, type Handle } from '@sveltejs/kit';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// What an HTML form can send (kit's list); a JSON body needs a preflight another site cannot pass.
const FORM_TYPES = [
	'application/x-www-form-urlencoded',
	'multipart/form-data',
	'text/plain',
	'application/x-sveltekit-formdata'
];

function isFormContentType(request: Request): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
	return FORM_TYPES.includes(type);
}

/** Whether a request's Origin header is the app's own. */
export function sameOrigin(origin: string | null, url: URL, configured: string | undefined) {
	if (!origin) return false;
	if (origin === url.origin) return true;
	if (configured) return false;
	try {
		const from = new URL(origin);
		return (from.protocol === 'http:' || from.protocol === 'https:') && from.host === url.host;
	} catch {
		return false;
	}
}

/** The app's public origin: ORIGIN when set, else the host the request was sent to, over http. */
export function appOrigin(url: URL, configured: string | undefined): string {
	return configured ? new URL(configured).origin : `http://${url.host}`;
}

/** Sets `locals.origin` and refuses cross-site form posts. */
export function origin(configuredOrigin: string | undefined): Handle {
	return async ({ event, resolve }) => {
		const { request, url } = event;
		event.locals.origin = appOrigin(url, configuredOrigin);
		if (
			UNSAFE.has(request.method) &&
			isFormContentType(request) &&
			!sameOrigin(request.headers.get('origin'), url, configuredOrigin)
		) {
			const message = `Cross-site ${request.method} form submissions are forbidden`;
			return request.headers.get('accept') === 'application/json'
				? json({ message }, { status: 403 })
				: text(message, { status: 403 });
		}
		return resolve(event);
	};
}
