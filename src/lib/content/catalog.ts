import type { Quiz } from '../quiz/schema';
import type { Brief } from './brief';
import { checkBriefs } from './checks/briefs';
import { checkCompetencies } from './checks/competencies';
import type { Check, CheckContext } from './checks/context';
import { checkCoverage } from './checks/coverage';
import { checkModules } from './checks/modules';
import { checkQuizzes } from './checks/quizzes';
import { checkReferences } from './checks/references';
import { checkReviewDates } from './checks/reviewed';
import { checkRoadmaps } from './checks/roadmaps';
import { checkTranslations, emptyTranslations, type Translations } from './checks/translations';
import type { Problem } from './problems';
import { todayUtc } from './reviewed';
import type { Competency, ModuleFrontmatter, Roadmap } from './schema';
import { translationOf, type Locale } from './translation';

/** A course file: its path from the project root (`courses/...`) and its text. */
export interface SourceFile {
	path: string;
	text: string;
}

export interface ModuleEntry extends ModuleFrontmatter {
	/** `courses/modules/<area>/<slug>/index.md` */
	file: string;
	/** The lesson's Markdown, without frontmatter. */
	body: string;
	bodyLine: number;
}

export interface Catalog {
	competencies: Map<string, Competency>;
	modules: Map<string, ModuleEntry>;
	roadmaps: Map<string, Roadmap & { file: string }>;
	/** Parsed quizzes by module id. Holds answer keys: server code only. */
	quizzes: Map<string, Quiz>;
	/** Module ids that list a module as a prerequisite. */
	dependents: Map<string, string[]>;
	modulesByCompetency: Map<string, string[]>;
	roadmapsByModule: Map<string, string[]>;
	/** The brief of each project item, by `<roadmap id>/<item id>` (see briefKey). */
	briefs: Map<string, Brief>;
	/** Translations by locale (docs/authoring.md, "Translations"); answer keys stay in the English. */
	translations: Record<Locale, Translations>;
}

export interface CheckResult {
	catalog: Catalog;
	problems: Problem[];
}

/**
 * The checks, in order: each may rely on what the ones before it found (references need every
 * lesson known; roadmaps need modules; coverage needs roadmaps). A new check is one more entry.
 */
export const CHECKS: readonly Check[] = [
	checkCompetencies,
	checkModules,
	checkReferences,
	checkQuizzes,
	checkRoadmaps,
	checkBriefs,
	checkCoverage,
	checkReviewDates
];

export interface CheckOptions {
	/** The date taken as today (`YYYY-MM-DD`) for review-age warnings; default: today in UTC. */
	today?: string;
	/** The checks to run (default CHECKS). */
	checks?: readonly Check[];
}

/**
 * Builds the catalog index from course files and reports every problem found, in one pass, as
 * `file:line: message`. Pure: the caller reads the files (from disk, or bundled by Vite).
 */
export function checkCatalog(files: SourceFile[], options: CheckOptions = {}): CheckResult {
	const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));
	// Translations are checked against the English catalog, once it is built.
	const translated = sorted.filter((f) => translationOf(f.path));
	const ctx = context(
		sorted.filter((f) => !translationOf(f.path)),
		options.today ?? todayUtc()
	);
	for (const check of options.checks ?? CHECKS) check(ctx);
	checkTranslations(ctx, translated);
	ctx.problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	return { catalog: ctx.catalog, problems: ctx.problems };
}

function context(files: SourceFile[], today: string): CheckContext {
	const problems: Problem[] = [];
	return {
		files,
		today,
		problems,
		error: (file, line, message) => problems.push({ file, line, message, severity: 'error' }),
		warn: (file, line, message) => problems.push({ file, line, message, severity: 'warning' }),
		catalog: {
			competencies: new Map(),
			modules: new Map(),
			roadmaps: new Map(),
			quizzes: new Map(),
			dependents: new Map(),
			modulesByCompetency: new Map(),
			roadmapsByModule: new Map(),
			briefs: new Map(),
			translations: { fr: emptyTranslations() }
		},
		competencyIds: null,
		competencyLines: new Map(),
		lessons: new Map(),
		taught: new Set(),
		placed: new Set()
	};
}
