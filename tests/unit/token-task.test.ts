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
