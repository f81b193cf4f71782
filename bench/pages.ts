// npm run bench:pages — what a browser downloads per page: JS and CSS (gzipped bytes) and the
// server's HTML. Measured in Debian's Chromium against the built app. Figures, not a test.
import { chromium } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { startServer } from './server';
import { chromiumLaunch } from '../tests/chromium';

const pages = process.argv.slice(2).length
	? process.argv.slice(2)
	: [
			'/',
			'/roadmaps/prompt-engineer',
			'/modules/tokens-cost-latency',
			'/modules/kubernetes-essentials',
			'/competencies',
			'/competencies/rag',
			'/search?q=docker'
		];

const server = await startServer();
const browser = await chromium.launch(chromiumLaunch);
const kb = (n: number) => (n / 1024).toFixed(1).padStart(7);
type Sizes = { js: number; css: number; html: number; htmlGz: number; requests: number };

async function measure(path: string): Promise<Sizes> {
	const context = await browser.newContext();
	const page = await context.newPage();
	const sizes: Sizes = { js: 0, css: 0, html: 0, htmlGz: 0, requests: 0 };
	const pending: Promise<void>[] = [];
	page.on('response', (res) => {
		pending.push(
			(async () => {
				const type = res.request().resourceType();
				const body = await res.body().catch(() => Buffer.alloc(0));
				sizes.requests++;
				if (type === 'script') sizes.js += gzipSync(body).length;
				else if (type === 'stylesheet') sizes.css += gzipSync(body).length;
				else if (type === 'document') {
					sizes.html += body.length;
					sizes.htmlGz += gzipSync(body).length;
				}
			})()
		);
	});
	const res = await page.goto(server.url + path, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	if (!res?.ok()) console.log(`${path}: HTTP ${res?.status()}`);
	await context.close();
	return sizes;
}

const row = (path: string, s: Sizes) =>
	`${path.padEnd(43)} ${kb(s.js)}    ${kb(s.css)}  ${kb(s.html)}     ${kb(s.htmlGz)}   ${String(s.requests).padStart(5)}`;
console.log(`page${' '.repeat(39)}   JS gz KB  CSS gz KB  HTML KB  HTML gz KB  requests`);
let worst = -Infinity;
try {
	for (const path of pages) {
		const en = await measure(path);
		// The same page in French (src/lib/i18n.ts): /fr/… .
		const frPath = path === '/' ? '/fr' : `/fr${path}`;
		const fr = await measure(frPath);
		worst = Math.max(worst, fr.js - en.js);
		console.log(row(path, en));
		console.log(row(frPath, fr));
		console.log(
			`${''.padEnd(43)} ${(fr.js - en.js >= 0 ? '+' : '') + ((fr.js - en.js) / 1024).toFixed(1)} KB of JS in French`
		);
	}
} finally {
	await browser.close();
	await server.stop();
}
console.log(
	`\nThe most JS a French page adds over its English one: ${(worst / 1024).toFixed(1)} KB gz.`
);
console.log(
	'Targets: a module page downloads ≤ 50 KB of JS, gzipped; a French page ≤ 5 KB more than its English one.'
);
