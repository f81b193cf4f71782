// What a cohort's dashboard says of each member (docs/cohorts.md): per module not started, read,
// tried (a quiz taken, not yet passed) or passed, with the best score; readiness, the share of the
// cohort's modules passed; and whether the member is at risk. Pure: rows in, figures out.

/** At risk: under this share of the cohort's modules passed… */
export const AT_RISK_READINESS = 0.25;
/** …and nothing done on them for this many days (counted from joining, if nothing since). */
export const AT_RISK_IDLE_DAYS = 7;

export type ModuleState = 'not-started' | 'read' | 'tried' | 'passed';

export interface ProgressRow {
	user_id: string;
	module_id: string;
	read_at: string | Date | null;
	completed_at: string | Date | null;
	/** Best score share, 0 to 1, or null without an attempt (numeric may arrive as text). */
	best: number | string | null;
}

export interface MemberRow {
	user_id: string;
	display_name: string;
	email: string | null;
	joined_at: string | Date;
	last_activity: string | Date | null;
}

export interface Cell {
	state: ModuleState;
	/** Best score in percent, rounded, or null. */
	best: number | null;
}

export interface MemberProgress {
	userId: string;
	name: string;
	email: string | null;
	joinedAt: Date;
	lastActivity: Date | null;
	cells: Cell[];
	passed: number;
	readiness: number;
	atRisk: boolean;
}

const DAY = 86_400_000;

export function cellOf(row: ProgressRow | undefined): Cell {
	if (!row) return { state: 'not-started', best: null };
	const best =
		row.best === null || row.best === undefined ? null : Math.round(Number(row.best) * 100);
	const state: ModuleState = row.completed_at
		? 'passed'
		: best !== null
			? 'tried'
			: row.read_at
				? 'read'
				: 'not-started';
	return { state, best };
}

/** The documented rule: readiness under 25 % and no activity for 7 days (since joining, at the earliest). */
export function isAtRisk(
	readiness: number,
	lastActivity: Date | null,
	joinedAt: Date,
	now: Date
): boolean {
	if (readiness >= AT_RISK_READINESS) return false;
	const since = Math.max(lastActivity?.getTime() ?? -Infinity, joinedAt.getTime());
	return now.getTime() - since >= AT_RISK_IDLE_DAYS * DAY;
}

/** One line per member: a cell per module of `modules`, in that order. */
export function cohortProgress(
	modules: string[],
	members: MemberRow[],
	rows: ProgressRow[],
	now = new Date()
): MemberProgress[] {
	const byMember = new Map<string, Map<string, ProgressRow>>();
	for (const r of rows) {
		if (!byMember.has(r.user_id)) byMember.set(r.user_id, new Map());
		byMember.get(r.user_id)!.set(r.module_id, r);
	}
	return members.map((m) => {
		const mine = byMember.get(m.user_id);
		const cells = modules.map((id) => cellOf(mine?.get(id)));
		const passed = cells.filter((c) => c.state === 'passed').length;
		const readiness = modules.length ? passed / modules.length : 0;
		const joinedAt = new Date(m.joined_at);
		const lastActivity = m.last_activity ? new Date(m.last_activity) : null;
		return {
			userId: m.user_id,
			name: m.display_name,
			email: m.email,
			joinedAt,
			lastActivity,
			cells,
			passed,
			readiness,
			atRisk: isAtRisk(readiness, lastActivity, joinedAt, now)
		};
	});
}

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
export function csvField(value: string): string {
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
