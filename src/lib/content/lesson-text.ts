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
	'PolicyEvaluator'
];

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
