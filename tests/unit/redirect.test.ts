import { describe, expect, test } from 'vitest';
import { isRedirect } from '@sveltejs/kit';
import { pageOf, safeRedirect, signedIn, signInTo } from '../../src/lib/server/redirect';

const ORIGIN = 'http://127.0.0.1:5173';

// `redirectTo` as the login page reads it: already percent-decoded by URLSearchParams.
const decoded = (raw: string) => new URLSearchParams(`redirectTo=${raw}`).get('redirectTo');

const kept: [string, string | null, string][] = [
	['a path', '/modules/tokenization', '/modules/tokenization'],
	[
		'a path with query and hash',
		'/modules/tokenization?tab=2&x=a%20b#quiz',
		'/modules/tokenization?tab=2&x=a%20b#quiz'
	],
	['the root', '/', '/'],
	[
		'a private page with its query',
		'/portfolio/prompt-engineer?saved=1',
		'/portfolio/prompt-engineer?saved=1'
	],
	['an absolute URL of the app itself', `${ORIGIN}/account#name`, '/account#name'],
	['a relative path, read from the root', 'account', '/account'],
	['dot segments, resolved', '/modules/../account', '/account'],
	[
		'spaces and accents, percent-encoded',
		'/search?q=intégration continue#h é',
		'/search?q=int%C3%A9gration%20continue#h%20%C3%A9'
	],
	[
		'a double-encoded //, kept as a path',
		decoded('/%252F%252Fevil.example'),
		'/%2F%2Fevil.example'
	],
	['a double-encoded backslash, kept as a path', decoded('/%255Cevil.example'), '/%5Cevil.example'],
	['an ideographic full stop, percent-encoded', '/\u3002/evil.example', '/%E3%80%82/evil.example'],
	[
		'fullwidth solidi, which are not slashes',
		'\uff0f\uff0fevil.example',
		'/%EF%BC%8F%EF%BC%8Fevil.example'
	],
	['a NUL byte, percent-encoded', '/a\u0000b', '/a%00b'],
	['a line separator, percent-encoded', '/a\u2028b', '/a%E2%80%A8b'],
	[
		'a path with CR/LF inside, which the parser drops',
		decoded('/account%0d%0aSet-Cookie:%20x=1'),
		'/accountSet-Cookie:%20x=1'
	]
];

const refused: [string, string | null | undefined][] = [
	['null', null],
	['undefined', undefined],
	['empty', ''],
	['protocol-relative', '//evil.example'],
	['protocol-relative with path', '//evil.example/login'],
	['tab after the slash', '/\t/evil.example'],
	['encoded tab (%09)', decoded('/%09/evil.example')],
	['newline after the slash', '/\n/evil.example'],
	['encoded newline (%0a)', decoded('/%0a/evil.example')],
	['encoded carriage return (%0d)', decoded('/%0d/evil.example')],
	['encoded CR/LF', decoded('/%0d%0a/evil.example')],
	['encoded // (%2F%2F)', decoded('/%2F%2Fevil.example')],
	['encoded /\\ (%2F%5C)', decoded('/%2F%5Cevil.example')],
	['slash backslash', '/\\evil.example'],
	['encoded slash backslash (%5C)', decoded('/%5Cevil.example')],
	['two backslashes', '\\\\evil.example'],
	['tab then backslash', '/\t\\evil.example'],
	['leading spaces', '  //evil.example'],
	['a dot segment before //', '/.//evil.example'],
	['a parent segment before //', '/..//evil.example'],
	['deeper parent segments before //', '/a/../..//evil.example'],
	['an encoded ideographic full stop in the host', decoded('//evil%E3%80%82example')],
	['an ideographic full stop in the host', '//evil\u3002example'],
	['a fullwidth full stop in the host', '//evil\uff0eexample'],
	['http:', 'http://evil.example/'],
	['https:', 'https://evil.example/account'],
	['the app host on another port', 'http://127.0.0.1:5174/account'],
	['the app host over https', 'https://127.0.0.1:5173/account'],
	['credentials before the host', 'http://127.0.0.1:5173@evil.example/'],
	['javascript:', 'javascript:alert(document.domain)'],
	['javascript: in capitals with a tab', 'JavaScript:\talert(1)'],
	['data:', 'data:text/html,<script>alert(1)</script>'],
	['a URL the parser rejects', 'http://[not-an-ip]/']
];

describe('safeRedirect', () => {
	test.each(kept)('keeps %s', (_, target, expected) => {
		expect(safeRedirect(target, ORIGIN)).toBe(expected);
	});

	test.each(refused)('refuses %s', (_, target) => {
		expect(safeRedirect(target, ORIGIN)).toBe('/');
	});

	test('what it returns can always be a Location header, and stays on the app', () => {
		for (const [, target] of [...kept, ...refused]) {
			const location = safeRedirect(target, ORIGIN);
			expect(() => new Headers({ location }), JSON.stringify(target)).not.toThrow();
			expect(location).toMatch(/^\/(?![/\\])[\x21-\x7e]*$/);
			expect(new URL(location, ORIGIN).origin).toBe(ORIGIN);
		}
	});
});

describe('signInTo', () => {
	test('comes back to the path, whatever it holds, through a Location header that cannot throw', () => {
		for (const path of ['/account', '/modules/a b?x=1&y=2#h', '/modules/\r\n\u3002']) {
			const location = signInTo(path);
			expect(() => new Headers({ location })).not.toThrow();
			const back = new URL(location, ORIGIN).searchParams.get('redirectTo');
			expect(back).toBe(path);
		}
		expect(signInTo('/account')).toBe('/login?redirectTo=%2Faccount');
	});
});

describe('signedIn', () => {
	const visitor = { user: null, db: null };
	const thrown = (fn: () => unknown) => {
		try {
			fn();
		} catch (e) {
			return e;
		}
		throw new Error('no redirect');
	};

	test('sends a visitor to sign in, back to the page and not to the form action', () => {
		const r = thrown(() => signedIn(visitor, new URL(`${ORIGIN}/roadmaps/mlops?/enroll`)));
		expect(isRedirect(r) && [r.status, r.location]).toEqual([
			303,
			'/login?redirectTo=%2Froadmaps%2Fmlops'
		]);
		const path = thrown(() => signedIn(visitor, '/portfolio/mlops?x=1'));
		expect(isRedirect(path) && path.location).toBe(signInTo('/portfolio/mlops?x=1'));
	});

	test('gives back the user and database of a signed-in request', () => {
		const locals = { user: { id: 'u', email: 'a@example.org' }, db: { rpc: async () => [] } };
		expect(signedIn(locals, '/account')).toEqual(locals);
	});

	test('keeps the query of a page, without form actions', () => {
		expect(pageOf(new URL(`${ORIGIN}/search?q=a+b&/go`))).toBe('/search?q=a+b');
		expect(pageOf(new URL(`${ORIGIN}/review`))).toBe('/review');
	});
});
