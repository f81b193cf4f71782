import type { Problem } from './problems';

/** Splits `---\nyaml\n---\nbody`; lines are 1-based, so the YAML starts on line 2. */
export function splitFrontmatter(
	file: string,
	text: string
): { yaml: string; body: string; bodyLine: number } | { problem: Problem } {
	const lines = text.split(/\r?\n/);
	if (lines[0]?.trim() !== '---') {
		return {
			problem: {
				file,
				line: 1,
				message:
					'missing frontmatter: the file must start with a line "---", the module\'s fields in YAML, and another "---"',
				severity: 'error'
			}
		};
	}
	const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
	if (end === -1) {
		return {
			problem: {
				file,
				line: 1,
				message: 'unterminated frontmatter: no closing "---" line after the fields',
				severity: 'error'
			}
		};
	}
	return {
		yaml: lines.slice(1, end).join('\n'),
		body: lines.slice(end + 1).join('\n'),
		bodyLine: end + 2
	};
}
