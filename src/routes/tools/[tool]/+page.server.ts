import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { catalog } from '$lib/server/content';
import { countTokens, tokenRequest } from '$lib/server/tools/tokens';
import { BIN_CHOICES } from '$lib/lessons/drift';
import { FIELDS as SERVING_FIELDS } from '$lib/lessons/serving';
import { MAX_CHARS } from '$lib/lessons/policy-check';
import { userText } from '$lib/user-text';

// The lesson components as standalone pages: where their forms go when JavaScript is off, and a
// place to use them outside a lesson. Every parameter is optional and bounded.
const TOOLS = {
	'token-counter': 'Token counter and cost estimator',
	overlap: 'BLEU and ROUGE calculator',
	'spot-the-attack': 'Spot the attack',
	'policy-evaluator': 'Access-policy evaluator',
	drift: 'Drift calculator: PSI and Kolmogorov–Smirnov',
	redaction: 'Redaction tester: secrets in a log',
	'flow-checker': 'Conversation-flow checker',
	threshold: 'Threshold explorer: confusion matrix',
	sampling: 'Next-token sampler: temperature and top-p',
	'serving-planner': 'Serving planner: batching, replicas and latency',
	'policy-checker': 'Admission checker: a Pod against cluster policies',
	'intent-scorer': 'Intent scorer: an NLU test set at a confidence threshold'
} as const;

const text = (max: number) =>
	userText({ multiline: true })
		.max(max, `Use at most ${max.toLocaleString('en')} characters.`)
		.optional();
const short = () => userText().max(40, 'Use at most 40 characters.').optional();
const num = z.coerce.number().min(0).max(1e9).optional().catch(undefined);

const FIELDS = {
	overlap: {
		schema: z.object({ candidate: text(5000), reference: text(5000) }),
		labels: { candidate: 'Candidate', reference: 'Reference' }
	},
	'policy-evaluator': {
		schema: z.object({
			policy: text(20000),
			action: text(200),
			resource: text(2000),
			context: text(5000)
		}),
		labels: { policy: 'Policy', action: 'Action', resource: 'Resource', context: 'Context' }
	},
	drift: {
		schema: z.object({
			reference: text(60000),
			current: text(60000),
			bins: z.coerce
				.number()
				.refine((n) => (BIN_CHOICES as readonly number[]).includes(n), {
					message: `Choose ${BIN_CHOICES.join(', ')} bins.`
				})
				.optional()
		}),
		labels: { reference: 'Reference window', current: 'Current window', bins: 'Bins' }
	},
	redaction: {
		schema: z.object({ patterns: text(2000) }),
		labels: { patterns: 'Patterns' }
	},
	'flow-checker': {
		schema: z.object({ flow: text(20000) }),
		labels: { flow: 'Flow' }
	},
	threshold: {
		schema: z.object({
			examples: text(20000),
			threshold: userText().max(40, 'Use at most 40 characters.').optional()
		}),
		labels: { examples: 'Examples', threshold: 'Threshold' }
	},
	sampling: {
		schema: z.object({
			candidates: text(5000),
			temperature: userText().max(40, 'Use at most 40 characters.').optional(),
			top_p: userText().max(40, 'Use at most 40 characters.').optional()
		}),
		labels: { candidates: 'Candidates', temperature: 'Temperature', top_p: 'Top-p' }
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
		labels: Object.fromEntries(Object.entries(SERVING_FIELDS).map(([k, f]) => [k, f.label]))
	},
	'policy-checker': {
		schema: z.object({ manifest: text(MAX_CHARS) }),
		labels: { manifest: 'Manifest' }
	},
	'intent-scorer': {
		schema: z.object({
			set: text(20000),
			threshold: userText().max(40, 'Use at most 40 characters.').optional()
		}),
		labels: { set: 'Test set', threshold: 'Threshold' }
	}
};

/** The fields that parse; the first one that does not is named in the page's error. */
function fields<T extends z.ZodObject>(
	{ schema, labels }: { schema: T; labels: Record<string, string> },
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
		error: `${labels[String(issue.path[0])]}: ${issue.message}`
	};
}

export function load({ params, url }) {
	if (!Object.hasOwn(TOOLS, params.tool)) error(404, `There is no tool "${params.tool}".`);
	const tool = params.tool as keyof typeof TOOLS;
	const q = Object.fromEntries(url.searchParams);
	const fromId = /^\/modules\/([a-z0-9-]+)$/.exec(q.from ?? '')?.[1];
	const from =
		fromId && catalog.modules.has(fromId)
			? { href: `/modules/${fromId}`, title: catalog.modules.get(fromId)!.title }
			: null;
	const base = { tool, title: TOOLS[tool], from, submitted: url.searchParams.size > 0 };

	if (tool === 'token-counter') {
		const parsed = tokenRequest.safeParse({ text: q.text ?? '', encoding: q.encoding });
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
