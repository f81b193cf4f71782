// Progress summaries: pure functions of a roadmap's phases and a learner's module statuses.

/** Only a passed quiz makes a module `completed`; `read` is what a learner records themselves. */
export type Status = 'started' | 'read' | 'completed';
export type Statuses = Record<string, Status | undefined>;

export interface Tally {
	done: number;
	total: number;
}

export function tally(modules: string[], statuses: Statuses): Tally {
	return { done: modules.filter((m) => statuses[m] === 'completed').length, total: modules.length };
}

export function share({ done, total }: Tally): number {
	return total === 0 ? 0 : done / total;
}

export interface RoadmapProgress {
	phases: { id: string; tally: Tally }[];
	overall: Tally;
	/** Where to go on: the first module, in roadmap order, that is not completed; null when all are. */
	next: string | null;
}

export function roadmapProgress(
	phases: { id: string; modules: string[] }[],
	statuses: Statuses
): RoadmapProgress {
	const all = phases.flatMap((p) => p.modules);
	return {
		phases: phases.map((p) => ({ id: p.id, tally: tally(p.modules, statuses) })),
		overall: tally(all, statuses),
		next: all.find((m) => statuses[m] !== 'completed') ?? null
	};
}

/**
 * "Continue where you left off": the module last opened and not yet completed, if any; otherwise
 * the next module of the first roadmap the learner follows that still has one.
 */
export function continueWith(
	recent: { module_id: string; status: Status }[],
	followed: { modules: string[] }[],
	statuses: Statuses,
	exists: (id: string) => boolean
): string | null {
	const open = recent.find((r) => r.status === 'started' && exists(r.module_id));
	if (open) return open.module_id;
	for (const r of followed) {
		const next = r.modules.find((m) => statuses[m] !== 'completed');
		if (next) return next;
	}
	return null;
}

/** How a module stands for a learner on a roadmap's graph. */
export type ModuleState = 'done' | 'progress' | 'locked' | 'open';

/** Done: passed. In progress: opened or read. Locked: a prerequisite not passed yet. Else open. */
export function moduleState(
	id: string,
	prerequisites: readonly string[],
	statuses: Statuses
): ModuleState {
	const s = statuses[id];
	if (s === 'completed') return 'done';
	if (s === 'started' || s === 'read') return 'progress';
	return prerequisites.some((p) => statuses[p] !== 'completed') ? 'locked' : 'open';
}
