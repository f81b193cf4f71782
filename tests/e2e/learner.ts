// A learner driven over HTTP alone, as a browser without JavaScript would: sign up, open a quiz
// page, send its form back. Only pages and form posts, so it holds whatever the quiz flow does
// behind them (the attempt's hidden fields are sent back as the page gave them).
import { postForms } from './fuzz-corpus';
import { send } from './http';

const FORM = 'application/x-www-form-urlencoded';

const encode = (fields: [string, string][]) =>
	Buffer.from(
		fields.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')
	);

/** Signs up a new account; returns its session cookie. */
export async function signUp(port: number, origin: string, email: string): Promise<string> {
	const res = await send(port, {
		method: 'POST',
		path: '/signup',
		headers: { origin, accept: 'text/html', 'content-type': FORM },
		body: encode([
			['email', email],
			['password', 'a good long password']
		])
	});
	const cookie = [res.headers['set-cookie'] ?? []]
		.flat()
		.map((c) => c.split(';')[0]!)
		.find((c) => c.startsWith('jalons_session='));
	if (res.status !== 303 || !cookie)
		throw new Error(`sign-up of ${email} failed: ${res.status} ${res.body.slice(0, 300)}`);
	return cookie;
}

/**
 * Opens the quiz of `moduleId` and submits it with its first choices; true when the server
 * answered with a graded result — the acknowledgement that the attempt is recorded.
 */
export async function takeQuiz(
	port: number,
	origin: string,
	cookie: string,
	moduleId: string
): Promise<boolean> {
	const path = `/modules/${moduleId}/quiz`;
	const page = await send(port, { method: 'GET', path, headers: { cookie } });
	if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
	const form = postForms(page.body, path).find((f) => f.action.endsWith('?/submit'));
	if (!form) throw new Error(`${path} shows no quiz form to submit`);
	const res = await send(port, {
		method: 'POST',
		path: form.action,
		headers: {
			origin,
			cookie,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			'content-type': FORM
		},
		body: encode(form.fields.map((f) => [f.name, f.value]))
	});
	const result = JSON.parse(res.body) as { type?: string; status?: number; data?: string };
	return (
		res.status === 200 &&
		result.type === 'success' &&
		result.status === 200 &&
		String(result.data).includes('"result"')
	);
}
