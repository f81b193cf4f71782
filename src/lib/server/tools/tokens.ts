// Token counting for the token-counter lesson component. Runs on the server so that the
// tokenizer's encodings (megabytes, shipped inside the gpt-tokenizer package and never fetched
// at run time) stay out of the browser's bundle.
import { z } from 'zod';
import { userText } from '$lib/user-text';
import { formatNumber } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';
import { zodIssue } from '$lib/zod-issues';
import type { TokenCount } from '$lib/lessons/tokens';
import * as cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import * as o200k from 'gpt-tokenizer/encoding/o200k_base';

export const ENCODINGS = {
	o200k_base: { label: 'o200k_base (GPT-4o and later OpenAI models)', encoding: o200k },
	cl100k_base: { label: 'cl100k_base (GPT-4, GPT-3.5)', encoding: cl100k }
} as const;

export const MAX_TEXT = 20_000;

export const tokenRequest = z.object({
	text: userText({ multiline: true }).max(MAX_TEXT, {
		error: () => m.tools_api_text_max({ n: formatNumber(MAX_TEXT) })
	}),
	encoding: z.enum(['o200k_base', 'cl100k_base']).default('o200k_base')
});

/** A request read with every message in the request's language (zod's included). */
export const parseTokenRequest = (value: unknown) =>
	tokenRequest.safeParse(value, { error: zodIssue });

export function countTokens({ text, encoding }: z.infer<typeof tokenRequest>): TokenCount {
	const enc = ENCODINGS[encoding].encoding;
	const ids = enc.encode(text);
	return {
		encoding,
		tokens: ids.length,
		characters: [...text].length,
		words: text.trim() ? text.trim().split(/\s+/).length : 0,
		pieces: ids.slice(0, 200).map((id) => enc.decode([id]))
	};
}
