// Gzip of rendered responses (src/lib/server/compress.ts).
import { gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { compress, MIN_BYTES, wantsGzip } from '../../src/lib/server/compress';

const page = '<!doctype html><p>' + 'Lesson text, repeated. '.repeat(200) + '</p>';

async function run(
	init: { method?: string; acceptEncoding?: string | null },
	response: () => Response
) {
	const headers = new Headers();
	if (init.acceptEncoding !== null)
		headers.set('accept-encoding', init.acceptEncoding ?? 'gzip, br');
	const event = {
		request: new Request('http://127.0.0.1/modules/x', { method: init.method ?? 'GET', headers })
	} as RequestEvent;
	return compress({ event, resolve: async () => response() });
}

const html =
	(body = page, extra: Record<string, string> = {}) =>
	() =>
		new Response(body, { headers: { 'content-type': 'text/html', ...extra } });

describe('compress', () => {
	it('gzips a page for a client that accepts gzip, keeping status and other headers', async () => {
		const r = await run({}, () => {
			const res = new Response(page, {
				status: 404,
				headers: { 'content-type': 'text/html; charset=utf-8', 'x-frame-options': 'DENY' }
			});
			res.headers.append('set-cookie', 'a=1; Path=/');
			res.headers.append('set-cookie', 'b=2; Path=/');
			return res;
		});
		expect(r.status).toBe(404);
		expect(r.headers.get('content-encoding')).toBe('gzip');
		expect(r.headers.get('vary')).toMatch(/Accept-Encoding/);
		expect(r.headers.get('x-frame-options')).toBe('DENY');
		expect(r.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
		const zipped = Buffer.from(await r.arrayBuffer());
		expect(gunzipSync(zipped).toString('utf8')).toBe(page);
		expect(zipped.length).toBeLessThan(page.length / 10);
	});

	it('leaves alone what it should not touch', async () => {
		const plain = async (r: Response) => [r.headers.get('content-encoding'), await r.text()];
		// No gzip accepted, or refused with q=0.
		expect(await plain(await run({ acceptEncoding: null }, html()))).toEqual([null, page]);
		expect(await plain(await run({ acceptEncoding: 'br, gzip;q=0' }, html()))).toEqual([
			null,
			page
		]);
		// Already encoded (a proxy or a precompressed asset), not text, or small.
		const encoded = await run({}, html(page, { 'content-encoding': 'br' }));
		expect(encoded.headers.get('content-encoding')).toBe('br');
		const png = await run(
			{},
			() => new Response(page, { headers: { 'content-type': 'image/png' } })
		);
		expect(await plain(png)).toEqual([null, page]);
		const small = 'x'.repeat(MIN_BYTES - 1);
		expect(
			await plain(await run({}, html(small, { 'content-length': String(small.length) })))
		).toEqual([null, small]);
		// A redirect has no body; HEAD sends none.
		const redirect = await run(
			{},
			() => new Response(null, { status: 303, headers: { location: '/' } })
		);
		expect([redirect.status, redirect.headers.get('content-encoding')]).toEqual([303, null]);
		const head = await run({ method: 'HEAD' }, html());
		expect(head.headers.get('content-encoding')).toBeNull();
	});

	it('reads Accept-Encoding as HTTP defines it', () => {
		expect(wantsGzip('gzip')).toBe(true);
		expect(wantsGzip('deflate, GZIP;q=0.5')).toBe(true);
		expect(wantsGzip('*')).toBe(true);
		expect(wantsGzip('gzip;q=0, br')).toBe(false);
		expect(wantsGzip('br, identity')).toBe(false);
		expect(wantsGzip('xgzip')).toBe(false);
		expect(wantsGzip(null)).toBe(false);
	});
});
