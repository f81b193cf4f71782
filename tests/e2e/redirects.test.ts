// `redirectTo` from the address bar never sends anyone off the app, and never breaks the page:
// as a GET, after signing in, and after signing up; as a browser posts a form and as `enhance` does.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';

const PASSWORD = 'a good long password';

// Raw query values, as an attacker would type them after `redirectTo=`.
const HOSTILE = [
	'/%09/evil.example',
	'/%0a/evil.example',
	'/%0d/evil.example',
	'/%0d%0a/evil.example',
	'/%0d%0aSet-Cookie:%20a=b',
	'/%E3%80%82',
	'//evil%E3%80%82example',
	'//evil%EF%BC%8Eexample',
	'/%5Cevil.example',
	'%5C%5Cevil.example',
	'/%2F%2Fevil.example',
	'//evil.example',
	'/.//evil.example',
	'https://evil.example/',
	'http:evil.example',
	'javascript:alert(1)',
	'data:text/html,%3Cscript%3Ealert(1)%3C/script%3E',
	'%C0%AF'
];

/** Where the response sends the browser, resolved as a browser would, or null. */
function destination(res: APIResponse, base: string): URL | null {
	const location = res.headers()['location'];
	return location === undefined ? null : new URL(location, base);
}

function expectStaysOnApp(res: APIResponse, base: string, label: string) {
	expect(res.status(), label).toBeLessThan(500);
	const to = destination(res, base);
	if (to) expect(to.origin, `${label} → ${to.href}`).toBe(new URL(base).origin);
}

async function post(request: APIRequestContext, base: string, path: string, form: object) {
	return request.post(path, {
		form: form as Record<string, string>,
		headers: { origin: new URL(base).origin, accept: 'text/html' },
		maxRedirects: 0
	});
}

async function signUp(request: APIRequestContext, base: string): Promise<string> {
	const email = `e2e-redirect-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
	const res = await post(request, base, '/signup', { email, password: PASSWORD });
	expect(res.status()).toBe(303);
	return email;
}

test('GET /login with a hostile redirectTo: the form signed out, a page of the app signed in', async ({
	request,
	baseURL
}) => {
	for (const target of HOSTILE)
		for (const page of ['/login', '/signup']) {
			const res = await request.get(`${page}?redirectTo=${target}`, { maxRedirects: 0 });
			expect(res.status(), `${page} ${target}`).toBe(200);
		}
	await signUp(request, baseURL!);
	for (const target of HOSTILE) {
		const res = await request.get(`/login?redirectTo=${target}`, { maxRedirects: 0 });
		expect(res.status(), target).toBe(303);
		expectStaysOnApp(res, baseURL!, `GET /login ${target}`);
	}
	const res = await request.get('/login?redirectTo=/%09/evil.example', { maxRedirects: 0 });
	expect(res.headers()['location']).toBe('/');
});

test('after signing in, redirectTo goes to the page of the app it names, or to /', async ({
	request,
	baseURL
}) => {
	test.slow();
	const email = await signUp(request, baseURL!);
	const target = '/modules/tokens-cost-latency?tab=2#try-it';
	const back = await post(request, baseURL!, `/login?redirectTo=${encodeURIComponent(target)}`, {
		email,
		password: PASSWORD
	});
	expect(back.status()).toBe(303);
	expect(back.headers()['location']).toBe(target);
	for (const target of HOSTILE) {
		const signIn = await post(request, baseURL!, `/login?redirectTo=${target}`, {
			email,
			password: PASSWORD
		});
		expect(signIn.status(), target).toBe(303);
		expectStaysOnApp(signIn, baseURL!, `POST /login ${target}`);
		// As `use:enhance` posts it: the redirect comes back as JSON.
		const enhanced = await request.post(`/login?redirectTo=${target}`, {
			form: { email, password: PASSWORD },
			headers: { origin: new URL(baseURL!).origin, 'x-sveltekit-action': 'true' }
		});
		expect(enhanced.status(), target).toBe(200);
		const body = await enhanced.json();
		expect(body.type, target).toBe('redirect');
		expect(new URL(body.location, baseURL).origin, target).toBe(new URL(baseURL!).origin);
	}
});

test('after signing up, a hostile redirectTo sends to a page of the app', async ({
	playwright,
	baseURL
}) => {
	for (const target of [
		'/%09/evil.example',
		'/%0d%0a/evil.example',
		'/%E3%80%82',
		'/.//evil.example'
	]) {
		const fresh = await playwright.request.newContext({ baseURL });
		const email = `e2e-redirect-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
		const res = await post(fresh, baseURL!, `/signup?redirectTo=${target}`, {
			email,
			password: PASSWORD
		});
		expect(res.status(), target).toBe(303);
		expectStaysOnApp(res, baseURL!, `POST /signup ${target}`);
		await fresh.dispose();
	}
});

test('pages that need an account send to sign in, whatever their address holds', async ({
	request,
	baseURL
}) => {
	for (const path of ['/portfolio/%0d%0a', '/account?x=%0d%0a%E3%80%82', '/portfolio/%E3%80%82']) {
		const res = await request.get(path, { maxRedirects: 0 });
		expect(res.status(), path).toBe(303);
		expectStaysOnApp(res, baseURL!, path);
		expect(destination(res, baseURL!)!.pathname).toBe('/login');
	}
	// Actions of pages that guests may read, posted by a guest.
	for (const path of ['/modules/%0d%0a%E3%80%82?/complete', '/roadmaps/%0d%0a%E3%80%82?/enroll']) {
		const res = await post(request, baseURL!, path, {});
		expectStaysOnApp(res, baseURL!, path);
	}
});
