// The language switcher, without JavaScript: a plain link here remembers the choice for a year
// (hooks.server.ts then stops following Accept-Language) and goes back to the same page in that
// language. An unknown language, or a way back that is not a page of this app, changes nothing.
import { error, redirect } from '@sveltejs/kit';
import { cookieOptions } from '$lib/server/auth';
import { isLocale, LOCALE_COOKIE, localHref } from '$lib/i18n';
import { safeRedirect } from '$lib/server/redirect';
import { textProblem } from '$lib/user-text';

export function GET({ url, cookies }) {
	const to = url.searchParams.get('to');
	const back = url.searchParams.get('back') ?? '/';
	if (!isLocale(to)) error(400, 'Choose English (en) or French (fr). / Choisissez en ou fr.');
	if (textProblem(back)) error(400, 'The page to go back to is not a valid address.');
	cookies.set(LOCALE_COOKIE, to, cookieOptions(url, new Date(Date.now() + 365 * 86_400_000)));
	redirect(303, localHref(safeRedirect(back, url.origin), to));
}
