// Gzip for the responses the app renders (pages, form and data answers): adapter-node serves
// built assets precompressed but sends rendered HTML as is, and a lesson page's HTML is ~80 KB
// (half of it the lesson again, in the hydration data). Behind a proxy that compresses, this is
// skipped: such a response already has a Content-Encoding by the time it is sent on.
import type { Handle } from '@sveltejs/kit';

const COMPRESSIBLE =
	/^(text\/(html|plain|css|csv)|application\/(json|xml|ld\+json)|image\/svg\+xml)\b/;
/** Below this many bytes (when the length is known), gzip's framing costs more than it saves. */
export const MIN_BYTES = 1024;

export function wantsGzip(acceptEncoding: string | null): boolean {
	if (!acceptEncoding) return false;
	return acceptEncoding.split(',').some((part) => {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (name !== 'gzip' && name !== '*') return false;
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		return q === undefined || Number(q.slice(2)) > 0;
	});
}

export const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	const length = Number(response.headers.get('content-length') ?? Number.NaN);
	if (
		!response.body ||
		event.request.method === 'HEAD' ||
		response.headers.has('content-encoding') ||
		!COMPRESSIBLE.test(type) ||
		length < MIN_BYTES ||
		!wantsGzip(event.request.headers.get('accept-encoding'))
	)
		return response;
	const headers = new Headers(response.headers);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	headers.append('vary', 'Accept-Encoding');
	return new Response(response.body.pipeThrough(new CompressionStream('gzip')), {
		status: response.status,
		statusText: response.statusText,
		headers
	});
};
