// What the fuzz test sends: the routes and form actions read from src/routes, the forms read from
// the pages the server renders, and hostile variants of both drawn from a seeded generator, so that
// a failing request can be sent again from its seed.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RawRequest } from './http';

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function generator(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (n: number) => Math.floor(next() * n);
	return {
		int,
		chance: (p: number) => next() < p,
		pick: <T>(list: readonly T[]): T => list[int(list.length)]!
	};
}
export type Rng = ReturnType<typeof generator>;

// ---------------------------------------------------------------------------------------------
// Routes and actions, from the source

export interface SourceRoute {
	/** The route id as SvelteKit writes it, e.g. `/modules/[id]/quiz`. */
	id: string;
	page: boolean;
	endpoint: boolean;
	actions: string[];
	matches: (pathname: string) => boolean;
}

/** The keys of the object literal that follows `export const actions`, at its top level. */
export function actionNames(source: string): string[] {
	const at = source.search(/export\s+const\s+actions\b/);
	if (at < 0) return [];
	const start = source.indexOf('{', at);
	const keys: string[] = [];
	let depth = 0;
	let expectKey = false;
	for (let i = start; i < source.length; i++) {
		const c = source[i]!;
		if (c === '/' && source[i + 1] === '/') {
			i = source.indexOf('\n', i);
			continue;
		}
		if (c === '/' && source[i + 1] === '*') {
			i = source.indexOf('*/', i) + 1;
			continue;
		}
		if (c === "'" || c === '"' || c === '`') {
			const end = source.indexOf(c, i + 1);
			if (depth === 1 && expectKey) keys.push(source.slice(i + 1, end));
			expectKey = false;
			i = end;
			continue;
		}
		if ('{[('.includes(c)) {
			depth++;
			expectKey = depth === 1;
			continue;
		}
		if ('}])'.includes(c)) {
			depth--;
			if (depth === 0) break;
			continue;
		}
		if (depth !== 1) continue;
		if (c === ',') expectKey = true;
		else if (/[A-Za-z_$]/.test(c) && expectKey) {
			const word = /^[A-Za-z_$][\w$]*/.exec(source.slice(i))![0];
			// `async submit() {}` and `submit: async () => {}` name the same key.
			if (word !== 'async') {
				keys.push(word);
				expectKey = false;
			}
			i += word.length - 1;
		}
	}
	return keys;
}

export function sourceRoutes(root = 'src/routes'): SourceRoute[] {
	const routes: SourceRoute[] = [];
	const walk = (dir: string, id: string) => {
		const files = readdirSync(dir, { withFileTypes: true });
		const has = (name: string) => files.some((f) => f.isFile() && f.name === name);
		const page = has('+page.svelte') || has('+page.server.ts') || has('+page.ts');
		const endpoint = has('+server.ts');
		if (page || endpoint) {
			const server = join(dir, '+page.server.ts');
			const pattern = id
				.split('/')
				.map((s) => (/^\[.+\]$/.test(s) ? '[^/]+' : s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
				.join('/');
			const regex = new RegExp(`^${pattern || ''}/?$`);
			routes.push({
				id: id || '/',
				page,
				endpoint,
				actions: existsSync(server) ? actionNames(readFileSync(server, 'utf8')) : [],
				matches: (p) => regex.test(p)
			});
		}
		for (const f of files)
			if (f.isDirectory())
				walk(join(dir, f.name), /^\(.+\)$/.test(f.name) ? id : `${id}/${f.name}`);
	};
	walk(root, '');
	return routes;
}

// ---------------------------------------------------------------------------------------------
// Forms and links, from rendered pages

export interface Field {
	name: string;
	value: string;
	/** Hidden fields carry the page's state (attempt, item); visible ones are what people type. */
	hidden: boolean;
}

export interface FormSpec {
	/** Where the form posts: a path with `?/name` for named actions. */
	action: string;
	fields: Field[];
}

const decode = (s: string) =>
	s
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
		.replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of tag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g))
		out[m[1]!.toLowerCase()] = decode(m[2] ?? '');
	return out;
}

/** The POST forms of a page, one per submit button (each may post elsewhere with `formaction`). */
export function postForms(html: string, pagePath: string): FormSpec[] {
	const specs: FormSpec[] = [];
	for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const form = attributes(m[1]!);
		if ((form.method ?? 'get').toLowerCase() !== 'post') continue;
		const inner = m[2]!;
		const fields: Field[] = [];
		const seen = new Set<string>();
		for (const t of inner.matchAll(/<input\b([^>]*)>/g)) {
			const a = attributes(t[1]!);
			const type = (a.type ?? 'text').toLowerCase();
			if (!a.name || type === 'submit' || type === 'button' || type === 'file') continue;
			// One choice per radio group and checkbox: a form as someone would fill it in.
			if ((type === 'radio' || type === 'checkbox') && seen.has(a.name)) continue;
			seen.add(a.name);
			fields.push({
				name: a.name,
				value: a.value ?? (type === 'checkbox' ? 'on' : ''),
				hidden: type === 'hidden'
			});
		}
		for (const t of inner.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
			const a = attributes(t[1]!);
			if (a.name) fields.push({ name: a.name, value: decode(t[2]!), hidden: false });
		}
		for (const t of inner.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const a = attributes(t[1]!);
			const option = /<option\b([^>]*)>/.exec(t[2]!);
			if (a.name)
				fields.push({
					name: a.name,
					value: option ? (attributes(option[1]!).value ?? '') : '',
					hidden: false
				});
		}
		const buttons = [...inner.matchAll(/<button\b([^>]*)>/g)]
			.map((b) => attributes(b[1]!))
			.filter((b) => (b.type ?? 'submit').toLowerCase() === 'submit');
		const resolve = (target: string | undefined) => {
			if (!target) return pagePath;
			if (target.startsWith('?')) return pagePath + target;
			return target;
		};
		for (const b of buttons.length ? buttons : [{}]) {
			const extra: Field[] = b.name ? [{ name: b.name, value: b.value ?? '', hidden: true }] : [];
			specs.push({ action: resolve(b.formaction ?? form.action), fields: [...fields, ...extra] });
		}
	}
	return specs;
}

/** Same-origin links of a page, as paths (query kept, fragment dropped). */
export function pageLinks(html: string, origin: string): string[] {
	const out = new Set<string>();
	for (const m of html.matchAll(/href="([^"]+)"/g)) {
		let href = decode(m[1]!);
		if (href.startsWith(origin)) href = href.slice(origin.length);
		if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/_app/')) continue;
		out.add(href.split('#')[0]!);
	}
	return [...out];
}

// ---------------------------------------------------------------------------------------------
// Hostile requests

export interface Hostile {
	/** What the request tries, for the summary and for failure messages. */
	kind: string;
	/** The source route it targets. */
	route: string;
	/** The action it targets (POST), or null. */
	action: string | null;
	request: RawRequest;
	/** A write that must be refused: 4xx, or a redirect to sign in. */
	refused: boolean;
	/** An unknown id: a 404 page with a way on (or a redirect to sign in). */
	notFound?: boolean;
	signedIn: boolean;
}

export interface Context {
	origin: string;
	routes: SourceRoute[];
	/** Pages the crawl found, by route id. */
	pages: Map<string, string[]>;
	/** Forms the crawl found, with the session they were seen in. */
	forms: { route: string; form: FormSpec; signedIn: boolean }[];
	cookie: string;
}

const FORM = 'application/x-www-form-urlencoded';
export const BODY_LIMIT = 512 * 1024;

const WRONG_TYPES = [
	'text/plain',
	'text/plain;charset=UTF-8',
	'application/xml',
	'application/octet-stream',
	'text/html',
	'image/png',
	'application/x-www-form-urlencodedx',
	'multipart/mixed; boundary=x',
	'a/b/c',
	';;;',
	' '
];
const BROKEN_MULTIPART: [string, string][] = [
	['multipart/form-data', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n'],
	['multipart/form-data; boundary=', '--\r\n\r\n'],
	['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'],
	[
		'multipart/form-data; boundary=x',
		'--y\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--y--\r\n'
	],
	['multipart/form-data; boundary=x', 'hello world'],
	['multipart/form-data; boundary=x', '--x\r\nContent-Type: text/plain\r\n\r\n1\r\n--x--\r\n'],
	['multipart/form-data; boundary=x', ''],
	[
		'multipart/form-data; boundary=x',
		'--x\nContent-Disposition: form-data; name="a"\n\n1\n--x--\n'
	],
	['multipart/form-data;boundary="unterminated', '--unterminated\r\n']
];
const RESERVED = [
	'__proto__',
	'constructor',
	'default',
	'toString',
	'hasOwnProperty',
	'valueOf',
	'isPrototypeOf',
	'__defineGetter__',
	'propertyIsEnumerable',
	'toLocaleString',
	'',
	'%00',
	'..%2F..%2Fetc',
	'a%20b',
	'x'.repeat(300)
];
/** Bytes that are not text: NUL, and byte sequences that are not valid UTF-8. */
const BAD_BYTES: Buffer[] = [
	Buffer.from([0x00]),
	Buffer.from('a\u0000b'),
	Buffer.from([0xff]),
	Buffer.from([0xc3, 0x28]),
	Buffer.from([0xed, 0xa0, 0x80]),
	Buffer.from([0xf4, 0x90, 0x80, 0x80]),
	Buffer.from([0x80, 0x81]),
	Buffer.from([0xe0, 0xa4])
];
const pct = (b: Buffer) =>
	[...b].map((x) => '%' + x.toString(16).toUpperCase().padStart(2, '0')).join('');

const ID_VARIANTS = [
	'no-such-thing',
	'%00',
	'a%00b',
	'%ZZ',
	'%E0%A4%A',
	'%C0%AF',
	'%FF',
	'%ED%A0%80',
	'x'.repeat(3000),
	'..%2F..%2F..%2Fetc%2Fpasswd',
	'__proto__',
	'constructor',
	'%F0%9F%98%80',
	'%20',
	'CON',
	'%2e%2e',
	"'%3B%20drop%20table%20profiles%3B--"
];
const QUERY_KEYS = [
	'q',
	'redirectTo',
	'text',
	'encoding',
	'from',
	'candidate',
	'reference',
	'policy',
	'action',
	'resource',
	'context',
	'output',
	'calls',
	'pin',
	'pout',
	'deleted',
	'x-sveltekit-invalidated',
	'x-sveltekit-trailing-slash',
	'__proto__',
	'constructor',
	'/default',
	'%00',
	'%ZZ'
];
const QUERY_VALUES = [
	'%00',
	'a%00b',
	'%FF%FE',
	'%ZZ',
	'%',
	'%E3%80%82',
	'x'.repeat(6000),
	'%3Cscript%3Ealert(1)%3C%2Fscript%3E',
	'1e309',
	'-1',
	'NaN',
	'%5B%5D',
	'%7B%7D',
	'%2F%09%2Fevil.example',
	'%2F%0A%2Fevil.example',
	'%2F%2Fevil.example',
	'javascript%3Aalert(1)',
	'0_1_2',
	'11111',
	'%ED%A0%80',
	'%F0%9F%98%80'
];
const COOKIES = [
	'jalons_session=%00',
	'jalons_session=' + 'a'.repeat(4000),
	'jalons_session=%ZZ',
	'jalons_session=',
	'jalons_session="',
	'jalons_session=x; jalons_session=y',
	'=;;;=',
	'jalons_session=\u00ff'.replace('\u00ff', '%FF')
];

function urlencoded(fields: [string, string | Buffer][]): Buffer {
	return Buffer.from(
		fields
			.map(
				([k, v]) =>
					`${encodeURIComponent(k)}=${typeof v === 'string' ? encodeURIComponent(v) : pct(v)}`
			)
			.join('&')
	);
}

function multipart(fields: [string, string | Buffer][], boundary: string): Buffer {
	const parts: Buffer[] = [];
	for (const [k, v] of fields) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n`));
		parts.push(typeof v === 'string' ? Buffer.from(v) : v);
		parts.push(Buffer.from('\r\n'));
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return Buffer.concat(parts);
}

function withAction(path: string, name: string): string {
	const [pathname, query = ''] = path.split('?');
	const rest = query
		.split('&')
		.filter((p) => p && !p.startsWith('/'))
		.join('&');
	return `${pathname}?/${name}${rest ? '&' + rest : ''}`;
}

/** The next hostile request. Round-robin over targets, so every route and action is covered. */
export function hostile(rng: Rng, ctx: Context, i: number): Hostile {
	const postTargets = postTargetsOf(ctx);
	const getRoutes = ctx.routes.filter((r) => (ctx.pages.get(r.id)?.length ?? 0) > 0);
	const useGet = i % 2 === 1;
	if (useGet) return hostileGet(rng, ctx, getRoutes[Math.floor(i / 2) % getRoutes.length]!);
	return hostilePost(rng, ctx, postTargets[Math.floor(i / 2) % postTargets.length]!);
}

interface PostTarget {
	route: string;
	action: string | null;
	form: FormSpec;
	signedIn: boolean;
	endpoint: boolean;
}

const targetsCache = new WeakMap<Context, PostTarget[]>();

/** Every action of every route, with a form found on a page, or an empty one where none showed. */
export function postTargetsOf(ctx: Context): PostTarget[] {
	const cached = targetsCache.get(ctx);
	if (cached) return cached;
	const targets: PostTarget[] = [];
	for (const route of ctx.routes) {
		const names = route.actions.length ? route.actions : route.page ? [null] : [];
		for (const name of names) {
			const action = name === 'default' ? null : name;
			const found = ctx.forms.filter(
				(f) =>
					f.route === route.id &&
					(action === null ? !f.form.action.includes('?/') : f.form.action.includes(`?/${action}`))
			);
			if (found.length)
				for (const f of found.slice(0, 3))
					targets.push({
						route: route.id,
						action,
						form: f.form,
						signedIn: f.signedIn,
						endpoint: false
					});
			else {
				const page = ctx.pages.get(route.id)?.[0];
				if (!page) continue;
				const path = page.split('?')[0]!;
				targets.push({
					route: route.id,
					action,
					form: { action: action ? `${path}?/${action}` : path, fields: [] },
					signedIn: true,
					endpoint: false
				});
			}
		}
		if (route.endpoint) {
			const page = ctx.pages.get(route.id)?.[0] ?? route.id;
			targets.push({
				route: route.id,
				action: null,
				form: { action: page, fields: [] },
				signedIn: true,
				endpoint: true
			});
		}
	}
	targetsCache.set(ctx, targets);
	return targets;
}

function hostilePost(rng: Rng, ctx: Context, t: PostTarget): Hostile {
	const signedIn = t.signedIn && !rng.chance(0.15);
	const headers: Record<string, string> = { origin: ctx.origin };
	if (signedIn) headers.cookie = ctx.cookie;
	if (rng.chance(0.5)) {
		headers.accept = 'application/json';
		headers['x-sveltekit-action'] = 'true';
	}
	const valid: [string, string][] = t.form.fields.map((f) => [f.name, f.value]);
	const base = { route: t.route, action: t.action ?? 'default', signedIn, refused: true };
	const post = (
		kind: string,
		path: string,
		body: Buffer,
		contentType: string | null,
		chunked = false
	) => {
		const h = { ...headers };
		if (contentType !== null) h['content-type'] = contentType;
		return { ...base, kind, request: { method: 'POST', path, headers: h, body, chunked } };
	};
	if (t.route === '/api/tokens') return hostileJson(rng, post);

	const kinds = [
		'no-type',
		'wrong-type',
		'multipart-no-boundary',
		'broken-multipart',
		'reserved-action',
		'unknown-action',
		'oversized',
		'cross-site',
		'bad-text',
		'bad-text-multipart',
		'other-method'
	];
	// A form with no field to corrupt is fuzzed in its structure only.
	const kind = rng.pick(
		t.form.fields.length ? kinds : kinds.filter((k) => !k.startsWith('bad-text'))
	);
	const path = t.form.action;
	switch (kind) {
		case 'no-type':
			return post(kind, path, urlencoded(valid), null);
		case 'wrong-type':
			return post(kind, path, urlencoded(valid), rng.pick(WRONG_TYPES));
		case 'multipart-no-boundary':
			return post(kind, path, multipart(valid, 'b0undary'), 'multipart/form-data');
		case 'broken-multipart': {
			const [type, body] = rng.pick(BROKEN_MULTIPART);
			return post(kind, path, Buffer.from(body), type);
		}
		case 'reserved-action':
			return post(kind, withAction(path, rng.pick(RESERVED)), urlencoded(valid), FORM);
		case 'unknown-action':
			return post(kind, withAction(path, `nope${rng.int(1000)}`), urlencoded(valid), FORM);
		case 'oversized': {
			const pad = 'x'.repeat(BODY_LIMIT + 1024 + rng.int(100_000));
			return post(kind, path, urlencoded([...valid, ['pad', pad]]), FORM, rng.chance(0.5));
		}
		case 'cross-site': {
			const h = post(kind, path, urlencoded(valid), FORM);
			h.request.headers.origin = rng.pick(['https://evil.example', 'null', 'http://127.0.0.1']);
			return h;
		}
		case 'bad-text':
		case 'bad-text-multipart': {
			// Every field a person types gets bytes that are not text; state in hidden fields stays
			// valid, so the request reaches the action (a form with hidden fields only gets them all).
			const typed = t.form.fields.some((f) => !f.hidden);
			const corrupted: [string, string | Buffer][] = t.form.fields.map((f) =>
				f.hidden && typed
					? [f.name, f.value]
					: [
							f.name,
							Buffer.concat([
								Buffer.from(f.value.slice(0, 20)),
								rng.pick(BAD_BYTES),
								Buffer.from('z')
							])
						]
			);
			if (kind === 'bad-text') return post(kind, path, urlencoded(corrupted), FORM);
			const boundary = `----fuzz${rng.int(1e9)}`;
			return post(
				kind,
				path,
				multipart(corrupted, boundary),
				`multipart/form-data; boundary=${boundary}`
			);
		}
		default: {
			const method = rng.pick(['PUT', 'PATCH', 'DELETE']);
			const h = post(kind, path, urlencoded(valid), FORM);
			h.request.method = method;
			return h;
		}
	}
}

function hostileJson(
	rng: Rng,
	post: (kind: string, path: string, body: Buffer, type: string | null) => Hostile
): Hostile {
	const path = '/api/tokens';
	const kind = rng.pick([
		'bad-json',
		'bad-text-json',
		'wrong-type',
		'no-type',
		'oversized',
		'reserved-action'
	]);
	switch (kind) {
		case 'bad-json':
			return post(
				kind,
				path,
				Buffer.from(
					rng.pick(['{', '[]', 'null', '{"text": 1}', '"x"', '{"text":"a","encoding":"rot13"}', ''])
				),
				'application/json'
			);
		case 'bad-text-json':
			return post(
				kind,
				path,
				Buffer.from(
					`{"text": "${rng.pick(['\\u0000', 'a\\u0000b', '\\ud800', '\\udfff x', '\\u0000\\u0000'])}"}`
				),
				'application/json'
			);
		case 'wrong-type':
			return post(kind, path, Buffer.from('{"text":"hello"}'), rng.pick(WRONG_TYPES));
		case 'no-type':
			return post(kind, path, Buffer.from('{"text":"hello"}'), null);
		case 'oversized':
			return post(
				kind,
				path,
				Buffer.from(JSON.stringify({ text: 'x'.repeat(BODY_LIMIT + 1024) })),
				'application/json'
			);
		default:
			return post(
				kind,
				`${path}?/${rng.pick(RESERVED)}`,
				Buffer.from('{"text":"hello"}'),
				'application/json'
			);
	}
}

function hostileGet(rng: Rng, ctx: Context, route: SourceRoute): Hostile {
	const signedIn = rng.chance(0.7);
	const headers: Record<string, string> = {};
	if (signedIn) headers.cookie = ctx.cookie;
	let path = rng.pick(ctx.pages.get(route.id)!).split('?')[0]!;
	let kind = 'weird-query';
	let notFound = false;
	const dynamic = route.id
		.split('/')
		.map((s, i) => (/^\[.+\]$/.test(s) ? i : -1))
		.filter((i) => i >= 0);
	const roll = rng.int(10);
	if (dynamic.length && roll < 4) {
		const segments = path.split('/');
		const variant = rng.pick(ID_VARIANTS);
		segments[rng.pick(dynamic)] = variant;
		path = segments.join('/');
		kind = 'weird-id';
		notFound = variant === 'no-such-thing';
	} else if (roll < 5) {
		kind = 'data-request';
		path = `${path.replace(/\/$/, '')}/__data.json`;
		headers['x-sveltekit-invalidated'] = rng.pick(['', '1', '01', '1_1_1', 'zz', '%00']);
	} else if (roll < 6) {
		kind = 'weird-headers';
		headers.cookie = rng.pick(COOKIES);
		headers.accept = rng.pick(['*/*', 'application/json', 'text/html;q=0', 'garbage', '']);
		headers['accept-language'] = rng.pick(['fr', 'zz-ZZ', '*', ';;;', 'x'.repeat(500)]);
	}
	const params: string[] = [];
	const n = kind === 'weird-query' ? 1 + rng.int(4) : rng.int(2);
	for (let k = 0; k < n; k++) params.push(`${rng.pick(QUERY_KEYS)}=${rng.pick(QUERY_VALUES)}`);
	if (params.length) path += (path.includes('?') ? '&' : '?') + params.join('&');
	return {
		kind,
		route: route.id,
		action: null,
		signedIn,
		refused: false,
		notFound,
		request: { method: rng.chance(0.1) ? 'HEAD' : 'GET', path, headers }
	};
}
