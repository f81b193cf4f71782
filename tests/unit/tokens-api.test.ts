// The token counter's endpoint: a count for a good request, and a 400 whose message is in the
// request's language (the path's: the page posts to /fr/api/tokens in French).
import { describe, expect, it } from 'vitest';
import { withLocale } from '../../src/lib/server/language';
import { POST } from '../../src/routes/api/tokens/+server';

const post = async (locale: 'en' | 'fr', body: string) => {
	const request = new Request('http://localhost/api/tokens', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body
	});
	try {
		const res = await withLocale(locale, () => POST({ request } as never));
		return { status: res.status, body: await res.json() };
	} catch (e) {
		const err = e as { status: number; body: { message: string } };
		return { status: err.status, body: err.body };
	}
};

describe('the token API in French', () => {
	it('answers a bad request in the request’s language; a count is the same in both', async () => {
		const both = async (body: string) => ({
			en: await post('en', body),
			fr: await post('fr', body)
		});
		expect(await both('not json')).toEqual({
			en: { status: 400, body: { message: 'Invalid input: expected object, received null' } },
			fr: { status: 400, body: { message: 'valeur invalide : il faut un objet, pas null' } }
		});
		expect(await both('{"text": 1}')).toEqual({
			en: { status: 400, body: { message: 'Invalid input: expected string, received number' } },
			fr: {
				status: 400,
				body: { message: 'valeur invalide : il faut une chaîne de caractères, pas un nombre' }
			}
		});
		expect(await both('{"text": "a", "encoding": "rot13"}')).toEqual({
			en: {
				status: 400,
				body: { message: 'Invalid option: expected one of "o200k_base"|"cl100k_base"' }
			},
			fr: {
				status: 400,
				body: { message: 'option invalide : il faut l’une des valeurs "o200k_base"|"cl100k_base"' }
			}
		});
		expect(await both(JSON.stringify({ text: 'a'.repeat(20_001) }))).toEqual({
			en: { status: 400, body: { message: 'Paste at most 20,000 characters.' } },
			fr: { status: 400, body: { message: 'Collez au plus 20\u202f000 caractères.' } }
		});
		// userText's own message, already one.
		expect((await post('fr', '{"text": "a\\u0000b"}')).status).toBe(400);
		const counts = await both('{"text": "one two three", "encoding": "cl100k_base"}');
		expect(counts.en.status).toBe(200);
		expect(counts.fr).toEqual(counts.en);
	});
});
