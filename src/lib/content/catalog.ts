import { quizSchema, type Quiz } from '../quiz/schema';
import { splitFrontmatter } from './frontmatter';
import { didYouMean, type Problem } from './problems';
import {
	competenciesSchema,
	moduleFrontmatterSchema,
	roadmapSchema,
	type Competency,
	type ModuleFrontmatter,
	type Roadmap
} from './schema';
import { findCycles } from './graph';
import { lintLesson } from './lesson-text';
import { checkReviewed } from './reviewed';
import { headings } from './toc';
import { parseYaml, validate, type YamlSource } from './yaml';

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
}

export interface CheckResult {
	catalog: Catalog;
	problems: Problem[];
}

export interface CheckOptions {
	/** The date taken as today (`YYYY-MM-DD`) for review-age warnings; default: today in UTC. */
	today?: string;
}

const MODULE_FILE = /^courses\/modules\/([^/]+)\/([^/]+)\/index\.md$/;
const QUIZ_FILE = /^courses\/modules\/([^/]+)\/([^/]+)\/quiz\.yaml$/;
const ROADMAP_FILE = /^courses\/roadmaps\/([^/]+)\.yaml$/;
const COMPETENCIES_FILE = 'courses/competencies.yaml';

/**
 * Builds the catalog index from course files and reports every problem found, as
 * `file:line: message`. Pure: the caller reads the files (from disk, or bundled by Vite).
 */
export function checkCatalog(files: SourceFile[], options: CheckOptions = {}): CheckResult {
	const problems: Problem[] = [];
	const error = (file: string, line: number, message: string) =>
		problems.push({ file, line, message, severity: 'error' });
	const warn = (file: string, line: number, message: string) =>
		problems.push({ file, line, message, severity: 'warning' });

	const catalog: Catalog = {
		competencies: new Map(),
		modules: new Map(),
		roadmaps: new Map(),
		quizzes: new Map(),
		dependents: new Map(),
		modulesByCompetency: new Map(),
		roadmapsByModule: new Map()
	};
	const sorted = [...files].sort((a, b) => a.path.localeCompare(b.path));

	// Competencies
	const competencyFile = sorted.find((f) => f.path === COMPETENCIES_FILE);
	const competencySource = new Map<string, number>();
	if (!competencyFile)
		error(COMPETENCIES_FILE, 1, 'missing: the catalog needs its competency vocabulary');
	else {
		const parsed = parseYaml(competencyFile.path, competencyFile.text);
		if ('problems' in parsed) problems.push(...parsed.problems);
		else {
			const v = validate(parsed.source, competenciesSchema);
			if ('problems' in v) problems.push(...v.problems);
			else
				v.data.forEach((c, i) => {
					const line = parsed.source.lineOf([i, 'id']);
					if (catalog.competencies.has(c.id))
						error(
							competencyFile.path,
							line,
							`duplicate competency id "${c.id}" (first defined on line ${competencySource.get(c.id)})`
						);
					else {
						catalog.competencies.set(c.id, c);
						competencySource.set(c.id, line);
					}
				});
		}
	}

	// Modules: frontmatter first, references checked once every module is known.
	const moduleSources = new Map<string, YamlSource>();
	for (const f of sorted) {
		if (!f.path.startsWith('courses/modules/')) continue;
		if (f.path.endsWith('/quiz.yaml')) continue;
		const m = MODULE_FILE.exec(f.path);
		if (!m) {
			if (f.path.endsWith('.md'))
				error(f.path, 1, 'a lesson lives at courses/modules/<area>/<slug>/index.md');
			continue;
		}
		const [, area, slug] = m as unknown as [string, string, string];
		const split = splitFrontmatter(f.path, f.text);
		if ('problem' in split) {
			problems.push(split.problem);
			continue;
		}
		const parsed = parseYaml(f.path, split.yaml, 1);
		if ('problems' in parsed) {
			problems.push(...parsed.problems);
			continue;
		}
		const v = validate(parsed.source, moduleFrontmatterSchema);
		if ('problems' in v) {
			problems.push(...v.problems);
			continue;
		}
		const fm = v.data;
		const at = (path: PropertyKey[]) => parsed.source.lineOf(path);
		if (fm.id !== slug)
			error(
				f.path,
				at(['id']),
				`id "${fm.id}" differs from its folder "${slug}" — rename one so they match`
			);
		if (fm.area !== area)
			error(f.path, at(['area']), `area "${fm.area}" differs from its folder "${area}"`);
		const previous = catalog.modules.get(fm.id);
		if (previous) {
			error(f.path, at(['id']), `duplicate module id "${fm.id}", also used by ${previous.file}`);
			continue;
		}
		for (const p of lintLesson(split.body)) error(f.path, split.bodyLine + p.line - 1, p.message);
		catalog.modules.set(fm.id, { ...fm, file: f.path, body: split.body, bodyLine: split.bodyLine });
		moduleSources.set(fm.id, parsed.source);
	}

	problems.push(...checkReviewed(catalog.modules.values(), moduleSources, options.today));

	const moduleIds = [...catalog.modules.keys()];
	const competencyIds = [...catalog.competencies.keys()];
	for (const [mid, mod] of catalog.modules) {
		const src = moduleSources.get(mid)!;
		mod.competencies.forEach((c, i) => {
			if (!catalog.competencies.has(c))
				error(
					mod.file,
					src.lineOf(['competencies', i]),
					`competencies[${i}]: unknown competency "${c}"${didYouMean(c, competencyIds)} (competencies are defined in ${COMPETENCIES_FILE})`
				);
			else push(catalog.modulesByCompetency, c, mid);
		});
		mod.prerequisites.forEach((p, i) => {
			const line = src.lineOf(['prerequisites', i]);
			if (p === mid) error(mod.file, line, `prerequisites[${i}]: a module cannot require itself`);
			else if (!catalog.modules.has(p))
				error(
					mod.file,
					line,
					`prerequisites[${i}]: unknown module "${p}"${didYouMean(p, moduleIds)}`
				);
			else push(catalog.dependents, p, mid);
		});
	}

	for (const cycle of findCycles(moduleIds, (id) =>
		catalog.modules.get(id)!.prerequisites.filter((p) => catalog.modules.has(p) && p !== id)
	)) {
		const first = catalog.modules.get(cycle[0]!)!;
		error(
			first.file,
			moduleSources.get(first.id)!.lineOf(['prerequisites']),
			`prerequisites form a cycle: ${[...cycle, cycle[0]].join(' → ')} — remove one of these prerequisites`
		);
	}

	// Quizzes
	const quizFiles = new Set<string>();
	for (const f of sorted) {
		const m = QUIZ_FILE.exec(f.path);
		if (!m) continue;
		const [, area, slug] = m as unknown as [string, string, string];
		quizFiles.add(`${area}/${slug}`);
		const lesson = `courses/modules/${area}/${slug}/index.md`;
		const mod = [...catalog.modules.values()].find((m) => m.file === lesson);
		if (!sorted.some((g) => g.path === lesson)) {
			error(f.path, 1, `a quiz without a lesson: add ${lesson}`);
			continue;
		}
		const quiz = checkQuiz(f, catalog, problems, mod);
		if (quiz && mod) catalog.quizzes.set(mod.id, quiz);
	}
	for (const mod of catalog.modules.values()) {
		if (!quizFiles.has(mod.file.replace(/^courses\/modules\/|\/index\.md$/g, '')))
			error(
				mod.file,
				1,
				`no quiz: add ${mod.file.replace(/index\.md$/, 'quiz.yaml')} (npm run courses:new scaffolds one)`
			);
	}

	// Roadmaps
	for (const f of sorted) {
		if (!f.path.startsWith('courses/roadmaps/')) continue;
		const m = ROADMAP_FILE.exec(f.path);
		if (!m) {
			error(f.path, 1, 'a roadmap is a file courses/roadmaps/<job>.yaml');
			continue;
		}
		checkRoadmap(f, m[1]!, catalog, problems);
	}

	for (const [mid, mod] of catalog.modules) {
		if (!catalog.roadmapsByModule.has(mid))
			warn(
				mod.file,
				2,
				`module "${mid}" is in no roadmap: add it to a phase of a roadmap in courses/roadmaps/`
			);
	}
	for (const [cid] of catalog.competencies) {
		if (!catalog.modulesByCompetency.has(cid))
			warn(
				COMPETENCIES_FILE,
				competencySource.get(cid) ?? 1,
				`competency "${cid}" is taught by no module`
			);
	}

	problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	return { catalog, problems };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

function checkQuiz(
	f: SourceFile,
	catalog: Catalog,
	problems: Problem[],
	mod: ModuleEntry | undefined
): Quiz | null {
	const parsed = parseYaml(f.path, f.text);
	if ('problems' in parsed) {
		problems.push(...parsed.problems);
		return null;
	}
	const src = parsed.source;
	const raw = src.data as { questions?: unknown };
	// Name an unknown question type plainly, before zod's union error hides it.
	let typeErrors = 0;
	if (raw && Array.isArray(raw.questions)) {
		raw.questions.forEach((q: unknown, i: number) => {
			const type = (q as { type?: unknown })?.type;
			const known = ['single', 'multiple', 'true-false', 'numeric', 'text', 'order', 'match'];
			if (typeof type !== 'string' || !known.includes(type)) {
				typeErrors++;
				problems.push({
					file: f.path,
					line: src.lineOf(['questions', i, 'type']),
					message: `questions[${i}].type: ${type === undefined ? 'missing' : `"${String(type)}" is not a question type`} — use one of ${known.join(' | ')}${typeof type === 'string' ? didYouMean(type, known) : ''}`,
					severity: 'error'
				});
			}
		});
	}
	if (typeErrors) return null;
	const v = validate(src, quizSchema);
	if ('problems' in v) {
		problems.push(...v.problems);
		return null;
	}
	const quiz = v.data;
	const seen = new Map<string, number>();
	const competencyIds = [...catalog.competencies.keys()];
	const sections = mod ? headings(mod.body).map((h) => h.id) : [];
	quiz.questions.forEach((q, i) => {
		if (q.section !== undefined && mod && !sections.includes(q.section))
			problems.push({
				file: f.path,
				line: src.lineOf(['questions', i, 'section']),
				message: `questions[${i}].section: "${q.section}" is not a heading of ${mod.file}${didYouMean(q.section, sections)} — use the id of a ## or ### heading`,
				severity: 'error'
			});
		const line = src.lineOf(['questions', i, 'id']);
		if (seen.has(q.id))
			problems.push({
				file: f.path,
				line,
				message: `questions[${i}].id: duplicate question id "${q.id}" (also on line ${seen.get(q.id)})`,
				severity: 'error'
			});
		else seen.set(q.id, line);
		q.competencies?.forEach((c, j) => {
			if (!catalog.competencies.has(c))
				problems.push({
					file: f.path,
					line: src.lineOf(['questions', i, 'competencies', j]),
					message: `questions[${i}].competencies[${j}]: unknown competency "${c}"${didYouMean(c, competencyIds)}`,
					severity: 'error'
				});
		});
	});
	return quiz;
}

function checkRoadmap(f: SourceFile, slug: string, catalog: Catalog, problems: Problem[]) {
	const error = (line: number, message: string) =>
		problems.push({ file: f.path, line, message, severity: 'error' });
	const warn = (line: number, message: string) =>
		problems.push({ file: f.path, line, message, severity: 'warning' });
	const parsed = parseYaml(f.path, f.text);
	if ('problems' in parsed) {
		problems.push(...parsed.problems);
		return;
	}
	const v = validate(parsed.source, roadmapSchema);
	if ('problems' in v) {
		problems.push(...v.problems);
		return;
	}
	const rm = v.data;
	const at = (path: PropertyKey[]) => parsed.source.lineOf(path);
	if (rm.id !== slug)
		error(
			at(['id']),
			`id "${rm.id}" differs from the file name "${slug}.yaml" — rename one so they match`
		);
	const other = [...catalog.roadmaps.values()].find((r) => r.id === rm.id);
	if (other) {
		error(at(['id']), `duplicate roadmap id "${rm.id}", also used by ${other.file}`);
		return;
	}
	const moduleIds = [...catalog.modules.keys()];
	// Where each module sits: phase index and position, for prerequisite ordering.
	const position = new Map<string, { phase: number; index: number }>();
	const phaseIds = new Map<string, number>();
	let lastMonth = 0;
	rm.phases.forEach((phase, p) => {
		if (phaseIds.has(phase.id))
			error(at(['phases', p, 'id']), `phases[${p}].id: duplicate phase id "${phase.id}"`);
		phaseIds.set(phase.id, p);
		if (phase.months[0] <= lastMonth)
			error(
				at(['phases', p, 'months']),
				`phases[${p}].months: phases run in order; this one starts in month ${phase.months[0]}, before the previous one ends (month ${lastMonth})`
			);
		lastMonth = phase.months[1];
		phase.modules.forEach((mid, i) => {
			const line = at(['phases', p, 'modules', i]);
			if (!catalog.modules.has(mid))
				error(
					line,
					`phases[${p}].modules[${i}]: unknown module "${mid}"${didYouMean(mid, moduleIds)}`
				);
			else if (position.has(mid))
				error(line, `phases[${p}].modules[${i}]: module "${mid}" is listed twice in this roadmap`);
			else {
				position.set(mid, { phase: p, index: i });
				const list = catalog.roadmapsByModule.get(mid);
				if (list) list.push(rm.id);
				else catalog.roadmapsByModule.set(mid, [rm.id]);
			}
		});
	});
	rm.phases.forEach((phase, p) => {
		phase.modules.forEach((mid, i) => {
			const mod = catalog.modules.get(mid);
			if (!mod || position.get(mid)?.phase !== p || position.get(mid)?.index !== i) return;
			for (const pre of mod.prerequisites) {
				if (!catalog.modules.has(pre)) continue;
				const where = position.get(pre);
				const line = at(['phases', p, 'modules', i]);
				if (!where)
					warn(
						line,
						`phases[${p}].modules[${i}]: "${mid}" requires "${pre}", which is not in this roadmap — learners will have to find it elsewhere`
					);
				else if (where.phase > p)
					error(
						line,
						`phases[${p}].modules[${i}]: "${mid}" requires "${pre}", which only comes in a later phase ("${rm.phases[where.phase]!.id}") — move "${pre}" earlier or "${mid}" later`
					);
				else if (where.phase === p && where.index > i)
					error(
						line,
						`phases[${p}].modules[${i}]: "${mid}" requires "${pre}", which comes after it in the same phase — list "${pre}" first`
					);
			}
		});
	});
	const itemIds = new Set<string>();
	rm.portfolio.forEach((item, k) => {
		if (itemIds.has(item.id))
			error(at(['portfolio', k, 'id']), `portfolio[${k}].id: duplicate item id "${item.id}"`);
		itemIds.add(item.id);
		if (item.phase !== undefined && !phaseIds.has(item.phase))
			error(
				at(['portfolio', k, 'phase']),
				`portfolio[${k}].phase: unknown phase "${item.phase}"${didYouMean(item.phase, phaseIds.keys())}`
			);
		item.requires.forEach((mid, i) => {
			const line = at(['portfolio', k, 'requires', i]);
			if (!catalog.modules.has(mid))
				error(
					line,
					`portfolio[${k}].requires[${i}]: unknown module "${mid}"${didYouMean(mid, moduleIds)}`
				);
			else if (!position.has(mid))
				error(
					line,
					`portfolio[${k}].requires[${i}]: module "${mid}" is not in this roadmap's phases`
				);
		});
	});
	catalog.roadmaps.set(rm.id, { ...rm, file: f.path });
}
