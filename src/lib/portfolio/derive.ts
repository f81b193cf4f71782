// A learner's portfolio for one roadmap: a pure function of the roadmap, their module progress, best
// quiz scores and recorded evidence. Nothing is stored; the view is derived on every read, so a
// roadmap edited after a learner started is simply read as it is now.
//
// Decisions:
// - Evidence counts: an evidence item with evidence is `done` even when its `requires` are no longer
//   completed (e.g. the roadmap changed after it was recorded); `missing` still says what is not.
// - `min_score` applies to every kind: it is part of "the modules in `requires` are completed".
// - A `phase` item counts the phase's modules plus any `requires` it also lists.
// - `knownModules`, when given, drops unknown module ids from `requires` and from phases, as if they
//   were not listed. A phase/modules item left with nothing to check stays `todo`: it is never
//   earned without doing anything.
// - Overall readiness is over portfolio items, not modules (module progress is per phase).
// - Several evidence records for one item: the most recently updated one is used.
import type { PortfolioItem, Roadmap } from '../content/schema';
import { EVIDENCE_KINDS as KINDS } from './kinds';

export interface ProgressInput {
	module_id: string;
	status: 'started' | 'completed';
	completed_at: string | Date | null;
}
export interface ScoreInput {
	module_id: string;
	/** Best score share, 0–1. */
	best: number;
}
export interface EvidenceInput {
	item_id: string;
	url: string | null;
	note: string;
	credential_id: string | null;
	/** YYYY-MM-DD */
	achieved_on: string;
	updated_at: string | Date;
}

export type ItemState = 'locked' | 'todo' | 'done';

export interface ItemView {
	id: string;
	title: string;
	kind: PortfolioItem['kind'];
	description: string;
	state: ItemState;
	/** Modules not completed. */
	missing: string[];
	/** Modules completed, but whose best score is under `min_score` (or never attempted). */
	below: { module_id: string; best: number | null; min: number }[];
	/** YYYY-MM-DD, UTC. */
	done_on: string | null;
	evidence: EvidenceInput | null;
	requires: string[];
	phase?: string;
	min_score?: number;
}

export interface Readiness {
	done: number;
	total: number;
	share: number;
}

export interface PortfolioView {
	roadmap_id: string;
	items: ItemView[];
	phases: ({ id: string; title: string } & Readiness)[];
	readiness: Readiness;
	/** What to do next: items waiting for evidence, then those fewest modules away; at most 3. */
	next: ItemView[];
	/** Evidence for items no longer in the roadmap. */
	orphanEvidence: EvidenceInput[];
}

const EVIDENCE_KINDS: ReadonlySet<string> = new Set(KINDS);
const NEXT_MAX = 3;
// Shares are ratios such as 2.4/3 that float arithmetic puts just under 0.8.
const EPSILON = 1e-9;

/** YYYY-MM-DD in UTC, or null for a missing or unreadable date. */
export function toDay(value: string | Date | null | undefined): string | null {
	if (value == null) return null;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
	const d = value instanceof Date ? value : new Date(value);
	return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

const latest = (days: (string | null)[]): string | null =>
	days.reduce<string | null>((a, b) => (b !== null && (a === null || b > a) ? b : a), null);

const ratio = (done: number, total: number): Readiness => ({
	done,
	total,
	share: total === 0 ? 0 : done / total
});

export function derivePortfolio(
	roadmap: Roadmap,
	progress: ProgressInput[],
	scores: ScoreInput[],
	evidence: EvidenceInput[],
	knownModules?: ReadonlySet<string>
): PortfolioView {
	const known = (ids: string[]) => (knownModules ? ids.filter((m) => knownModules.has(m)) : ids);

	const completedOn = new Map<string, string | null>();
	for (const p of progress) {
		if (p.status !== 'completed') continue;
		completedOn.set(
			p.module_id,
			latest([completedOn.get(p.module_id) ?? null, toDay(p.completed_at)])
		);
	}
	const best = new Map<string, number>();
	for (const s of scores) best.set(s.module_id, Math.max(best.get(s.module_id) ?? 0, s.best));

	const itemIds = new Set(roadmap.portfolio.map((i) => i.id));
	const evidenceFor = new Map<string, EvidenceInput>();
	const orphanEvidence: EvidenceInput[] = [];
	for (const e of evidence) {
		if (!itemIds.has(e.item_id)) {
			orphanEvidence.push(e);
			continue;
		}
		const prev = evidenceFor.get(e.item_id);
		if (!prev || new Date(e.updated_at).getTime() > new Date(prev.updated_at).getTime()) {
			evidenceFor.set(e.item_id, e);
		}
	}

	const phaseModules = new Map(roadmap.phases.map((p) => [p.id, known(p.modules)]));

	const items = roadmap.portfolio.map((item): ItemView => {
		const requires = known(item.requires);
		const modules =
			item.kind === 'phase'
				? [...new Set([...(phaseModules.get(item.phase ?? '') ?? []), ...requires])]
				: requires;
		const missing = modules.filter((m) => !completedOn.has(m));
		const below: ItemView['below'] = [];
		if (item.min_score !== undefined) {
			for (const m of modules) {
				const b = best.get(m) ?? null;
				if (completedOn.has(m) && (b === null || b < item.min_score - EPSILON)) {
					below.push({ module_id: m, best: b, min: item.min_score });
				}
			}
		}
		const met = missing.length === 0 && below.length === 0;
		const ev = evidenceFor.get(item.id) ?? null;

		let state: ItemState;
		let done_on: string | null = null;
		if (EVIDENCE_KINDS.has(item.kind)) {
			state = ev ? 'done' : met ? 'todo' : 'locked';
			done_on = ev ? toDay(ev.achieved_on) : null;
		} else {
			state = met && modules.length > 0 ? 'done' : 'todo';
			if (state === 'done') done_on = latest(modules.map((m) => completedOn.get(m) ?? null));
		}

		return {
			id: item.id,
			title: item.title,
			kind: item.kind,
			description: item.description,
			state,
			missing,
			below,
			done_on,
			evidence: ev,
			requires,
			...(item.phase !== undefined && { phase: item.phase }),
			...(item.min_score !== undefined && { min_score: item.min_score })
		};
	});

	const phases = roadmap.phases.map((p) => {
		const modules = phaseModules.get(p.id) ?? [];
		return {
			id: p.id,
			title: p.title,
			...ratio(modules.filter((m) => completedOn.has(m)).length, modules.length)
		};
	});

	return {
		roadmap_id: roadmap.id,
		items,
		phases,
		readiness: ratio(items.filter((i) => i.state === 'done').length, items.length),
		next: nextItems(items),
		orphanEvidence
	};
}

/**
 * Items waiting only for evidence come first, in roadmap order; then the items that are fewest
 * modules away (to complete, or to score higher in). Phase and modules items still short of their
 * modules rank with locked items: they too become reachable as modules are completed.
 */
function nextItems(items: ItemView[]): ItemView[] {
	const distance = (i: ItemView) => i.missing.length + i.below.length;
	const waiting = items.filter((i) => i.state === 'todo' && EVIDENCE_KINDS.has(i.kind));
	const away = items
		.filter((i) => i.state === 'locked' || (i.state === 'todo' && distance(i) > 0))
		.sort((a, b) => distance(a) - distance(b));
	return [...waiting, ...away].slice(0, NEXT_MAX);
}
