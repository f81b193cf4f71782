import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
	formatDate,
	formatNumber,
	localeOfPath,
	localHref,
	plural,
	preferredLocale,
	unlocalizedPath
} from '../../src/lib/i18n';
import { localizeLinks } from '../../src/lib/server/content/lessons';
import { messageProblems } from '../../scripts/i18n-compile';

describe('paths', () => {
	test.each([
		['/', 'fr', '/fr'],
		['/modules/x', 'fr', '/fr/modules/x'],
		['/fr/modules/x', 'fr', '/fr/modules/x'],
		['/fr/modules/x', 'en', '/modules/x'],
		['/fr', 'en', '/'],
		['/search?q=jeton#r', 'fr', '/fr/search?q=jeton#r'],
		['/?deleted=1', 'fr', '/fr?deleted=1'],
		['/french-course', 'fr', '/fr/french-course'],
		['/frites', 'en', '/frites'],
		['https://example.org/x', 'fr', 'https://example.org/x'],
		['//evil.example/x', 'fr', '//evil.example/x'],
		['#top', 'fr', '#top'],
		['?/read', 'fr', '?/read']
	] as const)('localHref(%s, %s) = %s', (href, locale, expected) => {
		expect(localHref(href, locale)).toBe(expected);
	});
	test('the language of a path, and the path without it', () => {
		expect(localeOfPath('/fr')).toBe('fr');
		expect(localeOfPath('/fr/roadmaps/x')).toBe('fr');
		expect(localeOfPath('/frites')).toBe('en');
		expect(localeOfPath('/')).toBe('en');
		expect(unlocalizedPath('/fr')).toBe('/');
		expect(unlocalizedPath('/fr/roadmaps/x')).toBe('/roadmaps/x');
		expect(unlocalizedPath('/frites')).toBe('/frites');
	});
	test("a French lesson's app links and tool forms lead to French pages; others are kept", () => {
		const html =
			'<a href="/modules/a">a</a> <form action="/tools/b"> <a href="https://x.org/">x</a> ' +
			'<a href="#h">h</a> <script src="/_app/immutable/x.js"></script> <a href="//cdn.example/">c</a>';
		expect(localizeLinks(html, 'fr')).toBe(
			'<a href="/fr/modules/a">a</a> <form action="/fr/tools/b"> <a href="https://x.org/">x</a> ' +
				'<a href="#h">h</a> <script src="/_app/immutable/x.js"></script> <a href="//cdn.example/">c</a>'
		);
	});
});

describe('Accept-Language', () => {
	test.each([
		['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
		['en-US,en;q=0.9', 'en'],
		['de-DE, fr-CA;q=0.8, en;q=0.5', 'fr'],
		['en;q=0.2, fr;q=0.7', 'fr'],
		['de, es', null],
		['*', 'en'],
		['fr;q=0', null],
		['', null],
		['garbage;;;q=abc', null]
	] as const)('%s → %s', (header, expected) => {
		expect(preferredLocale(header)).toBe(expected);
	});
	test('no header: no preference', () => {
		expect(preferredLocale(null)).toBeNull();
	});
});

describe('numbers, dates and plurals in each language', () => {
	test('dates', () => {
		expect(formatDate('2026-12-01', undefined, 'en')).toBe('1 December 2026');
		expect(formatDate('2026-12-01', undefined, 'fr')).toBe('1 décembre 2026');
	});
	test('numbers', () => {
		expect(formatNumber(1234.5, {}, 'en')).toBe('1,234.5');
		expect(formatNumber(1234.5, {}, 'fr')).toMatch(/^1\s234,5$/u);
	});
	test('French says 0 and 1 in the singular; English says 0 in the plural', () => {
		const one = ({ n }: { n: string | number }) => `${n} module`;
		const other = ({ n }: { n: string | number }) => `${n} modules`;
		expect([0, 1, 2].map((n) => plural(n, one, other, {}, 'fr'))).toEqual([
			'0 module',
			'1 module',
			'2 modules'
		]);
		expect([0, 1, 2].map((n) => plural(n, one, other, {}, 'en'))).toEqual([
			'0 modules',
			'1 module',
			'2 modules'
		]);
	});
});

describe('interface messages', () => {
	test('every key has a text in English and in French, and none is repeated', () => {
		const { keys, problems } = messageProblems();
		expect(problems).toEqual([]);
		expect(keys).toBeGreaterThan(30);
	});
	test('a key in one language only, an empty text or a repeated key is named with its file', () => {
		const root = mkdtempSync(join(tmpdir(), 'jalons-messages-'));
		mkdirSync(join(root, 'messages/a'), { recursive: true });
		mkdirSync(join(root, 'messages/b'), { recursive: true });
		const write = (file: string, data: object) =>
			writeFileSync(join(root, 'messages', file), JSON.stringify(data));
		write('a/en.json', { hello: 'Hello', only_en: 'Only here', empty: 'x' });
		write('a/fr.json', { hello: 'Bonjour', empty: ' ' });
		write('b/en.json', { hello: 'Hello again' });
		write('b/fr.json', { hello: 'Rebonjour' });
		const { problems } = messageProblems(root);
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/messages\/b\/en\.json: "hello" is also in .*messages\/a\/en\.json/),
				expect.stringMatching(/messages\/a\/fr\.json: "empty" has no text/),
				expect.stringMatching(/messages\/a\/en\.json: "only_en" has no fr text/)
			])
		);
	});
});
