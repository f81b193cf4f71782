import { analysisOf, MIN_LEARNERS } from '$lib/server/teach/analysis';
import type { QuestionStats } from '$lib/teach/item-analysis';
import { m } from '$lib/paraglide/messages';

/** The columns a table can be sorted by, with their labels. */
const SORTS = {
	order: m.teach_analysis_sort_order,
	attempts: m.teach_analysis_sort_attempts,
	facility: m.teach_analysis_sort_facility,
	sd: m.teach_analysis_sort_sd,
	randomGuess: m.teach_analysis_sort_random_guess,
	intendedWeight: m.teach_analysis_sort_intended_weight,
	effectiveWeight: m.teach_analysis_sort_effective_weight,
	discriminationIndex: m.teach_analysis_sort_discrimination_index,
	discriminativeEfficiency: m.teach_analysis_sort_discriminative_efficiency
} as const;
type Sort = keyof typeof SORTS;

/** The prompt as a short line of plain text: the preview, linked, has the whole of it. */
const plain = (markdown: string, max = 90) => {
	const text = markdown
		.replace(/[`*_[\]]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
};

export async function load({ params, locals, url }) {
	const cohort = url.searchParams.get('cohort');
	const { module, quiz, result } = await analysisOf(locals, params.id, undefined, cohort);
	const sortParam = url.searchParams.get('sort') ?? 'order';
	const sort: Sort = sortParam in SORTS ? (sortParam as Sort) : 'order';
	const dir = url.searchParams.get('dir') === 'desc' ? 'desc' : 'asc';
	const prompts = new Map(
		quiz.questions.map((q, i) => [q.id, { n: i + 1, type: q.type, prompt: plain(q.prompt) }])
	);
	let rows: (QuestionStats & { n: number; type: string; prompt: string })[] = [];
	if (result.state === 'ready') {
		rows = result.analysis.questions.map((q) => ({ ...q, ...prompts.get(q.questionId)! }));
		if (sort !== 'order') {
			// Nulls last whichever the direction: a figure that cannot be computed is not the smallest.
			const key = (r: (typeof rows)[number]) => r[sort] as number | null;
			rows.sort((a, b) => {
				const [x, y] = [key(a), key(b)];
				if (x === null || y === null) return x === y ? a.n - b.n : x === null ? 1 : -1;
				return (dir === 'asc' ? x - y : y - x) || a.n - b.n;
			});
		} else if (dir === 'desc') rows.reverse();
	}
	return {
		module,
		cohort,
		minLearners: MIN_LEARNERS,
		state: result.state,
		learners: result.state === 'not-instructor' ? 0 : result.learners,
		quiz: result.state === 'ready' ? result.analysis.quiz : null,
		rows,
		sort,
		dir,
		sorts: Object.entries(SORTS).map(([id, label]) => ({ id, label: label() }))
	};
}
