// The page's language on the server (src/lib/i18n.ts): read from the URL, held for the request so
// that every message and date rendered for it is in that language, and written on <html lang>.
// A first visit to an English address by someone whose browser prefers French — and who has not
// chosen a language with the switcher — is sent to the French page.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import {
	baseLocale,
	isLocale,
	LOCALE_COOKIE,
	localeOfPath,
	localHref,
	preferredLocale,
	type Locale
} from '$lib/i18n';

const requestLocale = new AsyncLocalStorage<Locale>();
overwriteGetLocale(() => requestLocale.getStore() ?? baseLocale);

/** Runs `fn` with `locale` as the language of messages (scripts, tests). */
export const withLocale = <T>(locale: Locale, fn: () => T): T => requestLocale.run(locale, fn);

/** The language a visitor wants: the one chosen with the switcher, else their browser's. */
export function wantedLocale(event: Pick<RequestEvent, 'cookies' | 'request'>): Locale | null {
	const chosen = event.cookies.get(LOCALE_COOKIE);
	if (isLocale(chosen)) return chosen;
	return preferredLocale(event.request.headers.get('accept-language'));
}

/** Only a page load is redirected: not a form post, a download, an API call or page data. */
function isPageLoad(event: RequestEvent): boolean {
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') return false;
	if (event.isDataRequest) return false;
	const dest = event.request.headers.get('sec-fetch-dest');
	if (dest) return dest === 'document';
	return (event.request.headers.get('accept') ?? '').includes('text/html');
}

export const language: Handle = async ({ event, resolve }) => {
	const locale = localeOfPath(event.url.pathname);
	event.locals.locale = locale;
	if (locale === baseLocale && event.route.id && isPageLoad(event)) {
		const wanted = wantedLocale(event);
		if (wanted && wanted !== locale)
			return new Response(null, {
				status: 307,
				headers: {
					location: localHref(event.url.pathname + event.url.search, wanted),
					vary: 'Accept-Language, Cookie'
				}
			});
	}
	return requestLocale.run(locale, () =>
		resolve(event, {
			transformPageChunk: ({ html }) => html.replace('<html lang="en"', `<html lang="${locale}"`)
		})
	);
};
