import { search } from '$lib/server/content';

export function load({ url }) {
	const q = (url.searchParams.get('q') ?? '').slice(0, 200).trim();
	return { q, results: q ? search(q).slice(0, 50) : [] };
}
