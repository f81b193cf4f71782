// npm run courses:new -- --fr <module id | English file>: the French files to fill in, beside the
// English ones — every text copied and marked TODO(fr), so courses:check refuses them until each
// is translated (docs/authoring.md, "Translations").
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { checkCatalog } from '../src/lib/content/catalog';
import { LESSON_SHAPE } from '../src/lib/content/checks/translations';
import { formatProblem } from '../src/lib/content/problems';
import { sourceHash } from '../src/lib/content/source-hash';
import {
	BRIEF_SHAPE,
	COMPETENCIES_SHAPE,
	QUIZ_SHAPE,
	ROADMAP_SHAPE,
	scaffold,
	TODO_MARK,
	type Shape
} from '../src/lib/content/translation';
import { readCourseFiles } from './catalog-files';

const fail = (message: string): never => {
	console.error(message);
	process.exit(1);
};

export function scaffoldFrench(root: string, arg: string) {
	if (!arg)
		fail(
			'usage: npm run courses:new -- --fr <module id | English file>   e.g. --fr ml-basics, --fr courses/roadmaps/mlops-engineer.yaml'
		);
	const files = readCourseFiles(root);
	const { catalog } = checkCatalog(files);
	const text = (path: string) => files.find((f) => f.path === path)?.text;
	const written: string[] = [];
	const write = (english: string, data: unknown, shape: Shape) => {
		const target = english.replace(/\.(md|ya?ml)$/, '.fr.$1');
		if (existsSync(join(root, target))) {
			console.log(`${target} exists: left as it is.`);
			return;
		}
		const out = { source: sourceHash(text(english)!), ...(scaffold(data, shape) as object) };
		writeFileSync(join(root, target), stringify(out, { lineWidth: 0, blockQuote: 'literal' }));
		written.push(target);
	};

	const module = catalog.modules.get(arg);
	if (module) {
		const lesson = module.file.replace(/index\.md$/, 'index.fr.md');
		if (existsSync(join(root, lesson))) console.log(`${lesson} exists: left as it is.`);
		else {
			const fm = scaffold(module, LESSON_SHAPE) as Record<string, unknown>;
			delete fm.source;
			const yaml = stringify(
				{ source: sourceHash(text(module.file)!), ...fm },
				{ lineWidth: 0, blockQuote: 'literal' }
			);
			const body = `<!-- ${TODO_MARK}translate this lesson: the same headings in the same order (Check yourself is "Vérifiez vos acquis", References is "Références"), code blocks and components copied as they are. -->\n${module.body}`;
			writeFileSync(join(root, lesson), `---\n${yaml}---\n${body}`);
			written.push(lesson);
		}
		const quiz = catalog.quizzes.get(arg);
		if (quiz) write(module.file.replace(/index\.md$/, 'quiz.yaml'), quiz, QUIZ_SHAPE);
	} else if (arg === 'courses/competencies.yaml')
		write(arg, { competencies: [...catalog.competencies.values()] }, COMPETENCIES_SHAPE);
	else {
		const roadmap = /^courses\/roadmaps\/([^/]+)\.yaml$/.exec(arg);
		const brief = /^courses\/briefs\/([^/]+)\/([^/]+)\.yaml$/.exec(arg);
		const data = roadmap
			? catalog.roadmaps.get(roadmap[1]!)
			: brief
				? catalog.briefs.get(`${brief[1]}/${brief[2]}`)
				: undefined;
		if (!data)
			fail(
				`"${arg}" is neither a module id nor an English roadmap, brief or competencies file of the catalog`
			);
		write(arg, data, roadmap ? ROADMAP_SHAPE : BRIEF_SHAPE);
	}
	if (!written.length) return;
	console.log(
		`Created ${written.join(', ')}: translate each text marked TODO(fr), then remove the mark.`
	);
	const after = checkCatalog(readCourseFiles(root)).problems.filter((p) =>
		written.includes(p.file)
	);
	console.log(
		`courses:check reports ${after.length} problem(s) in them until they are translated, e.g.:`
	);
	for (const p of after.slice(0, 3)) console.log(formatProblem(p));
}
