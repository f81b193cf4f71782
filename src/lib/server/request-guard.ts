// Refuses a malformed request before any route or later handle sees it, with the status and message
// it deserves, instead of what SvelteKit 2.70 does with it: a 500 when `request.formData()` throws
// or when an action name is looked up on the actions object (`?/constructor` finds Object,
// `?/default` throws), and a crash of the whole process when a later handle redirects a request
// whose path cannot be decoded (the redirect escapes as an unhandled rejection; see
// huggingface/chat-ui#2579). So this handle goes first, and answers with a Response, never a throw.
import type { IncomingMessage } from 'node:http';
import { json, type Handle } from '@sveltejs/kit';
import errorPage from '../../error.html?raw';

const FORM = 'application/x-www-form-urlencoded';
const MULTIPART = 'multipart/form-data';
// JSON goes on to the route: endpoints (`+server.ts`) parse their own bodies, and SvelteKit answers
// 415 to JSON posted to a form action.
const ACCEPTED = new Set([FORM, MULTIPART, 'application/json']);
const ACTION = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

export type Refusal = { status: 400 | 413 | 415; message: string };

/** The action a POST names, as SvelteKit reads it: the first query key that starts with `/`. */
export function actionName(url: URL): string | null {
	for (const [key] of url.searchParams) if (key.startsWith('/')) return key.slice(1);
	return null;
}

/** Why the action name cannot be a form action, or null. Unknown names go on, to SvelteKit's 404. */
export function actionProblem(name: string | null): string | null {
	if (name === null) return null;
	if (name === 'default' || !ACTION.test(name) || name in Object.prototype)
		return `There is no form action named “${name.slice(0, 64)}” here.`;
	return null;
}

/** What is wrong with a POST's content type and body, or null when its form can be read. */
export async function bodyProblem(request: Request): Promise<Refusal | null> {
	const header = request.headers.get('content-type');
	const type = header?.split(';', 1)[0]!.trim().toLowerCase() ?? '';
	if (!ACCEPTED.has(type))
		return {
			status: 415,
			message: header
				? `Forms are sent as ${FORM} or ${MULTIPART}, not ${type.slice(0, 100) || 'an empty type'}.`
				: `This request has no content type: send the form as ${FORM} or ${MULTIPART}.`
		};
	if (type === MULTIPART && !/;\s*boundary=/i.test(header!))
		return { status: 400, message: 'This multipart form has no boundary, so it cannot be read.' };
	try {
		// JSON is only read here for its size: what it says is for the endpoint's schema to judge.
		if (type === 'application/json') await request.clone().arrayBuffer();
		else await request.clone().formData();
		return null;
	} catch (e) {
		// adapter-node's BODY_SIZE_LIMIT surfaces here as an error with status 413.
		if ((e as { status?: number }).status === 413)
			return { status: 413, message: 'This request is too large to be sent.' };
		return { status: 400, message: 'This form is malformed and could not be read.' };
	}
}

/** Whether SvelteKit can decode the path (it decodes all but `%25`, as here). */
export function decodablePath(pathname: string): boolean {
	try {
		// The result is used: a bare `decodeURI(part);` is dropped by the bundler as side-effect free.
		return pathname.split('%25').map(decodeURI).length > 0;
	} catch {
		return false;
	}
}

async function refusalOf(request: Request): Promise<Refusal | null> {
	const url = new URL(request.url);
	if (!decodablePath(url.pathname))
		return { status: 400, message: 'This address is malformed: it has invalid percent-encoding.' };
	if (request.method !== 'POST') return null;
	const name = actionProblem(actionName(url));
	return name ? { status: 400, message: name } : bodyProblem(request);
}

/** How much of a refused body is read, and for how long, before the answer goes out anyway. */
export const DRAIN = { bytes: 8 * 1024 * 1024, ms: 10_000 };

/**
 * Reads what is left of a refused request's body and throws it away, so that the refusal reaches the
 * client. Without this, a body the server never read (one over BODY_SIZE_LIMIT, refused on its
 * Content-Length) is still arriving when Node closes the connection after the answer; closing a
 * socket with unread data sends a TCP reset, and the client may lose the 413 it was about to read
 * (RFC 9112 §9.6 asks servers to go on reading before they close, as nginx's lingering close does).
 * Past DRAIN's limits the answer goes out anyway.
 */
export function drain(req: IncomingMessage | undefined, limits = DRAIN): Promise<void> {
	if (!req || req.complete || req.destroyed) return Promise.resolve();
	return new Promise((resolve) => {
		let read = 0;
		const done = () => {
			clearTimeout(timer);
			req.off('data', count).off('end', done).off('error', done).off('close', done);
			resolve();
		};
		const count = (chunk: Buffer) => {
			read += chunk.length;
			if (read > limits.bytes) done();
		};
		const timer = setTimeout(done, limits.ms);
		req.on('data', count).on('end', done).on('error', done).on('close', done);
		req.resume();
	});
}

export const requestGuard: Handle = async ({ event, resolve }) => {
	const refusal = await refusalOf(event.request);
	if (!refusal) return resolve(event);
	await drain(event.platform?.req);
	// What an enhanced form (`use:enhance`) reads back: SvelteKit's own shape for an action error.
	if (event.request.headers.get('accept')?.startsWith('application/json'))
		return json({ type: 'error', error: { message: refusal.message } }, { status: refusal.status });
	// The page SvelteKit shows for errors outside a route, filled in the same way.
	const html = errorPage
		.replaceAll('%sveltekit.status%', String(refusal.status))
		.replaceAll('%sveltekit.error.message%', escapeHtml(refusal.message));
	return new Response(html, {
		status: refusal.status,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
