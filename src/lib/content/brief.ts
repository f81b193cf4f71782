// A project brief: what a `project` item of a roadmap asks for, from goal to rubric. One file per
// project item, courses/briefs/<roadmap>/<item>.yaml, so a roadmap stays short to read.
import { z } from 'zod';

const id = z
	.string()
	.regex(
		/^[a-z0-9]+(-[a-z0-9]+)*$/,
		'ids are lowercase words joined by hyphens, e.g. "cites-sources"'
	)
	.max(60, 'use at most 60 characters');
const text = z.string().trim().min(1, 'must not be empty');
const list = (what: string) => z.array(text).min(1, `list at least one ${what}`);

export const RUBRIC_SIZE = { min: 4, max: 6 } as const;

export const rubricCriterionSchema = z.strictObject({
	/** Stable: a learner's claims refer to it. */
	id,
	criterion: text,
	meets: text,
	exceeds: text
});

export const milestoneSchema = z.strictObject({
	title: text,
	/** Study hours the milestone takes; the brief's total fits the hours of its phase. */
	hours: z.number().int().min(1).max(200),
	deliverable: text
});

export const datasetSchema = z.strictObject({
	name: text,
	url: z
		.string()
		.regex(/^https:\/\/[^\s/?#]+\.[^\s/?#]+[^\s]*$/, 'a data set URL starts with https://'),
	licence: text,
	notes: text.optional()
});

export const briefSchema = z.strictObject({
	goal: text,
	requirements: list('requirement'),
	acceptance: list('acceptance criterion'),
	rubric: z
		.array(rubricCriterionSchema)
		.min(RUBRIC_SIZE.min, `a rubric has ${RUBRIC_SIZE.min} to ${RUBRIC_SIZE.max} criteria`)
		.max(RUBRIC_SIZE.max, `a rubric has ${RUBRIC_SIZE.min} to ${RUBRIC_SIZE.max} criteria`),
	milestones: z.array(milestoneSchema).min(2, 'list at least two milestones'),
	stack: list('tool or technology'),
	/** Public data sets to build on; `[]` when the project brings its own (say so in `notes`). */
	datasets: z.array(datasetSchema),
	/** What the README of the learner's repository shows. */
	readme: list('README section')
});

export type Brief = z.infer<typeof briefSchema>;
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

/** The key of a brief in the catalog: `<roadmap id>/<item id>`. */
export const briefKey = (roadmapId: string, itemId: string) => `${roadmapId}/${itemId}`;
