// Search over the catalog in both languages (MiniSearch, built once when the server starts). Words
// are folded (case and accents: "sécurité" = "securite") and stemmed by the language of the page
// (Snowball stemmers from @orama/stemmers: "jetons" finds "jeton", "deployments" finds "deploy").
// A French page's index holds the French texts and the English ones, so an English term a French
// reader types ("token", "pipeline") still finds its module; results are shown in the page's
// language. Every word must match (a word's last letters may still be typed: prefix search).
import MiniSearch from 'minisearch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as french } from '@orama/stemmers/french';
import type { Catalog } from '$lib/content/catalog';
import type { Locale } from '$lib/i18n';

export interface SearchResult {
	kind: 'roadmap' | 'module' | 'competency';
	href: string;
	title: string;
	summary: string;
}

interface Doc extends SearchResult {
	id: string;
	text: string;
	other: string;
}

const STEM: Record<Locale, (w: string) => string> = { en: english, fr: french };

/** Lower case, without accents or ligatures: `Sécurité` → `securite`, `œuvre` → `oeuvre`. */
export const fold = (s: string): string =>
	s
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.replace(/œ/gi, 'oe')
		.replace(/æ/gi, 'ae')
		.toLowerCase();

/** The words of a text as the index keeps them: folded, then stemmed in `locale`. */
export function terms(text: string, locale: Locale): string[] {
	return (fold(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) =>
		w.length > 2 ? STEM[locale](w) : w
	);
}

function docs(catalog: Catalog, englishCatalog: Catalog): Doc[] {
	const out: Doc[] = [];
	for (const r of catalog.roadmaps.values()) {
		const en = englishCatalog.roadmaps.get(r.id)!;
		out.push({
			id: `roadmap:${r.id}`,
			kind: 'roadmap',
			href: `/roadmaps/${r.id}`,
			title: r.title,
			summary: r.summary,
			text: `${r.summary} ${r.description}`,
			other: `${en.title} ${en.summary}`
		});
	}
	for (const m of catalog.modules.values()) {
		const en = englishCatalog.modules.get(m.id)!;
		out.push({
			id: `module:${m.id}`,
			kind: 'module',
			href: `/modules/${m.id}`,
			title: m.title,
			summary: m.summary,
			text: `${m.summary} ${m.id.replace(/-/g, ' ')} ${m.competencies.join(' ')}`,
			other: `${en.title} ${en.summary}`
		});
	}
	for (const c of catalog.competencies.values()) {
		const en = englishCatalog.competencies.get(c.id)!;
		out.push({
			id: `competency:${c.id}`,
			kind: 'competency',
			href: `/competencies/${c.id}`,
			title: c.title,
			summary: c.description,
			text: c.description,
			other: `${en.title} ${en.description}`
		});
	}
	return out;
}

/** The index of one language's catalog; `englishCatalog` adds the English texts to a translation. */
export function searchIndex(catalog: Catalog, locale: Locale, englishCatalog: Catalog = catalog) {
	const index = new MiniSearch<Doc>({
		fields: locale === 'en' ? ['title', 'text'] : ['title', 'text', 'other'],
		storeFields: ['kind', 'href', 'title', 'summary'],
		tokenize: (text) => [text],
		processTerm: (text) => terms(text, locale),
		searchOptions: {
			boost: { title: 3, text: 1, other: 0.5 },
			combineWith: 'AND',
			prefix: (term) => term.length >= 3
		}
	});
	index.addAll(docs(catalog, englishCatalog));
	return (query: string): SearchResult[] =>
		terms(query, locale).length === 0
			? []
			: index.search(query).map((r) => ({
					kind: r.kind as SearchResult['kind'],
					href: r.href as string,
					title: r.title as string,
					summary: r.summary as string
				}));
}
