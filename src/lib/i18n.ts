// The interface languages: English at /…, French at /fr/…. The URL alone decides a page's
// language, so a page can be linked, cached and indexed in either; the first visit follows
// Accept-Language and the language switcher remembers a choice (hooks.server.ts, routes/lang).
// Messages are compiled by Paraglide JS from messages/ (scripts/i18n-compile.ts); `getLocale()`
// is the page's language: on the server the request's, in the browser the address bar's.
import { baseLocale, getLocale, locales, type Locale } from '$lib/paraglide/runtime';

export { baseLocale, getLocale, locales, type Locale };

/** The cookie that remembers the language a visitor chose with the switcher. */
export const LOCALE_COOKIE = 'jalons_lang';

/** BCP 47 tags for Intl: dates, numbers and lists in the page's language. */
export const INTL_TAG: Record<Locale, string> = { en: 'en-GB', fr: 'fr-FR' };

export const isLocale = (v: unknown): v is Locale => locales.includes(v as Locale);

/** The language of a path: French under /fr, English elsewhere. */
export const localeOfPath = (pathname: string): Locale =>
	pathname === '/fr' || pathname.startsWith('/fr/') ? 'fr' : 'en';

/** A path without its language prefix: `/fr/modules/x` → `/modules/x`, `/fr` → `/`. */
export function unlocalizedPath(pathname: string): string {
	return localeOfPath(pathname) === 'fr' ? pathname.slice(3) || '/' : pathname;
}

/**
 * An app link in `locale` (by default the page's): `/modules/x` → `/fr/modules/x` in French.
 * The query and hash are kept; anything that is not a path of this app is returned as it is.
 */
export function localHref(href: string, locale: Locale = getLocale()): string {
	if (!href.startsWith('/') || href.startsWith('//')) return href;
	const cut = href.search(/[?#]/);
	const path = cut < 0 ? href : href.slice(0, cut);
	const rest = cut < 0 ? '' : href.slice(cut);
	const bare = unlocalizedPath(path);
	if (locale === baseLocale) return bare + rest;
	return (bare === '/' ? `/${locale}` : `/${locale}${bare}`) + rest;
}

/**
 * The language a visitor asks for in Accept-Language, among ours: the first by weight, or null.
 * `fr-CA;q=0.8, en;q=0.5` → fr.
 */
export function preferredLocale(header: string | null): Locale | null {
	if (!header) return null;
	const ranked = header
		.split(',')
		.map((part, i) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number(q.slice(2)) : 1;
			return { lang: tag.trim().toLowerCase().split('-')[0]!, weight, i };
		})
		.filter((r) => Number.isFinite(r.weight) && r.weight > 0)
		.sort((a, b) => b.weight - a.weight || a.i - b.i);
	for (const r of ranked) {
		if (isLocale(r.lang)) return r.lang;
		if (r.lang === '*') return baseLocale;
	}
	return null;
}

/** Dates in the page's language, as a reader of it writes them (1 December 2026, 1 décembre 2026). */
export function formatDate(
	date: Date | string,
	options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' },
	locale: Locale = getLocale()
): string {
	const d = typeof date === 'string' ? new Date(date) : date;
	return cached(
		dateFormats,
		locale,
		options,
		() => new Intl.DateTimeFormat(INTL_TAG[locale], { timeZone: 'UTC', ...options })
	).format(d);
}

// Building an Intl formatter costs far more than using one (a CPU profile of the quiz page under
// load spent a tenth of the server's time in `new Intl.DateTimeFormat`), so each one is built once
// per language and options. The options objects are small literals: their JSON is the key.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

function cached<T>(cache: Map<string, T>, locale: Locale, options: object, make: () => T): T {
	const key = locale + JSON.stringify(options);
	let value = cache.get(key);
	if (value === undefined) {
		value = make();
		// Bounded: callers pass a handful of literal option sets, never user input.
		if (cache.size < 256) cache.set(key, value);
	}
	return value;
}

/** Numbers in the page's language (1,234.5 / 1 234,5). */
export function formatNumber(
	n: number,
	options: Intl.NumberFormatOptions = {},
	locale: Locale = getLocale()
): string {
	return cached(
		numberFormats,
		locale,
		options,
		() => new Intl.NumberFormat(INTL_TAG[locale], options)
	).format(n);
}

/**
 * The singular or plural form for `n` by the page's language's rules: French says "1 module",
 * "0 module", "2 modules"; English "0 modules". Pass both messages: `plural(n, m.x_one, m.x_other)`.
 */
export function plural<I extends { n: number | string }>(
	n: number,
	one: (inputs: I) => string,
	other: (inputs: I) => string,
	inputs: Omit<I, 'n'> = {} as Omit<I, 'n'>,
	locale: Locale = getLocale()
): string {
	const rules = cached(pluralRules, locale, {}, () => new Intl.PluralRules(INTL_TAG[locale]));
	const form = rules.select(n) === 'one' ? one : other;
	return form({ ...inputs, n: formatNumber(n, {}, locale) } as unknown as I);
}
