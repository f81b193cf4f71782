import { search } from '$lib/server/content';
import { userText } from '$lib/user-text';

const query = userText().transform((q) => q.slice(0, 200).trim());

export function load({ url }) {
	const parsed = query.safeParse(url.searchParams.get('q') ?? '');
	if (!parsed.success) return { q: '', error: parsed.error.issues[0]!.message, results: [] };
	const q = parsed.data;
	return { q, error: null, results: q ? search(q).slice(0, 50) : [] };
}
