// The one server-side index of the course catalog, built once from the files Vite bundles.
// Quiz files (with answer keys) are imported here only, so they never reach a client bundle.
// Warnings are reported by the build and by courses:check, not at every start of the server.
import { checkCatalog, type Catalog, type SourceFile } from '$lib/content/catalog';
import { CatalogError } from '$lib/content/problems';
import { headings } from '$lib/content/toc';

const raw = import.meta.glob(['/courses/**/*.md', '/courses/**/*.yaml'], {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

function build(): Catalog {
	const files: SourceFile[] = Object.entries(raw).map(([path, text]) => ({
		path: path.slice(1),
		text
	}));
	const { catalog, problems } = checkCatalog(files);
	if (problems.some((p) => p.severity === 'error')) throw new CatalogError(problems);
	return catalog;
}

export const catalog: Catalog = build();

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
