// npm run courses:check — lists every problem in the course catalog as file:line: message.
import { checkCatalog } from '../src/lib/content/catalog';
import { formatProblem } from '../src/lib/content/problems';
import { readCourseFiles } from './catalog-files';
import { todayFromEnv } from './today';

const root = process.argv[2] ?? process.cwd();
const { catalog, problems } = checkCatalog(readCourseFiles(root), { today: todayFromEnv() });
for (const p of problems) console.log(formatProblem(p));
const errors = problems.filter((p) => p.severity === 'error').length;
const warnings = problems.length - errors;
const questions = [...catalog.quizzes.values()].reduce((n, q) => n + q.questions.length, 0);
console.log(
	`\n${catalog.roadmaps.size} roadmaps, ${catalog.modules.size} modules, ${catalog.competencies.size} competencies, ${questions} quiz questions: ` +
		`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
);
// What is translated: the site falls back to English, with a notice, for the rest.
const fr = catalog.translations.fr;
console.log(
	`French: ${fr.modules.size} of ${catalog.modules.size} lessons, ${fr.quizzes.size} of ${catalog.quizzes.size} quizzes, ` +
		`${fr.roadmaps.size} of ${catalog.roadmaps.size} roadmaps, ${fr.competencies.size} of ${catalog.competencies.size} competencies, ` +
		`${fr.briefs.size} of ${catalog.briefs.size} briefs; ${fr.stale.length} stale`
);
process.exit(errors > 0 ? 1 : 0);
