// What a learner says about themselves on a shared portfolio: a headline, a bio and up to three
// links. Pure, so the rules are unit-tested and applied by the server before anything is written;
// the database checks the links again (supabase/migrations/*_portfolio_profile.sql).
import { z } from 'zod';
import { userText } from '$lib/user-text';
import { m } from '$lib/paraglide/messages';
import { PROFILE_LINK_LABELS, type ProfileLink } from './profile-links';

export { PROFILE_LINK_LABELS, PROFILE_LINKS, type ProfileLink } from './profile-links';

const HOSTS: Record<ProfileLink, ((host: string) => boolean) | null> = {
	github_url: (h) => h === 'github.com' || h === 'www.github.com',
	linkedin_url: (h) => h === 'linkedin.com' || h.endsWith('.linkedin.com'),
	website_url: null
};

/**
 * The link as it will be stored (parsed: `HTTPS://Example.org` → `https://example.org/`), or the
 * message saying why it is refused: http(s) only, absolute, no `user:password@`, the right host.
 */
export function parseProfileLink(
	kind: ProfileLink,
	value: string
): { url: string } | { error: string } {
	const example =
		kind === 'github_url'
			? 'https://github.com/you'
			: kind === 'linkedin_url'
				? 'https://www.linkedin.com/in/you'
				: 'https://example.org';
	let u: URL;
	try {
		if (/\s/.test(value)) throw new Error('space');
		u = new URL(value);
	} catch {
		return { error: m.portfolio_url_full({ example }) };
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:')
		return { error: m.portfolio_url_https({ example }) };
	if (u.username || u.password) return { error: m.portfolio_url_credentials() };
	const host = u.hostname.toLowerCase();
	if (!host) return { error: m.portfolio_url_full({ example }) };
	const ok = HOSTS[kind];
	if (ok && !ok(host))
		return { error: m.portfolio_url_host({ site: PROFILE_LINK_LABELS[kind], example }) };
	if (u.href.length > 300) return { error: m.portfolio_url_long() };
	return { url: u.href };
}

const link = (kind: ProfileLink) =>
	userText()
		.trim()
		.max(300, { error: () => m.portfolio_url_long() })
		.transform((s, ctx) => {
			if (!s) return null;
			const parsed = parseProfileLink(kind, s);
			if ('url' in parsed) return parsed.url;
			ctx.addIssue({ code: 'custom', message: parsed.error });
			return z.NEVER;
		});

export const profileSchema = z.object({
	headline: userText()
		.trim()
		.max(120, { error: () => m.portfolio_max_120() }),
	// Line breaks are kept (shown as paragraphs); \r\n from browsers becomes \n.
	bio: userText({ multiline: true })
		.transform((s) => s.replace(/\r\n?/g, '\n').trim())
		.refine((s) => s.length <= 600, { error: () => m.portfolio_max_600() }),
	github_url: link('github_url'),
	linkedin_url: link('linkedin_url'),
	website_url: link('website_url')
});

export type PortfolioProfile = z.infer<typeof profileSchema>;

export const EMPTY_PROFILE: PortfolioProfile = {
	headline: '',
	bio: '',
	github_url: null,
	linkedin_url: null,
	website_url: null
};
