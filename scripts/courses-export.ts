// npm run courses:export -- <module-id> [--out file.gift] — a module's quiz as Moodle GIFT, on
// stdout or in a file. What GIFT cannot carry is reported on stderr as file:line.
import { writeFileSync } from 'node:fs';
import { checkCatalog } from '../src/lib/content/catalog';
import { quizToGift } from '../src/lib/content/gift/export';
import { didYouMean, formatProblem } from '../src/lib/content/problems';
import { parseYaml } from '../src/lib/content/yaml';
import { readCourseFiles } from './catalog-files';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt === -1 ? undefined : args[outAt + 1];
const rest = outAt === -1 ? args : args.filter((_, i) => i !== outAt && i !== outAt + 1);
const [id, ...extra] = rest;
if (!id || extra.length || (outAt !== -1 && !out)) {
	console.error('usage: npm run courses:export -- <module-id> [--out file.gift]');
	process.exit(2);
}
const files = readCourseFiles(process.cwd());
const { catalog, problems } = checkCatalog(files);
const mod = catalog.modules.get(id);
if (!mod) {
	console.error(`No module "${id}"${didYouMean(id, catalog.modules.keys())}`);
	process.exit(1);
}
const quizPath = mod.file.replace(/index\.md$/, 'quiz.yaml');
const quiz = catalog.quizzes.get(id);
if (!quiz) {
	for (const p of problems.filter((p) => p.file === quizPath)) console.error(formatProblem(p));
	console.error(`The quiz of "${id}" has errors: fix them first (npm run courses:check).`);
	process.exit(1);
}
const source = parseYaml(quizPath, files.find((f) => f.path === quizPath)!.text);
const lineOf = (i: number) => ('source' in source ? source.source.lineOf(['questions', i]) : 1);
const result = quizToGift(quiz, mod, lineOf);
if (out) writeFileSync(out, result.gift);
else process.stdout.write(result.gift);
for (const n of result.notes) console.error(`${quizPath}:${n.line}: ${n.kind}: ${n.message}`);
const skipped = result.notes.filter((n) => n.kind === 'skipped').length;
console.error(
	`Exported ${result.exported} of ${quiz.questions.length} questions of "${id}" (${skipped} skipped) to ${out ?? 'standard output'}.`
);
