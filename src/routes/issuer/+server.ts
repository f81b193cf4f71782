import { json } from '@sveltejs/kit';
import { issuerProfile } from '$lib/server/portfolio/credential';
import { issuerKey } from '$lib/server/portfolio/issuer';

/** The Open Badges issuer profile, with its public key when credentials are signed. */
export async function GET({ locals }) {
	return json(await issuerProfile(locals.origin, issuerKey), {
		headers: { 'content-type': 'application/ld+json', 'cache-control': 'public, max-age=300' }
	});
}
