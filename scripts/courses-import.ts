// npm run courses:import -- <file.gift> <area>/<slug> [--force] — a Moodle GIFT file becomes the
// module's quiz.yaml (and the module is scaffolded as courses:new does when it does not exist yet).
// Everything Jalons cannot hold is reported as file:line: skipped|approximated: why.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { checkCatalog } from '../src/lib/content/catalog';
import { DEFAULT_SETTINGS, giftToQuiz, settingsSchema } from '../src/lib/content/gift/import';
import { parseGift } from '../src/lib/content/gift/parse';
import { checkImport, quizYaml } from '../src/lib/content/gift/quiz-yaml';
import { decodeUtf8 } from '../src/lib/content/gift/utf8';
import { readCourseFiles } from './catalog-files';
import { defaultCompetency, lessonTemplate, parseModuleArg } from './module-scaffold';

const root = process.cwd();
const args = process.argv.slice(2);
const force = args.includes('--force');
const [file, target, ...extra] = args.filter((a) => a !== '--force');
const parsed = parseModuleArg(target ?? '');
if (!file || !parsed || extra.length) {
	console.error('usage: npm run courses:import -- <file.gift> <area>/<slug> [--force]');
	console.error('   e.g. npm run courses:import -- bank.gift prompt-engineering/few-shot-prompts');
	process.exit(2);
}
const fail = (lines: string[]) => {
	for (const l of lines) console.error(l);
	console.error('Nothing was written.');
	process.exit(1);
};
const { area, slug } = parsed;

let bytes: Uint8Array;
try {
	bytes = readFileSync(file);
} catch (e) {
	fail([`${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`]);
	process.exit(1);
}
const decoded = decodeUtf8(bytes);
if (!('text' in decoded)) fail([`${file}:${decoded.line}: ${decoded.message}`]);
const text = (decoded as { text: string }).text;

const gift = parseGift(text);
if (gift.errors.length) fail(gift.errors.map((e) => `${file}:${e.line}: error: ${e.message}`));

const files = readCourseFiles(root);
const { catalog } = checkCatalog(files);
const result = giftToQuiz(gift.items, new Set(catalog.competencies.keys()));
if (result.errors.length)
	fail(
		result.errors
			.sort((a, b) => a.line - b.line)
			.map((e) => `${file}:${e.line}: error: ${e.message}`)
	);

const dir = `courses/modules/${area}/${slug}`;
const lessonPath = `${dir}/index.md`;
const quizPath = `${dir}/quiz.yaml`;
const existing = catalog.modules.get(slug);
if (existing && existing.file !== lessonPath)
	fail([`A module "${slug}" already exists in another area: ${existing.file}`]);
if (existsSync(join(root, quizPath)) && !force)
	fail([`${quizPath} already exists: add --force to replace its questions with the GIFT file's.`]);

// A replaced quiz keeps its settings (pass, draw, attempts…) unless the GIFT file gives its own.
let settings = result.settings;
const previous = files.find((f) => f.path === quizPath);
if (previous && !result.settingsGiven) {
	let data: unknown = null;
	try {
		data = parse(previous.text);
	} catch {
		// An unreadable quiz keeps nothing: the imported one starts from the defaults.
	}
	const { questions: _, ...old } = (data ?? {}) as Record<string, unknown>;
	void _;
	const kept = settingsSchema.safeParse(old);
	if (kept.success) settings = { ...DEFAULT_SETTINGS, ...kept.data };
}
const overrides = new Map<string, string>();
overrides.set(quizPath, quizYaml(settings, result.questions, file.split(/[\\/]/).pop()!));
const scaffold = !files.some((f) => f.path === lessonPath);
if (scaffold) {
	const competency = defaultCompetency(catalog, area);
	if (!competency) fail(['courses/competencies.yaml defines no competency yet: add one first.']);
	overrides.set(
		lessonPath,
		lessonTemplate(area, slug, competency!, new Date().toISOString().slice(0, 10))
	);
}

const problems = checkImport(files, overrides, quizPath, result.lines);
if (problems.length)
	fail(
		problems.map((p) =>
			p.file
				? `${p.file}:${p.line}: error: ${p.message}`
				: `${file}:${p.line}: error: ${p.message} (${quizPath} line ${p.yamlLine})`
		)
	);

for (const n of result.notes.sort((a, b) => a.line - b.line))
	console.log(`${file}:${n.line}: ${n.kind}: ${n.message}`);
for (const [path, content] of overrides) {
	mkdirSync(dirname(join(root, path)), { recursive: true });
	writeFileSync(join(root, path), content);
}
const count = (kind: string) => result.notes.filter((n) => n.kind === kind).length;
console.log(
	`\nWrote ${quizPath}: ${result.questions.length} question${result.questions.length === 1 ? '' : 's'} ` +
		`(${count('skipped')} skipped, ${count('approximated')} approximated — listed above).`
);
if (scaffold)
	console.log(
		`Created ${lessonPath} as courses:new does: fill in its frontmatter and lesson, and add the module to a roadmap.`
	);
console.log('Review the questions, then run npm run courses:check.');
