// npm run bench:lighthouse — Lighthouse 12.8 scores of four kinds of page, mobile profile with
// simulated throttling (Lighthouse's default), in Debian's Chromium against the built app on an
// empty embedded database. Figures, not a test: simulated throttling scales what it observes, so a
// busy machine gives lower performance scores than a quiet one — say which it was when you quote them.
// `CHROME_PATH` picks the browser (default /usr/bin/chromium); `LIGHTHOUSE_RUNS` runs each page N
// times and prints the median performance run (default 1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startServer } from './server';

const pages = process.argv.slice(2).length
	? process.argv.slice(2)
	: [
			'/',
			'/roadmaps/prompt-engineer',
			'/modules/tokens-cost-latency',
			'/modules/tokens-cost-latency/quiz'
		];
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 1));
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const metrics = [
	['first-contentful-paint', 'FCP'],
	['largest-contentful-paint', 'LCP'],
	['total-blocking-time', 'TBT'],
	['cumulative-layout-shift', 'CLS'],
	['speed-index', 'SI']
] as const;

const dataDir = mkdtempSync(join(tmpdir(), 'jalons-lighthouse-'));
const server = await startServer({ DATA_DIR: join(dataDir, 'data') });
const chrome = await chromeLauncher.launch({
	chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
	chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
});
const pad = (s: string, n: number) => s.padEnd(n);
console.log(
	`${pad('page', 38)} ${categories.map((c) => pad(c.replace('best-practices', 'best-pr.'), 12)).join('')}` +
		metrics.map(([, m]) => pad(m, 9)).join('')
);
const lowPoints: string[] = [];
try {
	for (const path of pages) {
		const results = [];
		for (let i = 0; i < runs; i++) {
			const result = await lighthouse(server.url + path, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: [...categories]
			});
			if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
			results.push(result.lhr);
		}
		results.sort(
			(a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0)
		);
		const lhr = results[Math.floor(results.length / 2)]!;
		const score = (c: string) => String(Math.round((lhr.categories[c]?.score ?? 0) * 100));
		const metric = (id: string) => {
			const a = lhr.audits[id];
			if (!a || a.numericValue === undefined) return '—';
			return id === 'cumulative-layout-shift'
				? a.numericValue.toFixed(3)
				: `${(a.numericValue / 1000).toFixed(2)} s`;
		};
		console.log(
			`${pad(path, 38)} ${categories.map((c) => pad(score(c), 12)).join('')}` +
				metrics.map(([id]) => pad(metric(id), 9)).join('')
		);
		// What costs points, so a score below 100 says what to fix.
		for (const c of categories)
			for (const ref of lhr.categories[c]?.auditRefs ?? []) {
				const a = lhr.audits[ref.id];
				if (ref.weight > 0 && a && a.score !== null && a.score < 0.9)
					lowPoints.push(
						`${path} · ${c}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}`
					);
			}
		const blocking = lhr.audits['render-blocking-resources']?.details as
			{ items?: { url: string; wastedMs?: number }[] } | undefined;
		for (const item of blocking?.items ?? [])
			lowPoints.push(
				`${path} · render-blocking: ${item.url.replace(server.url, '')} (${Math.round(item.wastedMs ?? 0)} ms)`
			);
	}
} finally {
	await chrome.kill();
	await server.stop();
	rmSync(dataDir, { recursive: true, force: true });
}
console.log(
	lowPoints.length ? `\nWhat cost points:\n  ${lowPoints.join('\n  ')}` : '\nNothing cost points.'
);
console.log(
	'\nTargets (issue #15): performance ≥ 98 and SEO 100 on every page above, mobile profile, on a quiet machine.'
);
