import type { Catalog } from './catalog';
import type { Translations } from './checks/translations';
import { LOCALES } from './translation';

interface SerializedTranslations {
	modules: [string, unknown][];
	quizzes: [string, unknown][];
	roadmaps: [string, unknown][];
	competencies: [string, unknown][];
	briefs: [string, unknown][];
	stale: string[];
}

const pack = (t: Translations): SerializedTranslations => ({
	modules: [...t.modules],
	quizzes: [...t.quizzes],
	roadmaps: [...t.roadmaps],
	competencies: [...t.competencies],
	briefs: [...t.briefs],
	stale: t.stale
});

const unpack = (t: SerializedTranslations): Translations => ({
	modules: new Map(t.modules) as Translations['modules'],
	quizzes: new Map(t.quizzes) as Translations['quizzes'],
	roadmaps: new Map(t.roadmaps) as Translations['roadmaps'],
	competencies: new Map(t.competencies) as Translations['competencies'],
	briefs: new Map(t.briefs) as Translations['briefs'],
	stale: t.stale
});

/** The catalog index as plain JSON, so the build can compute it once and the server only load it. */
export interface SerializedCatalog {
	competencies: [string, unknown][];
	modules: [string, unknown][];
	roadmaps: [string, unknown][];
	quizzes: [string, unknown][];
	dependents: [string, string[]][];
	modulesByCompetency: [string, string[]][];
	roadmapsByModule: [string, string[]][];
	briefs: [string, unknown][];
	translations: Record<(typeof LOCALES)[number], SerializedTranslations>;
}

export function serializeCatalog(c: Catalog): SerializedCatalog {
	return {
		competencies: [...c.competencies],
		modules: [...c.modules],
		roadmaps: [...c.roadmaps],
		quizzes: [...c.quizzes],
		dependents: [...c.dependents],
		modulesByCompetency: [...c.modulesByCompetency],
		roadmapsByModule: [...c.roadmapsByModule],
		briefs: [...c.briefs],
		translations: Object.fromEntries(
			LOCALES.map((l) => [l, pack(c.translations[l])])
		) as SerializedCatalog['translations']
	};
}

export function deserializeCatalog(s: SerializedCatalog): Catalog {
	return {
		competencies: new Map(s.competencies) as Catalog['competencies'],
		modules: new Map(s.modules) as Catalog['modules'],
		roadmaps: new Map(s.roadmaps) as Catalog['roadmaps'],
		quizzes: new Map(s.quizzes) as Catalog['quizzes'],
		dependents: new Map(s.dependents),
		modulesByCompetency: new Map(s.modulesByCompetency),
		roadmapsByModule: new Map(s.roadmapsByModule),
		briefs: new Map(s.briefs) as Catalog['briefs'],
		translations: Object.fromEntries(
			LOCALES.map((l) => [l, unpack(s.translations[l])])
		) as Catalog['translations']
	};
}
