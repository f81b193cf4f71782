// What `courses:new` writes for a new module, shared with `courses:import` (which writes its own quiz).
import type { Catalog } from '../src/lib/content/catalog';

export const MODULE_ARG = /^([a-z0-9]+(?:-[a-z0-9]+)*)\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** `<area>/<slug>` → its parts, or null. */
export function parseModuleArg(arg: string): { area: string; slug: string } | null {
	const m = MODULE_ARG.exec(arg);
	return m ? { area: m[1]!, slug: m[2]! } : null;
}

/** The competency a new module of `area` starts with: the area's first, else the catalog's first. */
export function defaultCompetency(catalog: Catalog, area: string): string | undefined {
	const competencies = [...catalog.competencies.values()];
	return (competencies.find((c) => c.area === area) ?? competencies[0])?.id;
}

export function lessonTemplate(area: string, slug: string, competency: string, today: string) {
	const title = slug.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
	return `---
id: ${slug}
title: ${title}
summary: One or two sentences on what the learner will be able to do after this module.
area: ${area}
competencies: [${competency}]
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

   Its model answer, indented under the question after a blank line: the key points a good answer
   contains, and the usual wrong answer and why it is wrong, so a reader can grade themselves. The
   page folds it under "Model answer".

## References

- [A primary source](https://example.org/)
`;
}

export function quizTemplate(slug: string) {
	return `# The quiz of "${slug}". Read on the server only: answers never reach the browser.
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
`;
}
