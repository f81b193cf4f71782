// What a learner may record as evidence for a project, certification or activity item. Pure, so the
// same rules are unit-tested and applied by the server before anything is written.
import { z } from 'zod';
import { userText } from '$lib/user-text';
import { m } from '$lib/paraglide/messages';
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
				.refine((s) => s === null || isWebUrl(s), {
					error: () => m.portfolio_evidence_url()
				})
				// Stored as parsed: `https:/example.org` (which browsers accept) becomes `https://example.org/`.
				.transform((s) => (s === null ? null : new URL(s).href)),
			note: userText({ multiline: true })
				.trim()
				.min(1, { error: () => m.portfolio_evidence_note() })
				.max(500, { error: () => m.portfolio_max_500() }),
			credential_id: userText()
				.trim()
				.max(120, { error: () => m.portfolio_max_120() })
				.transform((s) => s || null),
			achieved_on: userText()
				.trim()
				.regex(/^\d{4}-\d{2}-\d{2}$/, { error: () => m.portfolio_evidence_date_format() })
				.refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), {
					error: () => m.portfolio_evidence_date_real()
				})
				.refine((s) => s >= '1980-01-01', { error: () => m.portfolio_evidence_date_1980() })
				.refine((s) => s <= now(), { error: () => m.portfolio_evidence_date_future() })
		})
		.superRefine((v, ctx) => {
			if (kind === 'certification' && !v.credential_id)
				ctx.addIssue({
					code: 'custom',
					path: ['credential_id'],
					message: m.portfolio_evidence_credential()
				});
			if (kind !== 'certification' && !v.url)
				ctx.addIssue({
					code: 'custom',
					path: ['url'],
					message: m.portfolio_evidence_link()
				});
		});
}

export type Evidence = z.infer<ReturnType<typeof evidenceSchema>>;
