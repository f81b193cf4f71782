import type { Handle } from '@sveltejs/kit';

// Pages get their Content-Security-Policy from kit.csp (svelte.config.js), with a nonce per
// response; everything else (JSON, downloads, redirects) gets this one: it loads nothing.
const NOTHING = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const HEADERS = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'x-frame-options': 'DENY'
};

/** The security headers of every response the app renders (docs/security.md). */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(HEADERS)) response.headers.set(name, value);
	if (!response.headers.has('content-security-policy'))
		response.headers.set('content-security-policy', NOTHING);
	return response;
};
