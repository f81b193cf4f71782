// The one server-side index of the course catalog. It is built and checked once, when the app is
// built (scripts/vite-catalog-plugin.ts), and arrives here as data: quizzes with their answer keys
// included, which is why only server code may import this module.
import { localizeCatalog, type LocalizedCatalog } from '$lib/content/localize';
import { deserializeCatalog } from '$lib/content/serialize';
import { getLocale } from '$lib/i18n';
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

/** Case-insensitive search over modules, roadmaps and competencies, best matches first. */
export function search(query: string) {
	const words = query.toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return [];
	const score = (title: string, rest: string) =>
		words.every((w) => `${title} ${rest}`.toLowerCase().includes(w))
			? words.filter((w) => title.toLowerCase().includes(w)).length + 1
			: 0;
	const results = [
		...[...catalog.roadmaps.values()].map((r) => ({
			kind: 'roadmap' as const,
			href: `/roadmaps/${r.id}`,
			title: r.title,
			summary: r.summary,
			score: score(r.title, r.summary + ' ' + r.description)
		})),
		...[...catalog.modules.values()].map((m) => ({
			kind: 'module' as const,
			href: `/modules/${m.id}`,
			title: m.title,
			summary: m.summary,
			score: score(m.title, `${m.summary} ${m.id} ${m.competencies.join(' ')}`)
		})),
		...[...catalog.competencies.values()].map((c) => ({
			kind: 'competency' as const,
			href: `/competencies/${c.id}`,
			title: c.title,
			summary: c.description,
			score: score(c.title, c.description)
		}))
	];
	return results
		.filter((r) => r.score > 0)
		.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}
