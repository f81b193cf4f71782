// The token counter's exercise: halve a wordy system prompt and keep its five rules.
import { describe, expect, it } from 'vitest';
import { countTokens } from '../../src/lib/server/tools/tokens';
import { TOKEN_TASK, tokenTask } from '../../src/lib/lessons/tokens';

const tokens = (text: string) => countTokens({ text, encoding: 'o200k_base' }).tokens;
const SHORT =
	"Acme Garden support. Only orders, deliveries, refunds; decline the rest. Ask for the order number first. Never promise a refund: staff decide. Customer asks for a human: hand over. Reply in the customer's language.";

describe('the token counter task', () => {
	it('starts unsolved: every rule is there, but the prompt is twice the budget', () => {
		const n = tokens(TOKEN_TASK.prompt);
		// o200k_base, counted with gpt-tokenizer 4.0.0 (152 when this was written).
		expect(n).toBeGreaterThan(2 * TOKEN_TASK.maxTokens);
		const t = tokenTask(TOKEN_TASK.prompt, n);
		expect(t).toMatchObject({ kept: 5, short: false, solved: false });
	});

	it('a terse prompt with the five rules solves it', () => {
		expect(tokens(SHORT)).toBeLessThanOrEqual(TOKEN_TASK.maxTokens);
		expect(tokenTask(SHORT, tokens(SHORT))).toMatchObject({ kept: 5, short: true, solved: true });
	});

	it('names each rule that was cut, and needs a count', () => {
		const noLanguage = SHORT.replace(" Reply in the customer's language.", '');
		const t = tokenTask(noLanguage, tokens(noLanguage));
		expect(t.solved).toBe(false);
		expect(t.rules.filter((r) => !r.kept).map((r) => r.label)).toEqual([
			"reply in the customer's language"
		]);
		// "Promise refunds" without a negation is the opposite rule.
		const flipped = SHORT.replace('Never promise a refund', 'Promise a refund');
		expect(tokenTask(flipped, tokens(flipped)).rules[2]).toEqual({
			label: 'never promise a refund',
			kept: false
		});
		expect(tokenTask("Don't promise refunds.", 5).rules[2]!.kept).toBe(true);
		expect(tokenTask(SHORT, null)).toMatchObject({ short: false, solved: false });
		expect(tokenTask('', 0)).toMatchObject({ kept: 0, solved: false });
		expect(tokenTask(SHORT, TOKEN_TASK.maxTokens + 1).solved).toBe(false);
		expect(tokenTask(SHORT, TOKEN_TASK.maxTokens).solved).toBe(true);
	});
});

describe('the token counter task in French', () => {
	const FR =
		'Support Acme Garden. Uniquement commandes, livraisons, remboursements ; refusez le reste. Demandez d’abord le numéro de commande. Ne promettez jamais de remboursement : l’équipe décide. Client qui demande un humain : transférez. Répondez dans la langue du client.';

	it('labels the rules in the page’s language; the verdict does not change', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const cut = SHORT.replace('Never promise a refund', 'Promise a refund');
		const fr = withLocale('fr', () => tokenTask(cut, tokens(cut)));
		const en = withLocale('en', () => tokenTask(cut, tokens(cut)));
		expect(fr.rules.map((r) => r.label)).toEqual([
			'seulement les commandes, les livraisons et les remboursements',
			'demander d’abord le numéro de commande',
			'ne jamais promettre de remboursement',
			'passer la main à un humain sur demande',
			'répondre dans la langue du client'
		]);
		expect(en.rules.map((r) => r.label)).toEqual([
			'only orders, deliveries and refunds',
			'ask for the order number first',
			'never promise a refund',
			'hand over to a human on request',
			"reply in the customer's language"
		]);
		expect(fr.rules.map((r) => r.kept)).toEqual(en.rules.map((r) => r.kept));
		expect([fr.kept, fr.short, fr.solved]).toEqual([en.kept, en.short, en.solved]);
	});

	it('recognises each rule written in French, so a French rewrite solves it', () => {
		expect(tokens(FR)).toBeLessThanOrEqual(TOKEN_TASK.maxTokens);
		expect(tokenTask(FR, tokens(FR))).toMatchObject({ kept: 5, short: true, solved: true });
		const kept = (text: string) => tokenTask(text, 5).rules.map((r) => r.kept);
		// Each rule in other usual French wordings, and nothing else.
		expect(kept('Seulement les livraisons.')).toEqual([true, false, false, false, false]);
		for (const t of [
			'Demandez le n° de commande.',
			'Demandez la référence de la commande.',
			'Commande n° ?'
		])
			expect(kept(t)).toEqual([false, true, false, false, false]);
		for (const t of [
			'Ne promettez aucun remboursement.',
			'Aucune promesse de remboursement.',
			'Ne jamais promettre de remboursement.',
			'Remboursements : pas de promesse.'
		])
			expect(kept(t)).toEqual([false, false, true, false, false]);
		// A promise without a negation is the opposite rule, in French too.
		expect(kept('Promettez un remboursement.')).toEqual([false, false, false, false, false]);
		expect(kept('Passez la main à un humain.')).toEqual([false, false, false, true, false]);
		expect(kept('Répondez dans sa langue.')).toEqual([false, false, false, false, true]);
	});
});
