// No interface text is left in English on a French page. What a page shows — its text, and the
// labels a screen reader reads (aria-label, title, alt, placeholder, value of buttons) — is scanned
// for English words that French does not use, outside code, quoted examples marked lang="en" and
// the course text itself (translated and checked by courses:check).
import { expect, test, type Page } from '@playwright/test';
import { signUpNew } from './helpers';

const ENGLISH =
	/\b(the|your|you|with|and|this|that|from|not yet|are|has|have|will|what|which|sign (?:in|up|out)|submit|back to|of the|to the|no longer|there is|here)\b/i;

async function englishOn(page: Page, scripting: boolean): Promise<string[]> {
	return page.evaluate(
		({ source, scripting }) => {
			const re = new RegExp(source, 'i');
			const root = document.body.cloneNode(true) as HTMLElement;
			// With JavaScript on, a <noscript>'s content is neither shown nor read: the browser keeps it
			// as one text node of raw markup (an exercise's fallback button, until the island hydrates),
			// whose attributes (type="submit") are not text. With JavaScript off it is real elements,
			// scanned like the rest.
			if (scripting) root.querySelectorAll('noscript').forEach((e) => e.remove());
			// A lesson's exercises are interface: kept; the rest of the lesson is course text.
			for (const body of root.querySelectorAll('.lesson-body')) {
				body.querySelectorAll('[data-island]').forEach((island) => root.append(island));
				body.remove();
			}
			// Code, English quoted on purpose, and the course texts (lesson, quiz questions, exercises'
			// sample data) are not the interface.
			root
				.querySelectorAll('pre, code, kbd, samp, [lang="en"], script, style, .prompt')
				.forEach((e) => e.remove());
			const found: string[] = [];
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				const t = (n.textContent ?? '').replace(/\s+/g, ' ').trim();
				if (re.test(t)) found.push(t.slice(0, 160));
			}
			for (const e of root.querySelectorAll('[aria-label], [title], [alt], [placeholder]'))
				for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
					const v = e.getAttribute(a);
					if (v && re.test(v)) found.push(`${a}="${v}"`);
				}
			return found;
		},
		{ source: ENGLISH.source, scripting }
	);
}

const PUBLIC = [
	'/fr',
	'/fr/roadmaps/prompt-engineer',
	'/fr/roadmaps/cloud-security-specialist',
	'/fr/modules/prompt-injection',
	'/fr/modules/prompt-injection/quiz',
	'/fr/competencies',
	'/fr/competencies/rag',
	'/fr/search?q=jeton',
	'/fr/search?q=zzzz',
	'/fr/login',
	'/fr/signup',
	'/fr/no-such-page'
];
const SIGNED_IN = [
	'/fr',
	'/fr/account',
	'/fr/portfolio',
	'/fr/portfolio/prompt-engineer',
	'/fr/review'
];

for (const javaScriptEnabled of [false, true])
	test(`French pages show no English interface text, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async ({
		browser
	}) => {
		test.slow();
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		const leftovers: string[] = [];
		const scan = async (path: string) => {
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
			leftovers.push(...(await englishOn(page, javaScriptEnabled)).map((t) => `${path}: ${t}`));
		};
		for (const path of PUBLIC) await scan(path);
		await signUpNew(page);
		for (const path of SIGNED_IN) await scan(path);
		expect(leftovers).toEqual([]);
		await context.close();
	});
