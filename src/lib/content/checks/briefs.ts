import { briefKey, briefSchema } from '../brief';
import { didYouMean } from '../problems';
import { parseYaml, validate } from '../yaml';
import type { CheckContext } from './context';

const BRIEF_FILE = /^courses\/briefs\/([^/]+)\/([^/]+)\.yaml$/;

/**
 * courses/briefs/<roadmap>/<item>.yaml: one brief for each `project` item, and none for anything
 * else. Runs after the roadmaps, whose items it checks against.
 */
export function checkBriefs(ctx: CheckContext) {
	const found = new Set<string>();
	for (const f of ctx.files) {
		if (!f.path.startsWith('courses/briefs/')) continue;
		const m = BRIEF_FILE.exec(f.path);
		if (!m) {
			ctx.error(f.path, 1, 'a brief is a file courses/briefs/<roadmap>/<project item>.yaml');
			continue;
		}
		const [, roadmapId, itemId] = m as unknown as [string, string, string];
		const roadmap = ctx.catalog.roadmaps.get(roadmapId);
		if (!roadmap) {
			ctx.error(
				f.path,
				1,
				`unknown roadmap "${roadmapId}" (the folder names a roadmap of courses/roadmaps/)${didYouMean(roadmapId, ctx.catalog.roadmaps.keys())}`
			);
			continue;
		}
		const item = roadmap.portfolio.find((i) => i.id === itemId);
		if (!item) {
			ctx.error(
				f.path,
				1,
				`roadmap "${roadmapId}" has no portfolio item "${itemId}"${didYouMean(
					itemId,
					roadmap.portfolio.filter((i) => i.kind === 'project').map((i) => i.id)
				)}`
			);
			continue;
		}
		if (item.kind !== 'project') {
			ctx.error(f.path, 1, `"${itemId}" is a ${item.kind} item: only project items have a brief`);
			continue;
		}
		found.add(briefKey(roadmapId, itemId));
		const parsed = parseYaml(f.path, f.text);
		if ('problems' in parsed) {
			ctx.problems.push(...parsed.problems);
			continue;
		}
		const v = validate(parsed.source, briefSchema);
		if ('problems' in v) {
			ctx.problems.push(...v.problems);
			continue;
		}
		const brief = v.data;
		const at = parsed.source.lineOf;
		let ok = true;
		const ids = new Set<string>();
		brief.rubric.forEach((c, k) => {
			if (ids.has(c.id)) {
				ok = false;
				ctx.error(
					f.path,
					at(['rubric', k, 'id']),
					`rubric[${k}].id: duplicate criterion id "${c.id}"`
				);
			}
			ids.add(c.id);
		});
		// The project's phase is the last one its modules belong to: the milestones fit its hours.
		const phase = roadmap.phases.findLast((p) =>
			item.requires.some((mid) => p.modules.includes(mid))
		);
		const hours = brief.milestones.reduce((n, s) => n + s.hours, 0);
		if (phase?.hours !== undefined && hours > phase.hours) {
			ok = false;
			ctx.error(
				f.path,
				at(['milestones']),
				`milestones: ${hours} h in all, more than the ${phase.hours} h of the "${phase.id}" phase this project belongs to — cut the scope or the hours`
			);
		}
		if (ok) ctx.catalog.briefs.set(briefKey(roadmapId, itemId), brief);
	}
	for (const [roadmapId, roadmap] of ctx.catalog.roadmaps)
		for (const item of roadmap.portfolio)
			if (item.kind === 'project' && !found.has(briefKey(roadmapId, item.id)))
				ctx.error(
					roadmap.file,
					lineOfItem(ctx, roadmap.file, item.id),
					`project item "${item.id}" has no brief: add courses/briefs/${roadmapId}/${item.id}.yaml`
				);
}

/** The line of `- id: <item>` in a roadmap file (the roadmap check kept no positions). */
function lineOfItem(ctx: CheckContext, file: string, itemId: string): number {
	const lines = (ctx.files.find((f) => f.path === file)?.text ?? '').split('\n');
	const start = Math.max(
		0,
		lines.findIndex((l) => /^portfolio:/.test(l))
	);
	const item = new RegExp(`^\\s*-?\\s*id:\\s*["']?${itemId}["']?\\s*$`);
	const i = lines.findIndex((l, n) => n > start && item.test(l));
	return i < 0 ? start + 1 : i + 1;
}
