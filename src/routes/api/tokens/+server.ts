import { error, json } from '@sveltejs/kit';
import { countTokens, parseTokenRequest } from '$lib/server/tools/tokens';
import { m } from '$lib/paraglide/messages';

// The language is the request's, from its path: the token counter posts to /fr/api/tokens on a
// French page (src/hooks.ts reroutes it here), so its 400 reads in French there.
export async function POST({ request }) {
	const body = await request.json().catch(() => null);
	const parsed = parseTokenRequest(body);
	if (!parsed.success) error(400, parsed.error.issues[0]?.message ?? m.tools_api_invalid_request());
	return json(countTokens(parsed.data));
}
