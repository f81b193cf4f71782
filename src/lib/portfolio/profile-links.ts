// The links a shared portfolio may show, and their labels. Apart from profile.ts (which validates
// them with zod) so that the pages that only name them do not ship zod to the browser: zod probes
// for `new Function`, which the Content-Security-Policy refuses and reports as a violation.
import { m } from '$lib/paraglide/messages';

export const PROFILE_LINKS = ['github_url', 'linkedin_url', 'website_url'] as const;
export type ProfileLink = (typeof PROFILE_LINKS)[number];

/** Read per use (a getter), so that "Website" is in the page's language. */
export const PROFILE_LINK_LABELS: Readonly<Record<ProfileLink, string>> = {
	github_url: 'GitHub',
	linkedin_url: 'LinkedIn',
	get website_url() {
		return m.portfolio_link_website();
	}
};
