// Hostile requests against every route and form action of the built app, on its own server and
// database (PGlite; and PostgreSQL when DATABASE_URL or FUZZ_DATABASE_URL is set): no answer may be
// a 5xx, the server must still answer afterwards, and the writes it refused must have changed no row.
// FUZZ_SEED=<n> sends the same sequence again; FUZZ_REQUESTS=<n> sends more (or fewer).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { effectiveStatus, send, type RawResponse } from './http';
import {
	generator,
	hostile,
	pageLinks,
	postForms,
	postTargetsOf,
	sourceRoutes,
	type Context,
	type Hostile
} from './fuzz-corpus';
import { signUp } from './learner';
import { createDatabase, rowCounts, startServer, withDatabase, type Server } from './server';
import { guestQuizPages } from './site-pages';

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1200);
const CONCURRENCY = 4;
const BASE_PORT = Number(process.env.E2E_PORT ?? 4173) + 20;
const ADMIN_URL = process.env.DATABASE_URL ?? process.env.FUZZ_DATABASE_URL;
const CRAWL_LIMIT = 400;

function parseSeed() {
	const given = process.env.FUZZ_SEED;
	if (given === undefined) return Math.floor(Math.random() * 2 ** 31);
	if (!/^\d+$/.test(given)) throw new Error(`FUZZ_SEED must be a number, not "${given}"`);
	return Number(given);
}

const describe = (h: Hostile) => {
	const r = h.request;
	const body = r.body
		? r.body.length > 300
			? `${JSON.stringify(r.body.subarray(0, 300).toString('latin1'))}… (${r.body.length} bytes${r.chunked ? ', chunked' : ''})`
			: JSON.stringify(r.body.toString('latin1'))
		: '(no body)';
	const headers = Object.entries(r.headers)
		.map(([k, v]) => `${k}: ${v.length > 120 ? v.slice(0, 120) + '…' : v}`)
		.join('\n    ');
	return `[${h.kind}] ${r.method} ${r.path.length > 300 ? r.path.slice(0, 300) + '…' : r.path}\n    ${headers}\n    body ${body}`;
};

/** Every page reachable by links, signed in (which also opens every module and quiz once). */
async function crawl(port: number, origin: string, cookie: string): Promise<Context> {
	const routes = sourceRoutes();
	const ctx: Context = { origin, routes, pages: new Map(), forms: [], cookie };
	const routeOf = (path: string) => routes.find((r) => r.matches(path.split('?')[0]!))?.id;
	const visit = async (path: string, signedIn: boolean) => {
		const res = await send(port, { method: 'GET', path, headers: signedIn ? { cookie } : {} });
		const route = routeOf(path);
		if (res.status === 200 && route) {
			const list = ctx.pages.get(route) ?? [];
			if (!list.includes(path)) list.push(path);
			ctx.pages.set(route, list);
			for (const form of postForms(res.body, path.split('?')[0]!))
				if (!ctx.forms.some((f) => f.form.action === form.action && f.signedIn === signedIn))
					ctx.forms.push({ route: routeOf(form.action.split('?')[0]!) ?? route, form, signedIn });
		}
		return res;
	};
	// A shared portfolio, so that /p/[slug] has a page to fuzz.
	const portfolio = await visit('/portfolio', true);
	const job = pageLinks(portfolio.body, origin).find((l) => /^\/portfolio\/[^/]+$/.test(l));
	if (job) {
		const page = await visit(job, true);
		const share = postForms(page.body, job).find((f) => f.action.endsWith('?/share'));
		if (share)
			await send(port, {
				method: 'POST',
				path: share.action,
				headers: { origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
				body: Buffer.from(
					share.fields
						.map((f) => `${encodeURIComponent(f.name)}=${encodeURIComponent(f.value)}`)
						.join('&')
				)
			});
	}
	// Guest quizzes: their forms are fuzzed signed out, as a visitor posts them.
	for (const path of ['/', '/signup', '/login', ...guestQuizPages]) await visit(path, false);
	const queue = [
		'/',
		'/portfolio',
		'/account',
		'/review',
		'/search?q=prompt',
		'/competencies',
		'/logout'
	];
	const seen = new Set(queue);
	while (queue.length && seen.size <= CRAWL_LIMIT) {
		const path = queue.shift()!;
		const res = await visit(path, true);
		if (res.status !== 200 || !String(res.headers['content-type']).startsWith('text/html'))
			continue;
		for (const link of pageLinks(res.body, origin)) {
			const bare = link.split('?')[0]!;
			// One page per route and query-less path is enough: `?from=` links would multiply them.
			if (seen.has(bare) || seen.has(link) || !routeOf(bare)) continue;
			seen.add(bare);
			queue.push(bare);
		}
	}
	// Routes no link leads to are fuzzed at their own address, or with an unknown id.
	for (const r of routes)
		if (!ctx.pages.has(r.id)) ctx.pages.set(r.id, [r.id.replace(/\[[^\]]+\]/g, 'no-such-thing')]);
	return ctx;
}

interface Outcome {
	h: Hostile;
	res?: RawResponse;
	status: number;
	problem?: string;
}

function judge(h: Hostile, res: RawResponse): string | undefined {
	const status = effectiveStatus(res);
	if (res.status >= 500 || status >= 500) return `answered ${res.status} (${status})`;
	if (h.refused) {
		const location = String(res.headers.location ?? JSON.parse(safeJson(res.body))?.location ?? '');
		const toSignIn = status >= 300 && status < 400 && location.startsWith('/login');
		if (!(status >= 400 || toSignIn)) return `a write that must be refused answered ${status}`;
	}
	if (h.notFound && h.request.method === 'GET') {
		const toSignIn = res.status === 303 && String(res.headers.location).startsWith('/login');
		if (!toSignIn && res.status !== 404) return `an unknown id answered ${res.status}, not 404`;
		if (
			res.status === 404 &&
			!res.body.includes('Search modules, roadmaps and competencies') &&
			String(res.headers['content-type']).startsWith('text/html')
		)
			return 'the 404 page offers no way on (search box)';
	}
	return undefined;
}

const safeJson = (s: string) => {
	try {
		JSON.parse(s);
		return s;
	} catch {
		return 'null';
	}
};

async function fuzz(
	label: string,
	server: Server,
	port: number,
	restart: () => Promise<Server>,
	counts: () => Promise<Record<string, number>>,
	stopForCounts: boolean
) {
	const seed = parseSeed();
	console.log(
		`fuzz (${label}): seed ${seed}, ${REQUESTS} requests — FUZZ_SEED=${seed} sends them again`
	);
	const cookie = await signUp(
		port,
		server.url,
		`fuzz-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`
	);
	const ctx = await crawl(port, server.url, cookie);
	const targets = postTargetsOf(ctx);
	for (const r of ctx.routes)
		for (const a of r.actions)
			expect(
				targets.some((t) => t.route === r.id && (t.action ?? 'default') === a),
				`a form action ${r.id}?/${a} to fuzz`
			).toBe(true);

	console.log(
		`fuzz (${label}): form actions and the fields found for them: ` +
			targets
				.map(
					(t) =>
						`${t.form.action.replace(/\/[^/?]{12,}/g, '/…')} (${t.form.fields.map((f) => f.name).join(' ') || '—'})`
				)
				.join(', ')
	);
	if (stopForCounts) await server.stop();
	const before = await counts();
	if (stopForCounts) server = await restart();

	const rng = generator(seed);
	const corpus = Array.from({ length: REQUESTS }, (_, i) => hostile(rng, ctx, i));
	const outcomes: Outcome[] = [];
	const deadline = Date.now() + 15 * 60_000;
	let next = 0;
	await Promise.all(
		Array.from({ length: CONCURRENCY }, async () => {
			while (next < corpus.length && Date.now() < deadline && server.alive()) {
				const h = corpus[next++]!;
				try {
					const res = await send(port, h.request);
					outcomes.push({ h, res, status: effectiveStatus(res), problem: judge(h, res) });
				} catch (e) {
					outcomes.push({ h, status: 0, problem: `no answer: ${(e as Error).message}` });
				}
			}
		})
	);

	const home = await send(port, { method: 'GET', path: '/', headers: {} }).catch(() => null);
	const alive = server.alive() && home?.status === 200;
	if (stopForCounts) await server.stop();
	const after = await counts();
	if (!stopForCounts) await server.stop();

	const byStatus = new Map<number, number>();
	for (const o of outcomes) byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
	const byKind = new Map<string, Map<number, number>>();
	for (const o of outcomes) {
		const m = byKind.get(o.h.kind) ?? new Map<number, number>();
		m.set(o.status, (m.get(o.status) ?? 0) + 1);
		byKind.set(o.h.kind, m);
	}
	const fmt = (m: Map<number, number>) =>
		[...m]
			.sort((a, b) => a[0] - b[0])
			.map(([s, n]) => `${s}×${n}`)
			.join(' ');
	console.log(
		`fuzz (${label}): ${outcomes.length} requests to ${new Set(outcomes.map((o) => o.h.route)).size} routes, ` +
			`${targets.length} action targets; answers by status (form actions by the status they returned): ${fmt(byStatus)}\n` +
			[...byKind]
				.sort()
				.map(([k, m]) => `  ${k.padEnd(22)} ${fmt(m)}`)
				.join('\n')
	);

	const problems = outcomes.filter((o) => o.problem);
	const log = test.info().outputPath(`server-${label}.log`);
	if (problems.length) writeFileSync(log, server.output());
	expect
		.soft(
			problems.slice(0, 15).map((o) => `${o.problem}\n  ${describe(o.h)}`),
			`${problems.length} of ${outcomes.length} requests went wrong (seed ${seed}); the first ones ` +
				`(what the server printed: ${log})`
		)
		.toEqual([]);
	expect.soft(outcomes.length, `requests sent before the deadline (seed ${seed})`).toBe(REQUESTS);
	for (const r of ctx.routes)
		expect
			.soft(
				outcomes.some((o) => o.h.route === r.id),
				`requests to ${r.id}`
			)
			.toBe(true);
	expect.soft(alive, `the server still answers after the fuzz (seed ${seed})`).toBe(true);
	expect(after, `row counts after the refused writes (seed ${seed})`).toEqual(before);
}

test('fuzz: no 5xx, nothing written, server alive — PGlite', async () => {
	test.setTimeout(30 * 60_000);
	const port = BASE_PORT;
	const dataDir = mkdtempSync(join(tmpdir(), 'jalons-fuzz-'));
	// The same secret after the restart (as several app servers share one), so forms still hold.
	const env = { DATA_DIR: dataDir, ATTEMPT_SECRET: randomBytes(32).toString('hex') };
	try {
		const server = await startServer({ port, env });
		let current = server;
		await fuzz(
			'PGlite',
			server,
			port,
			async () => (current = await startServer({ port, env })),
			() => withDatabase({ dataDir }, rowCounts),
			true
		).finally(() => current.stop('SIGKILL'));
	} finally {
		rmSync(dataDir, { recursive: true, force: true });
	}
});

if (ADMIN_URL)
	test('fuzz: no 5xx, nothing written, server alive — PostgreSQL', async () => {
		test.setTimeout(30 * 60_000);
		const port = BASE_PORT + 1;
		const db = await createDatabase(ADMIN_URL, 'jalons_fuzz');
		try {
			const server = await startServer({ port, env: { DATABASE_URL: db.url } });
			await fuzz(
				'PostgreSQL',
				server,
				port,
				() => startServer({ port, env: { DATABASE_URL: db.url } }),
				() => withDatabase({ databaseUrl: db.url }, rowCounts),
				false
			).finally(() => server.stop('SIGKILL'));
		} finally {
			await db.drop();
		}
	});
