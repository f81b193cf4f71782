import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { catalog } from '$lib/server/content';
import { countTokens, parseTokenRequest } from '$lib/server/tools/tokens';
import { BIN_CHOICES } from '$lib/lessons/drift';
import { FIELDS as SERVING_FIELDS, fieldLabel } from '$lib/lessons/serving';
import { MAX_CHARS } from '$lib/lessons/policy-check';
import { userText } from '$lib/user-text';
import { formatNumber } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

// The lesson components as standalone pages: where their forms go when JavaScript is off, and a
// place to use them outside a lesson. Every parameter is optional and bounded.
// Titles are messages, read per request in the page's language.
const TOOLS = {
	'token-counter': m.tools_tc_title,
	overlap: m.tools_ov_title,
	'spot-the-attack': m.tools_is_title,
	'policy-evaluator': m.tools_pe_title,
	drift: m.tools_dc_title,
	redaction: m.tools_rt_title,
	'flow-checker': m.tools_fc_title,
	threshold: m.tools_te_title,
	sampling: m.tools_se_title,
	'serving-planner': m.tools_sv_title,
	'policy-checker': m.tools_pc_title,
	'intent-scorer': m.tools_in_title
} as const;

const text = (max: number) =>
	userText({ multiline: true })
		.max(max, { error: () => m.tools_page_at_most({ max: formatNumber(max) }) })
		.optional();
const atMost40 = { error: () => m.tools_page_at_most({ max: 40 }) };
const short = () => userText().max(40, atMost40).optional();
const num = z.coerce.number().min(0).max(1e9).optional().catch(undefined);

const FIELDS = {
	overlap: {
		schema: z.object({ candidate: text(5000), reference: text(5000) }),
		labels: { candidate: m.tools_page_candidate, reference: m.tools_page_reference }
	},
	'policy-evaluator': {
		schema: z.object({
			policy: text(20000),
			action: text(200),
			resource: text(2000),
			context: text(5000)
		}),
		labels: {
			policy: m.tools_page_policy,
			action: m.tools_pe_action,
			resource: m.tools_pe_resource,
			context: m.tools_page_context
		}
	},
	drift: {
		schema: z.object({
			reference: text(60000),
			current: text(60000),
			bins: z.coerce
				.number()
				.refine((n) => (BIN_CHOICES as readonly number[]).includes(n), {
					error: () => m.tools_page_bins({ list: BIN_CHOICES.join(', ') })
				})
				.optional()
		}),
		labels: {
			reference: m.tools_dc_reference_name,
			current: m.tools_dc_current_name,
			bins: m.tools_page_bins_label
		}
	},
	redaction: {
		schema: z.object({ patterns: text(2000) }),
		labels: { patterns: m.tools_page_patterns }
	},
	'flow-checker': {
		schema: z.object({ flow: text(20000) }),
		labels: { flow: m.tools_page_flow }
	},
	threshold: {
		schema: z.object({
			examples: text(20000),
			threshold: userText().max(40, atMost40).optional()
		}),
		labels: { examples: m.tools_page_examples, threshold: m.tools_page_threshold }
	},
	sampling: {
		schema: z.object({
			candidates: text(5000),
			temperature: userText().max(40, atMost40).optional(),
			top_p: userText().max(40, atMost40).optional()
		}),
		labels: {
			candidates: m.tools_page_candidates,
			temperature: m.tools_se_temperature,
			top_p: () => 'Top-p'
		}
	},
	// Whole numbers in range are checked by the planner, which names the field next to it.
	'serving-planner': {
		schema: z.object({
			rps: short(),
			overhead_ms: short(),
			per_item_ms: short(),
			max_batch: short(),
			max_wait_ms: short(),
			replicas: short()
		}),
		labels: Object.fromEntries(
			Object.keys(SERVING_FIELDS).map((k) => [
				k,
				() => fieldLabel(k as keyof typeof SERVING_FIELDS)
			])
		)
	},
	'policy-checker': {
		schema: z.object({ manifest: text(MAX_CHARS) }),
		labels: { manifest: m.tools_page_manifest }
	},
	'intent-scorer': {
		schema: z.object({
			set: text(20000),
			threshold: userText().max(40, atMost40).optional()
		}),
		labels: { set: m.tools_page_test_set, threshold: m.tools_page_threshold }
	}
};

/** The fields that parse; the first one that does not is named in the page's error. */
function fields<T extends z.ZodObject>(
	{ schema, labels }: { schema: T; labels: Record<string, () => string> },
	q: Record<string, string>
) {
	const parsed = schema.safeParse(q);
	if (parsed.success) return { props: parsed.data as z.infer<T>, error: null };
	const bad = new Set(parsed.error.issues.map((i) => i.path[0]));
	const issue = parsed.error.issues[0]!;
	return {
		props: schema.parse(
			Object.fromEntries(Object.entries(q).filter(([k]) => !bad.has(k)))
		) as z.infer<T>,
		error: m.tools_page_field_error({
			label: labels[String(issue.path[0])]?.() ?? '',
			message: issue.message
		})
	};
}

export function load({ params, url }) {
	if (!Object.hasOwn(TOOLS, params.tool)) error(404, m.tools_page_no_tool({ tool: params.tool }));
	const tool = params.tool as keyof typeof TOOLS;
	const q = Object.fromEntries(url.searchParams);
	const fromId = /^\/modules\/([a-z0-9-]+)$/.exec(q.from ?? '')?.[1];
	const from =
		fromId && catalog.modules.has(fromId)
			? { href: `/modules/${fromId}`, title: catalog.modules.get(fromId)!.title }
			: null;
	const base = { tool, title: TOOLS[tool](), from, submitted: url.searchParams.size > 0 };

	if (tool === 'token-counter') {
		const parsed = parseTokenRequest({ text: q.text ?? '', encoding: q.encoding });
		const p = z.object({ output: num, calls: num, pin: num, pout: num }).parse(q);
		return {
			...base,
			tool: 'token-counter' as const,
			props: {
				text: parsed.success ? parsed.data.text || undefined : undefined,
				encoding: parsed.success ? parsed.data.encoding : undefined,
				counted: parsed.success && parsed.data.text ? countTokens(parsed.data) : null,
				outputTokens: p.output,
				callsPerDay: p.calls,
				inputPrice: p.pin,
				outputPrice: p.pout
			},
			error: parsed.success ? null : parsed.error.issues[0]?.message
		};
	}
	if (tool === 'overlap')
		return {
			...base,
			...fields(FIELDS.overlap, q)
		};
	if (tool === 'drift')
		return {
			...base,
			...fields(FIELDS.drift, q)
		};
	if (tool === 'redaction')
		return {
			...base,
			...fields(FIELDS.redaction, q)
		};
	if (tool === 'flow-checker')
		return {
			...base,
			...fields(FIELDS['flow-checker'], q)
		};
	if (tool === 'threshold')
		return {
			...base,
			...fields(FIELDS.threshold, q)
		};
	if (tool === 'sampling')
		return {
			...base,
			...fields(FIELDS.sampling, q)
		};
	if (tool === 'serving-planner')
		return {
			...base,
			...fields(FIELDS['serving-planner'], q)
		};
	if (tool === 'policy-checker')
		return {
			...base,
			...fields(FIELDS['policy-checker'], q)
		};
	if (tool === 'intent-scorer')
		return {
			...base,
			...fields(FIELDS['intent-scorer'], q)
		};
	if (tool === 'policy-evaluator')
		return {
			...base,
			...fields(FIELDS['policy-evaluator'], q)
		};
	const answers = Object.fromEntries(
		Object.entries(q).filter(([, v]) => v === 'attack' || v === 'safe')
	);
	return {
		...base,
		tool: 'spot-the-attack' as const,
		props: { answers, submitted: base.submitted },
		error: null
	};
}
