// npm run courses:new -- <area>/<slug> — scaffolds a module (lesson + quiz) that passes courses:check.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkCatalog } from '../src/lib/content/catalog';
import { formatProblem } from '../src/lib/content/problems';
import { readCourseFiles } from './catalog-files';
import { todayFromEnv } from './today';

const root = process.cwd();
const arg = process.argv[2] ?? '';
const m = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(arg);
if (!m) {
	console.error(
		'usage: npm run courses:new -- <area>/<slug>   e.g. prompt-engineering/few-shot-prompts'
	);
	console.error('area and slug are lowercase words joined by hyphens.');
	process.exit(2);
}
const [, area, slug] = m as unknown as [string, string, string];
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
const competencies = [...catalog.competencies.values()];
const competency = competencies.find((c) => c.area === area) ?? competencies[0];
if (!competency) {
	console.error('courses/competencies.yaml defines no competency yet: add one first.');
	process.exit(1);
}
const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
const today = todayFromEnv();

mkdirSync(dir, { recursive: true });
writeFileSync(
	join(dir, 'index.md'),
	`---
id: ${slug}
title: ${title}
summary: One or two sentences on what the learner will be able to do after this module.
area: ${area}
competencies: [${competency.id}]
level: foundation
minutes: 30
prerequisites: []
updated: ${today}
reviewed: ${today}
---

Say what the learner will be able to do, and why it matters in the job.

## The idea

Explain what and why. Use \`##\` and \`###\` headings: they make the table of contents.

## A worked example

Walk through one realistic example, with code where it helps.

## Common mistakes

## Check yourself

1. A question the reader answers in their head.

## References

- [A primary source](https://example.org/)
`
);
writeFileSync(
	join(dir, 'quiz.yaml'),
	`# The quiz of "${slug}". Read on the server only: answers never reach the browser.
# Format: docs/authoring.md
pass: 0.8
shuffle: true
feedback: after
questions:
  - id: first-question
    type: single
    prompt: Replace with a question that tests understanding, not recall.
    options:
      - text: The right answer
        correct: true
      - text: A tempting wrong answer
        feedback: Why this one is wrong.
      - text: Another wrong answer
    explanation: Why the right answer is right and the tempting one wrong.
  - id: second-question
    type: true-false
    prompt: Replace with a statement the learner judges true or false.
    answer: true
    explanation: Why the statement holds.
`
);
console.log(`Created ${join('courses/modules', area, slug)}/index.md and quiz.yaml.`);
const after = checkCatalog(readCourseFiles(root), { today }).problems.filter((p) =>
	p.file.includes(`/${slug}/`)
);
for (const p of after) console.log(formatProblem(p));
console.log(
	'Next: add the module to a phase of a roadmap in courses/roadmaps/, then run npm run courses:check.'
);
