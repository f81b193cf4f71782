// The learner's portfolio profile (headline, bio, links): read and saved as the learner, and read
// for a shared page through public_profile(slug) only.
import type { UserDb } from '../db/types';
import { call, callPublic } from '../rpc';
import { EMPTY_PROFILE, type PortfolioProfile } from '$lib/portfolio/profile';

const shape = (row: PortfolioProfile | undefined): PortfolioProfile => ({
	...EMPTY_PROFILE,
	...row
});

/** The signed-in learner's profile; empty fields before they write one. */
export const myPortfolioProfile = async (db: UserDb) =>
	shape((await call(db, 'my_portfolio_profile'))[0]);

/** Saves what profileSchema parsed. */
export const savePortfolioProfile = (db: UserDb, profile: PortfolioProfile) =>
	call(db, 'save_portfolio_profile', profile);

/** The profile behind an active share link, or null for an unknown or revoked slug. */
export async function publicProfile(db: UserDb, slug: string) {
	if (!/^[A-Za-z0-9_-]{32}$/.test(slug)) return null;
	const [row] = await callPublic(db, 'public_profile', { slug });
	return row ? shape(row) : null;
}
