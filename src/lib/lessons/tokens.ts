import { m } from '$lib/paraglide/messages';

/** What the server's token counter returns (see src/lib/server/tools/tokens.ts). */
export interface TokenCount {
	encoding: 'o200k_base' | 'cl100k_base';
	tokens: number;
	characters: number;
	words: number;
	/** The first pieces of text, one per token, to show how text is split. */
	pieces: string[];
}

/**
 * The exercise: a wordy system prompt, sent with every call. Halve its tokens and keep its five
 * rules, each recognised by the words that carry it — in English or in French, since a learner on
 * the French page may well rewrite the prompt in French. The labels are messages in the page's
 * language (getters: the language is the request's); the prompt itself is the exercise's data.
 */
export const TOKEN_TASK = {
	prompt:
		'You are a helpful, friendly and very polite customer support assistant working for the online shop Acme Garden. It is really important that you always make sure to only answer questions that are about orders, deliveries and refunds, and you should politely decline anything else. Before you try to look into any problem with an order, please always ask the customer to give you their order number first. Please remember that you must never, under any circumstances, promise a refund to the customer, because refunds are always decided by a person on our team. If at any point the customer asks to speak to a human, you should hand the conversation over to a human agent straight away. Finally, please always make sure that you answer in the same language that the customer is writing in.',
	maxTokens: 75,
	callsPerDay: 50_000,
	rules: [
		{
			get label() {
				return m.tools_tokenslib_rule_scope();
			},
			// deliveries / livraisons
			pattern: /deliver|\blivr/i
		},
		{
			get label() {
				return m.tools_tokenslib_rule_order_number();
			},
			// order number / numéro (n°, référence) de commande, commande n°
			pattern:
				/order\s*(number|no\b|id\b|#)|(num[ée]ro|\bn[°º]|\bno\b|r[ée]f[ée]rence|\bid\b)\s*(de\s+(la\s+)?)?commande|commande\s*(n[°º]|#|num[ée]ro)/i
		},
		{
			get label() {
				return m.tools_tokenslib_rule_no_promise();
			},
			// A negation before the promise: never/not/no/…n't promise; ne/jamais/pas/aucun/sans promettre.
			pattern:
				/(\b(never|not|no)\b|n['’]t\b)[^.\n]{0,40}promis|(\b(ne|jamais|pas|aucune?|sans)\b|\bn['’])[^.\n]{0,40}prom(is|et|ess)/i
		},
		{
			get label() {
				return m.tools_tokenslib_rule_human();
			},
			// human / humain
			pattern: /\bhum(an|ain)/i
		},
		{
			get label() {
				return m.tools_tokenslib_rule_language();
			},
			// language / langue
			pattern: /\blangu(age|e)/i
		}
	]
} as const;

/** The task on `text`, counted as `tokens` (by the server); solved when short enough with every rule. */
export function tokenTask(text: string, tokens: number | null) {
	const rules = TOKEN_TASK.rules.map((r) => ({ label: r.label, kept: r.pattern.test(text) }));
	const short = tokens !== null && tokens <= TOKEN_TASK.maxTokens;
	return {
		rules,
		kept: rules.filter((r) => r.kept).length,
		short,
		solved: short && rules.every((r) => r.kept)
	};
}
