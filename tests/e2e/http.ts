// Raw HTTP/1.1 requests to 127.0.0.1, sent as written: no URL normalisation, no default headers
// beyond Host and Content-Length, a body in chunks when asked. For requests no browser would send.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawRequest {
	method: string;
	/** Path and query, already percent-encoded as they should go on the wire. */
	path: string;
	headers: Record<string, string>;
	body?: Buffer;
	/** Sends the body with `transfer-encoding: chunked` instead of a Content-Length. */
	chunked?: boolean;
}

export interface RawResponse {
	status: number;
	headers: IncomingHttpHeaders;
	body: string;
}

const MAX_BODY = 2_000_000;

export function send(port: number, r: RawRequest, timeoutMs = 120_000): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		let answered = false;
		const req = httpRequest(
			{
				host: '127.0.0.1',
				port,
				method: r.method,
				path: r.path,
				headers: r.headers,
				agent: false,
				timeout: timeoutMs
			},
			(res) => {
				answered = true;
				const chunks: Buffer[] = [];
				let size = 0;
				res.on('data', (c: Buffer) => {
					size += c.length;
					if (size <= MAX_BODY) chunks.push(c);
				});
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: Buffer.concat(chunks).toString('utf8')
					})
				);
				res.on('error', reject);
			}
		);
		req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
		req.on('error', (e: NodeJS.ErrnoException) => {
			// The server may answer (413) and close before the whole body is written.
			if (e.code === 'EPIPE' || e.code === 'ECONNRESET') return;
			reject(e);
		});
		req.on('close', () => {
			if (!answered) reject(new Error('the connection closed without an answer'));
		});
		if (r.body && r.chunked) {
			for (let i = 0; i < r.body.length; i += 65_536) req.write(r.body.subarray(i, i + 65_536));
			req.end();
		} else req.end(r.body);
	});
}

/** The status a form action really answered: SvelteKit sends fail() to `use:enhance` as a 200. */
export function effectiveStatus(res: RawResponse): number {
	if (!String(res.headers['content-type']).startsWith('application/json')) return res.status;
	try {
		const body = JSON.parse(res.body) as { type?: string; status?: number };
		if (
			(body.type === 'failure' || body.type === 'redirect' || body.type === 'success') &&
			typeof body.status === 'number'
		)
			return body.status;
	} catch {
		/* not an action result */
	}
	return res.status;
}
