import type { Catalog } from './catalog';

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
		briefs: [...c.briefs]
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
		briefs: new Map(s.briefs) as Catalog['briefs']
	};
}
