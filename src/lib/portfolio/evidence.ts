// What a learner may record as evidence for a project, certification or activity item. Pure, so the
// same rules are unit-tested and applied by the server before anything is written.
import { z } from 'zod';
import { userText } from '$lib/user-text';
import type { EvidenceKind } from './kinds';

export { EVIDENCE_KINDS, type EvidenceKind } from './kinds';

/** http and https only: `javascript:`, `data:` and the like are refused, not sanitised. */
export function isWebUrl(value: string): boolean {
	if (/\s/.test(value) || value.length > 2000) return false;
	try {
		const u = new URL(value);
		return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
	} catch {
		return false;
	}
}

// Tomorrow in UTC: somewhere it is already tomorrow.
const latestDay = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** The evidence form, for an item of `kind`. A certification needs its credential id; the others a link. */
export function evidenceSchema(kind: EvidenceKind, now: () => string = latestDay) {
	return z
		.object({
			url: userText()
				.trim()
				.transform((s) => s || null)
				.refine((s) => s === null || isWebUrl(s), 'Enter a web address starting with https://.')
				// Stored as parsed: `https:/example.org` (which browsers accept) becomes `https://example.org/`.
				.transform((s) => (s === null ? null : new URL(s).href)),
			note: userText({ multiline: true })
				.trim()
				.min(1, 'Say in a sentence what this shows.')
				.max(500, 'Use at most 500 characters.'),
			credential_id: userText()
				.trim()
				.max(120, 'Use at most 120 characters.')
				.transform((s) => s || null),
			achieved_on: userText()
				.trim()
				.regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD.')
				.refine(
					(s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s),
					'Enter a real date.'
				)
				.refine((s) => s >= '1980-01-01', 'Enter a date after 1980.')
				.refine((s) => s <= now(), 'The date cannot be in the future.')
		})
		.superRefine((v, ctx) => {
			if (kind === 'certification' && !v.credential_id)
				ctx.addIssue({
					code: 'custom',
					path: ['credential_id'],
					message: 'Enter the credential id printed on the certificate.'
				});
			if (kind !== 'certification' && !v.url)
				ctx.addIssue({
					code: 'custom',
					path: ['url'],
					message: 'Link to the work: a repository, a post, a demo.'
				});
		});
}

export type Evidence = z.infer<ReturnType<typeof evidenceSchema>>;
