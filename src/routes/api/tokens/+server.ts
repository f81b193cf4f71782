import { error, json } from '@sveltejs/kit';
import { countTokens, tokenRequest } from '$lib/server/tools/tokens';

export async function POST({ request }) {
	const body = await request.json().catch(() => null);
	const parsed = tokenRequest.safeParse(body);
	if (!parsed.success) error(400, parsed.error.issues[0]?.message ?? 'Invalid request');
	return json(countTokens(parsed.data));
}
