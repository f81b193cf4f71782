import { error } from '@sveltejs/kit';
import { publicPortfolio } from '$lib/server/portfolio';
import { publicProfile } from '$lib/server/portfolio/profile';
import { portfolioCard } from '$lib/server/og/card';
import { m } from '$lib/paraglide/messages';

/**
 * The link preview of a shared portfolio: what the page shows, drawn as a 1200 × 630 PNG, in the
 * language of the page that links it (/fr/p/…/og.png is French; the font drops the accents).
 */
export async function GET({ params, locals }) {
	const [found, profile] = await Promise.all([
		publicPortfolio(locals.publicDb, params.slug),
		publicProfile(locals.publicDb, params.slug)
	]);
	if (!found || !profile) error(404, m.portfolio_public_not_found());
	const { view } = found;
	const png = portfolioCard({
		roadmap: found.roadmap.title,
		name: found.displayName,
		headline: profile.headline,
		bars: [
			{ label: m.portfolio_og_items(), done: view.readiness.done, total: view.readiness.total },
			...view.phases.map((p) => ({ label: p.title, done: p.done, total: p.total }))
		]
	});
	return new Response(new Uint8Array(png), {
		headers: {
			'content-type': 'image/png',
			'content-length': String(png.length),
			// Link previews are fetched by other sites' crawlers: short-lived, so that a revoked link's
			// image is gone from shared caches within five minutes.
			'cache-control': 'public, max-age=300',
			'x-robots-tag': 'noindex'
		}
	});
}
