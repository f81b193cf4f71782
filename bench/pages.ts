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
console.log(`page${' '.repeat(36)}   JS gz KB  CSS gz KB  HTML KB  HTML gz KB  requests`);
try {
	for (const path of pages) {
		const context = await browser.newContext();
		const page = await context.newPage();
		const sizes = { js: 0, css: 0, html: 0, htmlGz: 0, requests: 0 };
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
		console.log(
			`${path.padEnd(40)} ${kb(sizes.js)}    ${kb(sizes.css)}  ${kb(sizes.html)}     ${kb(sizes.htmlGz)}   ${String(sizes.requests).padStart(5)}`
		);
		await context.close();
	}
} finally {
	await browser.close();
	await server.stop();
}
console.log('\nTarget: a module page downloads ≤ 50 KB of JS, gzipped.');
