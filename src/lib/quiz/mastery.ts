// Mastery per competency, from the learner's quiz results. Pure.
//
// For each question, only the learner's most recent result counts (what they know now, not what
// they once got wrong). A competency's mastery is the points earned over the points available across
// the questions tagged with it (a question's own `competencies`, else its module's) that the learner
// has answered; `answered` and `total` say how much of the competency's question pool that covers.

export interface AttemptResults {
	module_id: string;
	results: Record<string, { score: number; max: number }>;
	submitted_at: string | Date;
}

export interface Mastery {
	/** Earned / available points over answered questions, 0–1; null when nothing is answered yet. */
	share: number | null;
	answered: number;
	total: number;
}

/** question key `module/question` → its competencies, for every question of the catalog. */
export type QuestionTags = Map<string, string[]>;

export function mastery(attempts: AttemptResults[], tags: QuestionTags): Map<string, Mastery> {
	const latest = new Map<string, { score: number; max: number; at: number }>();
	for (const a of attempts) {
		const at = new Date(a.submitted_at).getTime();
		for (const [qid, r] of Object.entries(a.results)) {
			const key = `${a.module_id}/${qid}`;
			const seen = latest.get(key);
			if (tags.has(key) && (!seen || seen.at < at))
				latest.set(key, { score: r.score, max: r.max, at });
		}
	}
	const out = new Map<string, Mastery & { earned: number; available: number }>();
	for (const [key, competencies] of tags) {
		for (const c of competencies) {
			const m = out.get(c) ?? { share: null, answered: 0, total: 0, earned: 0, available: 0 };
			m.total++;
			const r = latest.get(key);
			if (r) {
				m.answered++;
				m.earned += Math.min(r.score, r.max);
				m.available += r.max;
				m.share = m.available > 0 ? m.earned / m.available : null;
			}
			out.set(c, m);
		}
	}
	return new Map(
		[...out].map(([c, { share, answered, total }]) => [c, { share, answered, total }])
	);
}
