// The one server-side index of the course catalog. It is built and checked once, when the app is
// built (scripts/vite-catalog-plugin.ts), and arrives here as data: quizzes with their answer keys
// included, which is why only server code may import this module.
import { localizeCatalog, type LocalizedCatalog } from '$lib/content/localize';
import { deserializeCatalog } from '$lib/content/serialize';
import { getLocale } from '$lib/i18n';
import { searchIndex } from './search';
import { headings } from '$lib/content/toc';
import data from 'virtual:jalons/catalog';

const english = deserializeCatalog(data);
const byLocale = { en: localizeCatalog(english, 'en'), fr: localizeCatalog(english, 'fr') };

/**
 * The catalog in the language of the request being served (src/lib/server/language.ts): French
 * texts on /fr/ pages, English elsewhere and outside a request. Ids, keys and order are the same
 * in both, so code reads it the same way in either language.
 */
export const catalog: LocalizedCatalog = new Proxy(byLocale.en, {
	get: (_target, key) => Reflect.get(byLocale[getLocale()], key)
});

/** The catalog in one language, whatever the request's. */
export const catalogIn = (locale: keyof typeof byLocale): LocalizedCatalog => byLocale[locale];

export interface ModuleCard {
	id: string;
	title: string;
	summary: string;
	area: string;
	level: string;
	minutes: number;
	competencies: string[];
	prerequisites: string[];
}

export function moduleCard(id: string): ModuleCard {
	const m = catalog.modules.get(id);
	if (!m) throw new Error(`unknown module ${id}`);
	const { title, summary, area, level, minutes, competencies, prerequisites } = m;
	return { id, title, summary, area, level, minutes, competencies, prerequisites };
}

/** The modules of a roadmap in the order a learner takes them. */
export function roadmapModules(roadmapId: string): string[] {
	return catalog.roadmaps.get(roadmapId)?.phases.flatMap((p) => p.modules) ?? [];
}

export function tableOfContents(moduleId: string) {
	const m = catalog.modules.get(moduleId);
	return m ? headings(m.body) : [];
}

export function competencyTitle(id: string): string {
	return catalog.competencies.get(id)?.title ?? id;
}

const searchers = {
	en: searchIndex(byLocale.en, 'en'),
	fr: searchIndex(byLocale.fr, 'fr', byLocale.en)
};

/**
 * Modules, roadmaps and competencies matching every word of `query`, best first, in the language
 * of the request (src/lib/server/content/search.ts). Links are the pages' paths without a language.
 */
export const search = (query: string) => searchers[getLocale()](query);
