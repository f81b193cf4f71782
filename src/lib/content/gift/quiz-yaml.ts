// The imported quiz as quiz.yaml, and its check by the catalog's own rules (the same checkCatalog
// that courses:check runs), with each problem located back on the GIFT line it came from.
import { stringify } from 'yaml';
import { checkCatalog, type SourceFile } from '../catalog';
import { parseYaml } from '../yaml';
import type { DraftQuestion } from './import';

export function quizYaml(
	settings: Record<string, unknown>,
	questions: DraftQuestion[],
	source: string
): string {
	const header =
		`# Imported from ${source} by npm run courses:import. Read on the server only.\n` +
		'# Format: docs/authoring.md\n';
	return header + stringify({ ...settings, questions }, { lineWidth: 100 });
}

/**
 * Checks the catalog with `overrides` (path → text) laid over `files`, and returns the errors of
 * the overridden files. Errors in `quizPath` are placed on the GIFT line of their question.
 */
export function checkImport(
	files: SourceFile[],
	overrides: Map<string, string>,
	quizPath: string,
	giftLines: number[]
): { line: number; message: string; yamlLine?: number; file?: string }[] {
	const merged = new Map(files.map((f) => [f.path, f.text]));
	for (const [p, t] of overrides) merged.set(p, t);
	const { problems } = checkCatalog([...merged].map(([path, text]) => ({ path, text })));
	const parsed = parseYaml(quizPath, overrides.get(quizPath) ?? '');
	const starts =
		'source' in parsed ? giftLines.map((_, i) => parsed.source.lineOf(['questions', i])) : [];
	const out: { line: number; message: string; yamlLine?: number; file?: string }[] = [];
	for (const p of problems) {
		if (p.severity !== 'error' || !overrides.has(p.file)) continue;
		if (p.file !== quizPath) {
			out.push({ line: p.line, message: p.message, file: p.file });
			continue;
		}
		let q = -1;
		starts.forEach((s, i) => {
			if (s <= p.line) q = i;
		});
		out.push({ line: q === -1 ? 1 : giftLines[q]!, message: p.message, yamlLine: p.line });
	}
	return out;
}
