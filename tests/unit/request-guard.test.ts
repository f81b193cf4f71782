import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
	actionName,
	actionProblem,
	bodyProblem,
	decodablePath,
	drain,
	requestGuard
} from '../../src/lib/server/request-guard';

const post = (body: BodyInit | null, type?: string, path = '/account?/rename') =>
	new Request(`http://127.0.0.1${path}`, {
		method: 'POST',
		body,
		headers: type ? { 'content-type': type } : {}
	});

async function guard(request: Request) {
	let resolved = false;
	const response = await requestGuard({
		event: { request } as never,
		resolve: (() => {
			resolved = true;
			return new Response('the route answered');
		}) as never
	});
	return { resolved, status: response.status, text: await response.text() };
}

describe('request guard', () => {
	it('reads the action name as SvelteKit does: the first query key that starts with /', () => {
		expect(actionName(new URL('http://x/a?/rename'))).toBe('rename');
		expect(actionName(new URL('http://x/a?redirectTo=/b&/delete&/rename'))).toBe('delete');
		expect(actionName(new URL('http://x/a?/%5F%5Fproto%5F%5F'))).toBe('__proto__');
		expect(actionName(new URL('http://x/a?x=1'))).toBeNull();
	});

	it('refuses reserved and impossible action names; unknown ones go on to a 404', () => {
		for (const name of [
			'default',
			'__proto__',
			'constructor',
			'toString',
			'hasOwnProperty',
			'',
			'\u0000',
			'a b',
			'x'.repeat(65)
		])
			expect(actionProblem(name), JSON.stringify(name)).toMatch(/no form action/);
		for (const name of ['rename', 'check', 'no-such-action', 'save_2'])
			expect(actionProblem(name)).toBeNull();
		expect(actionProblem(null)).toBeNull();
	});

	it('answers 415 to a missing or wrong content type', async () => {
		expect((await bodyProblem(post('a=b')))?.status).toBe(415);
		for (const type of ['text/plain', 'application/xml', 'multipart/mixed; boundary=x', ';;;'])
			expect((await bodyProblem(post('a=b', type)))?.status, type).toBe(415);
	});

	it('answers 400 to a multipart body without boundary or that does not parse', async () => {
		const multipart = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n';
		expect((await bodyProblem(post(multipart, 'multipart/form-data')))?.status).toBe(400);
		for (const body of ['hello', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1', ''])
			expect((await bodyProblem(post(body, 'multipart/form-data; boundary=x')))?.status, body).toBe(
				400
			);
		expect(await bodyProblem(post(multipart, 'multipart/form-data; boundary=x'))).toBeNull();
	});

	it('lets well-formed forms and JSON through, and leaves the body to the route', async () => {
		const request = post('display_name=Ada', 'application/x-www-form-urlencoded');
		const { resolved } = await guard(request);
		expect(resolved).toBe(true);
		expect((await request.formData()).get('display_name')).toBe('Ada');
		expect(await bodyProblem(post('{"text":"hi"}', 'application/json', '/api/tokens'))).toBeNull();
	});

	it('answers 413 when the body is over the limit the adapter enforces', async () => {
		const tooLarge = new ReadableStream({
			start(c) {
				c.error(
					Object.assign(new Error('request body size exceeded BODY_SIZE_LIMIT'), { status: 413 })
				);
			}
		});
		const request = new Request('http://127.0.0.1/account?/rename', {
			method: 'POST',
			body: tooLarge,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			duplex: 'half'
		} as RequestInit);
		expect((await bodyProblem(request))?.status).toBe(413);
	});

	it('refuses a path SvelteKit cannot decode, before any later handle can redirect it', async () => {
		for (const path of [
			'/portfolio/%ED%A0%80/credential.json',
			'/modules/%E0%A4%A',
			'/%C0%AF',
			'/%FF'
		])
			expect(decodablePath(path), path).toBe(false);
		for (const path of ['/modules/ml-basics', '/search', '/%25', '/caf%C3%A9'])
			expect(decodablePath(path), path).toBe(true);
		const r = await guard(new Request('http://127.0.0.1/portfolio/%ED%A0%80/credential.json'));
		expect(r).toMatchObject({ resolved: false, status: 400 });
		expect(r.text).toMatch(/malformed/);
	});

	it('answers refusals itself, as SvelteKit shapes them for use:enhance when JSON is asked for', async () => {
		const plain = await guard(post('a=b', 'text/plain'));
		expect(plain).toMatchObject({ resolved: false, status: 415 });
		expect(plain.text).toContain('Search modules, roadmaps and competencies');
		const named = await guard(post('a=b', 'application/x-www-form-urlencoded', '/login?/%3Cb%3E'));
		expect(named.text).toContain('&#60;b&#62;');
		expect(named.text).not.toContain('<b>');
		const request = new Request('http://127.0.0.1/account?/constructor', {
			method: 'POST',
			body: 'a=b',
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
		});
		const enhanced = await guard(request);
		expect(enhanced.status).toBe(400);
		expect(JSON.parse(enhanced.text)).toEqual({
			type: 'error',
			error: { message: 'There is no form action named “constructor” here.' }
		});
		expect((await guard(new Request('http://127.0.0.1/modules/ml-basics'))).resolved).toBe(true);
	});
});

/** Starts a server whose handler is given the request, posts `size` bytes to it, returns what the handler saw. */
async function postTo(size: number, handle: (req: IncomingMessage) => Promise<unknown>) {
	let seen: unknown;
	const server = createServer((req, res) => {
		void handle(req).then((v) => {
			seen = v;
			res.writeHead(413, { connection: 'close' }).end('too large');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const { port } = server.address() as AddressInfo;
	const status = await new Promise<number>((resolve) => {
		const req = httpRequest(
			{ host: '127.0.0.1', port, method: 'POST', path: '/', agent: false },
			(res) => {
				res.resume();
				res.on('end', () => resolve(res.statusCode ?? 0));
			}
		);
		// Without a drain the server may reset the connection before its answer is read: status 0.
		req.on('error', () => resolve(0));
		req.setHeader('content-length', size);
		req.end(Buffer.alloc(size, 'x'));
	});
	server.close();
	return { status, seen };
}

describe('drain: a refused body is read before the refusal goes out', () => {
	it('reads the whole body, so the connection closes with nothing unread', async () => {
		const { status, seen } = await postTo(700_000, async (req) => {
			await drain(req);
			return req.complete;
		});
		expect(status).toBe(413);
		expect(seen, 'the request was read to its end before the answer').toBe(true);
	});

	it('without it the body is still unread when the answer is written', async () => {
		const { seen } = await postTo(700_000, async (req) => req.complete);
		expect(seen).toBe(false);
	});

	it('stops reading past its byte limit, and at once when there is no Node request', async () => {
		const { seen } = await postTo(2_000_000, async (req) => {
			await drain(req, { bytes: 100_000, ms: 60_000 });
			return req.complete;
		});
		expect(seen, 'a body past the limit is not read to its end').toBe(false);
		await expect(drain(undefined)).resolves.toBeUndefined();
	});
});
