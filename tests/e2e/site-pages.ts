// Every public page of the site, derived from the catalog, so each can be its own test (a loop over
// ~60 pages in one test only passes on a fast machine). A test checks that the site links to no
// page missing from this list.
import { catalog } from './catalog';

export const fixedPages = [
	'/',
	'/competencies',
	'/search',
	'/search?q=prompt',
	'/search?q=zzzz',
	'/login',
	'/signup',
	'/modules/no-such-module',
	'/tools/token-counter',
	'/tools/overlap',
	'/tools/spot-the-attack',
	'/tools/policy-evaluator',
	'/tools/drift',
	'/tools/redaction',
	'/tools/flow-checker',
	'/tools/threshold',
	'/tools/sampling',
	'/tools/serving-planner',
	'/tools/policy-checker',
	'/tools/intent-scorer'
];

export const roadmapPages = [...catalog.roadmaps.keys()].map((id) => `/roadmaps/${id}`);
export const competencyPages = [...catalog.competencies.keys()].map((id) => `/competencies/${id}`);
export const modulePages = [...catalog.modules.keys()].map((id) => `/modules/${id}`);

/** Quizzes as a signed-out visitor takes them (guest quizzes): one per kind of feedback. */
export const guestQuizPages = ['ml-basics', 'prompt-design-basics'].map((id) => {
	if (!catalog.quizzes.has(id)) throw new Error(`site-pages: there is no quiz for "${id}"`);
	return `/modules/${id}/quiz`;
});

export const sitePages = [
	...fixedPages,
	...roadmapPages,
	...competencyPages,
	...modulePages,
	...guestQuizPages
];

/** The same pages in French (/fr/…): every one is checked too (accessibility.test.ts). */
export const frenchPages = sitePages.map((path) => (path === '/' ? '/fr' : `/fr${path}`));
