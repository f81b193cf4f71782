import { describe, expect, it } from 'vitest';
import { appOrigin, sameOrigin } from '../../src/lib/server/origin';

describe('sameOrigin: is a form post from the app itself?', () => {
	const cases: [string | null, string, string | undefined, boolean][] = [
		// No ORIGIN set: the host the request was sent to decides, over http or https.
		['http://localhost:3000', 'https://localhost:3000/signup', undefined, true],
		['http://127.0.0.1:3000', 'https://127.0.0.1:3000/signup', undefined, true],
		['https://localhost:3000', 'https://localhost:3000/signup', undefined, true],
		['http://localhost:3001', 'https://localhost:3000/signup', undefined, false],
		['http://127.0.0.1:3000', 'https://localhost:3000/signup', undefined, false],
		['http://evil.example', 'https://localhost:3000/signup', undefined, false],
		['http://localhost:3000.evil.example', 'https://localhost:3000/signup', undefined, false],
		['null', 'https://localhost:3000/signup', undefined, false],
		[null, 'https://localhost:3000/signup', undefined, false],
		['', 'https://localhost:3000/signup', undefined, false],
		['file://localhost:3000', 'https://localhost:3000/signup', undefined, false],
		// ORIGIN set: exactly that origin.
		[
			'https://jalons.example.org',
			'https://jalons.example.org/signup',
			'https://jalons.example.org',
			true
		],
		[
			'http://jalons.example.org',
			'https://jalons.example.org/signup',
			'https://jalons.example.org',
			false
		],
		[
			'https://evil.example',
			'https://jalons.example.org/signup',
			'https://jalons.example.org',
			false
		]
	];
	for (const [origin, url, configured, expected] of cases)
		it(`${origin} → ${url}${configured ? ` (ORIGIN=${configured})` : ''}: ${expected}`, () => {
			expect(sameOrigin(origin, new URL(url), configured)).toBe(expected);
		});
});

describe('appOrigin: the origin of the links the app hands out', () => {
	it('is http://<host> when ORIGIN is not set: the server itself speaks plain http', () => {
		expect(appOrigin(new URL('https://localhost:3000/p/x'), undefined)).toBe(
			'http://localhost:3000'
		);
		expect(appOrigin(new URL('https://127.0.0.1:3000/'), undefined)).toBe('http://127.0.0.1:3000');
	});
	it('is ORIGIN when set, whatever the request says', () => {
		expect(appOrigin(new URL('https://10.0.0.5:3000/'), 'https://jalons.example.org/')).toBe(
			'https://jalons.example.org'
		);
	});
});
