// npm run courses:new -- <area>/<slug> — scaffolds a module (lesson + quiz) that passes courses:check.
// npm run courses:new -- --fr <module id | English file> — scaffolds its French translation files.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalog } from '../src/lib/content/catalog';
import { formatProblem } from '../src/lib/content/problems';
import { readCourseFiles } from './catalog-files';
import { todayFromEnv } from './today';
import { defaultCompetency, lessonTemplate, parseModuleArg, quizTemplate } from './module-scaffold';
import { scaffoldFrench } from './translation-scaffold';

const root = process.cwd();
if (process.argv[2] === '--fr') {
	scaffoldFrench(root, process.argv[3] ?? '');
	process.exit(0);
}
const parsed = parseModuleArg(process.argv[2] ?? '');
if (!parsed) {
	console.error(
		'usage: npm run courses:new -- <area>/<slug>   e.g. prompt-engineering/few-shot-prompts'
	);
	console.error('area and slug are lowercase words joined by hyphens.');
	process.exit(2);
}
const { area, slug } = parsed;
const { catalog } = checkCatalog(readCourseFiles(root));
if (catalog.modules.has(slug)) {
	console.error(`A module "${slug}" already exists: ${catalog.modules.get(slug)!.file}`);
	process.exit(1);
}
const dir = join(root, 'courses', 'modules', area, slug);
if (existsSync(dir)) {
	console.error(`${dir} already exists.`);
	process.exit(1);
}
const competency = defaultCompetency(catalog, area);
if (!competency) {
	console.error('courses/competencies.yaml defines no competency yet: add one first.');
	process.exit(1);
}
const today = todayFromEnv();

mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'index.md'), lessonTemplate(area, slug, competency, today));
writeFileSync(join(dir, 'quiz.yaml'), quizTemplate(slug));
console.log(`Created ${join('courses/modules', area, slug)}/index.md and quiz.yaml.`);
const after = checkCatalog(readCourseFiles(root), { today }).problems.filter((p) =>
	p.file.includes(`/${slug}/`)
);
for (const p of after) console.log(formatProblem(p));
console.log(
	'Next: add the module to a phase of a roadmap in courses/roadmaps/, then run npm run courses:check.'
);
