import type { SourceFile } from '../catalog';
import { didYouMean } from '../problems';
import { roadmapSchema, type Roadmap } from '../schema';
import { parseYaml, validate } from '../yaml';
import { push, type CheckContext } from './context';

const ROADMAP_FILE = /^courses\/roadmaps\/([^/]+)\.yaml$/;

/** Each courses/roadmaps/<job>.yaml: its phases in order, their modules, its portfolio. */
export function checkRoadmaps(ctx: CheckContext) {
	for (const f of ctx.files) {
		if (!f.path.startsWith('courses/roadmaps/')) continue;
		const m = ROADMAP_FILE.exec(f.path);
		if (!m) ctx.error(f.path, 1, 'a roadmap is a file courses/roadmaps/<job>.yaml');
		else checkRoadmap(ctx, f, m[1]!);
	}
}

type At = (path: PropertyKey[]) => number;
type Report = (line: number, message: string) => void;
/** Where each module sits in the roadmap: phase index and position, for prerequisite ordering. */
type Positions = Map<string, { phase: number; index: number }>;

function checkRoadmap(ctx: CheckContext, f: SourceFile, slug: string) {
	const error: Report = (line, message) => ctx.error(f.path, line, message);
	const parsed = parseYaml(f.path, f.text);
	if ('problems' in parsed) {
		ctx.problems.push(...parsed.problems);
		return;
	}
	const v = validate(parsed.source, roadmapSchema);
	if ('problems' in v) {
		ctx.problems.push(...v.problems);
		return;
	}
	const rm = v.data;
	const at: At = (path) => parsed.source.lineOf(path);
	if (rm.id !== slug)
		error(
			at(['id']),
			`id "${rm.id}" differs from the file name "${slug}.yaml" — rename one so they match`
		);
	const other = [...ctx.catalog.roadmaps.values()].find((r) => r.id === rm.id);
	if (other) {
		error(at(['id']), `duplicate roadmap id "${rm.id}", also used by ${other.file}`);
		return;
	}
	const { position, phaseIds } = checkPhases(ctx, rm, at, error);
	checkOrder(ctx, rm, position, at, error, (line, message) => ctx.warn(f.path, line, message));
	checkPortfolio(ctx, rm, position, phaseIds, at, error);
	ctx.catalog.roadmaps.set(rm.id, { ...rm, file: f.path });
}

function checkPhases(ctx: CheckContext, rm: Roadmap, at: At, error: Report) {
	const moduleIds = [...ctx.lessons.keys()];
	const position: Positions = new Map();
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
			if (!ctx.lessons.has(mid))
				error(
					line,
					`phases[${p}].modules[${i}]: unknown module "${mid}"${didYouMean(mid, moduleIds)}`
				);
			else if (position.has(mid))
				error(line, `phases[${p}].modules[${i}]: module "${mid}" is listed twice in this roadmap`);
			else {
				position.set(mid, { phase: p, index: i });
				ctx.placed.add(mid);
				if (ctx.catalog.modules.has(mid)) push(ctx.catalog.roadmapsByModule, mid, rm.id);
			}
		});
	});
	return { position, phaseIds };
}

/** A module comes after its prerequisites: an earlier phase, or earlier in the same phase. */
function checkOrder(
	ctx: CheckContext,
	rm: Roadmap,
	position: Positions,
	at: At,
	error: Report,
	warn: Report
) {
	rm.phases.forEach((phase, p) => {
		phase.modules.forEach((mid, i) => {
			const lesson = ctx.lessons.get(mid);
			if (!lesson || position.get(mid)?.phase !== p || position.get(mid)?.index !== i) return;
			for (const pre of lesson.fields.prerequisites ?? []) {
				if (!ctx.lessons.has(pre)) continue;
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
}

function checkPortfolio(
	ctx: CheckContext,
	rm: Roadmap,
	position: Positions,
	phaseIds: Map<string, number>,
	at: At,
	error: Report
) {
	const moduleIds = [...ctx.lessons.keys()];
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
			if (!ctx.lessons.has(mid))
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
}
