import { describe, expect, it } from 'vitest';
import { parseProfileLink, profileSchema } from '../../src/lib/portfolio/profile';
import { titleWithoutKind } from '../../src/lib/portfolio/kinds';

const base = {
	headline: 'Data analyst moving into MLOps',
	bio: 'Five years of SQL.\r\n\r\nNow shipping models.',
	github_url: 'https://github.com/ada',
	linkedin_url: 'https://www.linkedin.com/in/ada',
	website_url: 'https://ada.example.org/'
};

describe('the portfolio profile', () => {
	it('accepts a headline, a multiline bio and three links, stored as parsed', () => {
		expect(profileSchema.parse({ ...base, website_url: 'HTTPS://Ada.Example.org' })).toEqual({
			...base,
			bio: 'Five years of SQL.\n\nNow shipping models.',
			website_url: 'https://ada.example.org/'
		});
		expect(
			profileSchema.parse({
				headline: '',
				bio: '',
				github_url: ' ',
				linkedin_url: '',
				website_url: ''
			})
		).toEqual({ headline: '', bio: '', github_url: null, linkedin_url: null, website_url: null });
	});

	it('refuses a headline on two lines or too long, and a bio over 600 characters', () => {
		const errors = (v: object) =>
			profileSchema.safeParse({ ...base, ...v }).error?.issues.map((i) => i.path[0]);
		expect(errors({ headline: 'one\ntwo' })).toEqual(['headline']);
		expect(errors({ headline: 'x'.repeat(121) })).toEqual(['headline']);
		expect(errors({ headline: 'x'.repeat(120) })).toBeUndefined();
		expect(errors({ bio: 'x'.repeat(601) })).toEqual(['bio']);
		expect(errors({ bio: 'nul \u0000' })).toEqual(['bio']);
	});

	it('takes http and https links only, absolute, without credentials', () => {
		for (const bad of [
			'javascript:alert(1)',
			'data:text/html,hi',
			'/relative/path',
			'example.org',
			'ftp://example.org',
			'https://user:pass@example.org/',
			'https://user@example.org/',
			'https://exa mple.org'
		])
			expect('error' in parseProfileLink('website_url', bad), bad).toBe(true);
		expect(parseProfileLink('website_url', 'http://example.org/a?b#c')).toEqual({
			url: 'http://example.org/a?b#c'
		});
	});

	it('checks the host of GitHub and LinkedIn links', () => {
		expect(parseProfileLink('github_url', 'https://gitlab.com/ada')).toEqual({
			error: 'Enter a GitHub address, like https://github.com/you.'
		});
		expect('error' in parseProfileLink('github_url', 'https://github.com.evil.example/ada')).toBe(
			true
		);
		expect('error' in parseProfileLink('linkedin_url', 'https://notlinkedin.com/in/ada')).toBe(
			true
		);
		expect(parseProfileLink('linkedin_url', 'https://fr.linkedin.com/in/ada')).toEqual({
			url: 'https://fr.linkedin.com/in/ada'
		});
		expect(parseProfileLink('github_url', 'https://www.github.com/ada')).toEqual({
			url: 'https://www.github.com/ada'
		});
	});
});

describe('titleWithoutKind', () => {
	it('drops the kind word the badge already shows', () => {
		expect(titleWithoutKind('project', 'Project: a scoping document and KPI plan')).toBe(
			'A scoping document and KPI plan'
		);
		expect(titleWithoutKind('certification', 'Certification – AWS Security')).toBe('AWS Security');
		expect(titleWithoutKind('modules', 'Modules: the basics')).toBe('The basics');
	});

	it('keeps titles whose first word is not their own kind', () => {
		expect(titleWithoutKind('certification', 'Project: x')).toBe('Project: x');
		expect(titleWithoutKind('project', 'Projected revenue plan')).toBe('Projected revenue plan');
		expect(titleWithoutKind('phase', 'Phase-out plan')).toBe('Phase-out plan');
		expect(titleWithoutKind('certification', 'AWS Certified Security')).toBe(
			'AWS Certified Security'
		);
	});
});
