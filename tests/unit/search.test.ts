import { describe, expect, test } from 'vitest';
import { checkCatalog } from '../../src/lib/content/catalog';
import { localizeCatalog } from '../../src/lib/content/localize';
import { fold, searchIndex, terms } from '../../src/lib/server/content/search';
import { readCourseFiles } from '../../scripts/catalog-files';

const { catalog } = checkCatalog(readCourseFiles(process.cwd()));
const en = localizeCatalog(catalog, 'en');
const fr = localizeCatalog(catalog, 'fr');
const searchEn = searchIndex(en, 'en');
const searchFr = searchIndex(fr, 'fr', en);
const hrefs = (rs: { href: string }[]) => rs.map((r) => r.href);

describe('words', () => {
	test('case, accents and ligatures are folded', () => {
		expect(fold('Sécurité ŒUVRE Ça')).toBe('securite oeuvre ca');
	});
	test('each language stems its own way, after folding', () => {
		expect(terms('jetons', 'fr')).toEqual(terms('jeton', 'fr'));
		expect(terms('Sécurité', 'fr')).toEqual(terms('securite', 'fr'));
		expect(terms('containers', 'en')).toEqual(terms('container', 'en'));
		expect(terms('evaluations', 'en')).toEqual(terms('evaluation', 'en'));
		expect(terms('l’injection de prompt', 'fr')).toHaveLength(4);
	});
});

describe('French search', () => {
	test('"jeton", "jetons" and "JETONS" find the tokens module, by its French title', () => {
		for (const q of ['jeton', 'jetons', 'JETONS']) {
			const found = searchFr(q);
			expect(hrefs(found), q).toContain('/modules/tokens-cost-latency');
			expect(found.find((r) => r.href === '/modules/tokens-cost-latency')!.title).toBe(
				'Jetons, coût et latence'
			);
		}
	});
	test('a word typed without its accents finds the accented one', () => {
		const accented = hrefs(searchFr('sécurité'));
		expect(accented.length).toBeGreaterThan(0);
		expect(hrefs(searchFr('securite'))).toEqual(accented);
	});
	test('an English term still finds its module on a French page', () => {
		expect(hrefs(searchFr('tokens'))).toContain('/modules/tokens-cost-latency');
	});
	test('every word must match; nonsense finds nothing', () => {
		expect(searchFr('zzzzqx')).toEqual([]);
		expect(searchFr('jeton zzzzqx')).toEqual([]);
		expect(searchFr('   ')).toEqual([]);
	});
});

describe('English search', () => {
	test('results are in English and stemmed: "evaluations" finds what "evaluation" finds', () => {
		const found = searchEn('kubernetes');
		expect(found.length).toBeGreaterThan(0);
		expect(
			found.every(
				(r) =>
					catalog.modules.get(r.href.split('/')[2]!)?.title !== undefined || r.kind !== 'module'
			)
		).toBe(true);
		expect(hrefs(searchEn('tokens'))).toContain('/modules/tokens-cost-latency');
		expect(searchEn('tokens').find((r) => r.href === '/modules/tokens-cost-latency')!.title).toBe(
			'Tokens, cost and latency'
		);
		expect(hrefs(searchEn('evaluation')).length).toBeGreaterThan(0);
		expect(hrefs(searchEn('evaluations'))).toEqual(hrefs(searchEn('evaluation')));
	});
	test('a title match ranks above a summary match', () => {
		const [first] = searchEn('prompt injection');
		expect(first!.title.toLowerCase()).toContain('prompt injection');
	});
});
