import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { catalog } from '$lib/server/content';
import { countTokens, tokenRequest } from '$lib/server/tools/tokens';

// The lesson components as standalone pages: where their forms go when JavaScript is off, and a
// place to use them outside a lesson. Every parameter is optional and bounded.
const TOOLS = {
	'token-counter': 'Token counter and cost estimator',
	overlap: 'BLEU and ROUGE calculator',
	'spot-the-attack': 'Spot the attack',
	'policy-evaluator': 'Access-policy evaluator'
} as const;

const text = (max: number) => z.string().max(max).optional().catch(undefined);
const num = z.coerce.number().min(0).max(1e9).optional().catch(undefined);

export function load({ params, url }) {
	if (!(params.tool in TOOLS)) error(404, `There is no tool "${params.tool}".`);
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
			props: z.object({ candidate: text(5000), reference: text(5000) }).parse(q),
			error: null
		};
	if (tool === 'policy-evaluator')
		return {
			...base,
			props: z
				.object({
					policy: text(20000),
					action: text(200),
					resource: text(2000),
					context: text(5000)
				})
				.parse(q),
			error: null
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
