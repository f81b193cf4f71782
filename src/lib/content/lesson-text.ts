// Checks and measures on a lesson's Markdown body: what mdsvex would misread, and how long it is.

export interface BodyProblem {
	/** 1-based line within the body. */
	line: number;
	message: string;
}

/** The component tags a lesson may use (from src/lib/components/lesson/). */
export const LESSON_COMPONENTS = [
	'TokenCounter',
	'OverlapCalculator',
	'InjectionSpotter',
	'PolicyEvaluator',
	'DriftCalculator',
	'RedactionTester',
	'FlowChecker',
	'ThresholdExplorer',
	'SamplingExplorer',
	'ServingPlanner',
	'PolicyChecker',
	'IntentScorer'
];

/**
 * The lesson components that are exercises: each states a task and says when it is solved. Every
 * roadmap phase has at least one (tests/unit/catalog-guards). A calculator without a task would be
 * left out of this list.
 */
export const EXERCISES: readonly string[] = LESSON_COMPONENTS;

/**
 * Finds characters mdsvex reads as Svelte in prose — `{`, `}` and `<` outside code — which would
 * break the build with an error far from the cause. Code fences, inline code, the `<script>`
 * block and lesson component tags are allowed.
 */
export function lintLesson(body: string): BodyProblem[] {
	const problems: BodyProblem[] = [];
	let fence: string | null = null;
	let inScript = false;
	const lines = body.split('\n');
	lines.forEach((raw, i) => {
		const line = i + 1;
		const f = /^\s*(```+|~~~+)/.exec(raw);
		if (f) {
			if (fence === null) fence = f[1]!;
			else if (f[1]!.startsWith(fence)) fence = null;
			return;
		}
		if (fence !== null) return;
		if (/^\s*<script[\s>]/.test(raw)) inScript = !/<\/script>/.test(raw);
		if (inScript) {
			if (/<\/script>/.test(raw)) inScript = false;
			return;
		}
		if (/^\s*<script[\s>].*<\/script>\s*$/.test(raw) || /^\s*<!--.*-->\s*$/.test(raw)) return;
		const prose = raw.replace(/(`+)[\s\S]*?\1/g, '');
		if (
			/^\s*\|/.test(raw) &&
			/^\s*\|?\s*:?-{3,}/.test(lines[i + 1] ?? '') &&
			raw
				.split('|')
				.slice(1, -1)
				.some((c) => !c.trim())
		)
			problems.push({
				line,
				message: 'a table header cell is empty — give every column a heading, for screen readers'
			});
		const component = new RegExp(`^\\s*<(${LESSON_COMPONENTS.join('|')})(\\s[^>]*)?/>\\s*$`);
		if (component.test(prose)) return;
		const tag = /<([A-Za-z][\w-]*)/.exec(prose);
		if (/[{}]/.test(prose))
			problems.push({
				line,
				message:
					'a brace in prose is read as Svelte code — put it in `backticks`, or write &#123; / &#125;'
			});
		else if (tag)
			problems.push({
				line,
				message: /^[A-Z]/.test(tag[1]!)
					? `unknown component <${tag[1]}> — lesson components are ${LESSON_COMPONENTS.join(', ')}`
					: `raw HTML <${tag[1]}> in a lesson — use Markdown, or put it in \`backticks\` if it is an example`
			});
	});
	return problems;
}

/** Words of prose: the body without code blocks, inline code markers, markup or link targets. */
export function proseWords(body: string): number {
	const text = body
		.replace(/^\s*(```+|~~~+)[\s\S]*?^\s*\1\s*$/gm, ' ')
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<!--[\s\S]*?-->/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/[#*_>`|[\]-]/g, ' ');
	return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** The fewest words a model answer may have: enough to name the key points a learner checks. */
export const MODEL_ANSWER_MIN_WORDS = 25;

/**
 * The "Check yourself" section: each list item is a question, and the paragraphs indented under
 * it after a blank line are its model answer (rendered folded, in a `<details>`). Problems: no such
 * section, an item with no model answer, or one too short to grade oneself against.
 */
export function checkYourself(body: string, heading = 'Check yourself'): BodyProblem[] {
	return readCheckYourself(body, heading).problems;
}

/** The lesson without the model answers of "Check yourself": what a reader reads unfolded. */
export function withoutModelAnswers(body: string): string {
	const { answerLines } = readCheckYourself(body);
	return body
		.split('\n')
		.filter((_, i) => !answerLines.has(i + 1))
		.join('\n');
}

function readCheckYourself(
	body: string,
	heading = 'Check yourself'
): { problems: BodyProblem[]; answerLines: Set<number> } {
	const answerLines = new Set<number>();
	const fail = (problems: BodyProblem[]) => ({ problems, answerLines });
	const lines = body.split('\n');
	const start = lines.findIndex(
		(l) => /^##\s+/.test(l) && l.replace(/^##\s+/, '').trim() === heading
	);
	if (start < 0)
		return fail([
			{
				line: 1,
				message:
					'no "## Check yourself" section — end the lesson with 3–5 questions, each with a model answer'
			}
		]);
	let end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l));
	if (end < 0) end = lines.length;
	const items: { line: number; question: string[]; answer: string[] }[] = [];
	let blank = false;
	for (let i = start + 1; i < end; i++) {
		const raw = lines[i]!;
		const item = /^(?:[-*]|\d+[.)])\s+(.*)$/.exec(raw);
		const last = items[items.length - 1];
		if (item) items.push({ line: i + 1, question: [item[1]!], answer: [] });
		else if (!raw.trim()) {
			blank = true;
			continue;
		} else if (last && (last.answer.length > 0 || blank) && /^\s{2,}\S/.test(raw)) {
			last.answer.push(raw);
			answerLines.add(i + 1);
		} else if (last && !blank) (last.answer.length ? last.answer : last.question).push(raw);
		else
			return fail([
				{
					line: i + 1,
					message:
						'text in "Check yourself" outside its list — indent a model answer by two spaces under its question'
				}
			]);
		blank = false;
	}
	if (items.length === 0)
		return fail([
			{ line: start + 1, message: '"Check yourself" has no questions — list 3–5 of them' }
		]);
	const problems: BodyProblem[] = [];
	for (const it of items) {
		const words = proseWords(it.answer.join('\n'));
		if (words === 0)
			problems.push({
				line: it.line,
				message:
					'this "Check yourself" question has no model answer — add one under it, after a blank line, indented by two spaces'
			});
		else if (words < MODEL_ANSWER_MIN_WORDS)
			problems.push({
				line: it.line,
				message: `this model answer has ${words} words — give the key points a learner can check their answer against (at least ${MODEL_ANSWER_MIN_WORDS})`
			});
	}
	return { problems, answerLines };
}
