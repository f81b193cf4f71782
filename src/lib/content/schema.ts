import { z } from 'zod';

const id = z
	.string()
	.regex(
		/^[a-z0-9]+(-[a-z0-9]+)*$/,
		'ids are lowercase words joined by hyphens, e.g. "prompt-injection"'
	);
const text = z.string().trim().min(1, 'must not be empty');

export const LEVELS = ['foundation', 'intermediate', 'job-ready'] as const;
export const PORTFOLIO_KINDS = [
	'phase',
	'modules',
	'project',
	'certification',
	'activity'
] as const;

export const competencySchema = z.strictObject({
	id,
	title: text,
	area: id,
	description: text
});
export const competenciesSchema = z.array(competencySchema).min(1, 'list at least one competency');

/** `YYYY-MM-DD`, kept as a string so that dates never shift with time zones. */
const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
	.refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');

export const moduleFrontmatterSchema = z.strictObject({
	id,
	title: text,
	summary: text,
	area: id,
	competencies: z.array(id).min(1, 'list at least one competency this module teaches'),
	level: z.enum(LEVELS),
	minutes: z.number().int().min(5).max(240),
	prerequisites: z.array(id).default([]),
	updated: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), date),
	/** When the module's facts were last checked against their sources; courses:check warns after 12 months. */
	reviewed: z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), date)
});

export const phaseSchema = z.strictObject({
	id,
	title: text,
	months: z
		.tuple([z.number().int().min(1), z.number().int().min(1)])
		.refine(([a, b]) => a <= b, 'months is [first, last] with first ≤ last'),
	summary: text.optional(),
	modules: z.array(id).min(1, 'a phase lists at least one module')
});

export const portfolioItemSchema = z
	.strictObject({
		id,
		title: text,
		kind: z.enum(PORTFOLIO_KINDS),
		description: text,
		requires: z.array(id).default([]),
		phase: id.optional(),
		min_score: z.number().gt(0).max(1).optional()
	})
	.refine((item) => item.kind !== 'phase' || item.phase !== undefined, {
		message: 'an item of kind "phase" names its phase: `phase: <phase id>`',
		path: ['phase']
	})
	.refine((item) => item.kind !== 'modules' || item.requires.length > 0, {
		message: 'an item of kind "modules" lists the modules to complete in `requires`',
		path: ['requires']
	});

export const roadmapSchema = z.strictObject({
	id,
	title: text,
	summary: text,
	description: text,
	missions: z.array(text).default([]),
	risks: z.array(text).default([]),
	phases: z.array(phaseSchema).min(1, 'a roadmap has at least one phase'),
	portfolio: z.array(portfolioItemSchema).default([])
});

export type Competency = z.infer<typeof competencySchema>;
export type ModuleFrontmatter = z.infer<typeof moduleFrontmatterSchema>;
export type Level = (typeof LEVELS)[number];
export type Phase = z.infer<typeof phaseSchema>;
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;
export type Roadmap = z.infer<typeof roadmapSchema>;
