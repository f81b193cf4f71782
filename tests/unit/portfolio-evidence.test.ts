import { describe, expect, it } from 'vitest';
import { evidenceSchema, isWebUrl } from '../../src/lib/portfolio/evidence';

const now = () => '2026-11-23';
const base = {
	url: 'https://github.com/me/rag-bot',
	note: 'A RAG chatbot',
	credential_id: '',
	achieved_on: '2026-11-01'
};

describe('evidence', () => {
	it('accepts http and https links only', () => {
		expect(isWebUrl('https://example.org/a?b#c')).toBe(true);
		expect(isWebUrl('http://example.org')).toBe(true);
		for (const bad of [
			'javascript:alert(1)',
			'JAVASCRIPT:alert(1)',
			' javascript:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'vbscript:x',
			'ftp://example.org',
			'https://',
			'//example.org',
			'example.org',
			'https://exa mple.org'
		])
			expect(isWebUrl(bad), bad).toBe(false);
	});

	it('parses a project with a link, and trims', () => {
		const r = evidenceSchema('project', now).parse({ ...base, note: '  A RAG chatbot  ' });
		expect(r).toEqual({ ...base, note: 'A RAG chatbot', credential_id: null });
	});

	it('stores the link as parsed, so what the database checks is what was validated', () => {
		const s = evidenceSchema('project', now);
		expect(s.parse({ ...base, url: 'https:/example.org' }).url).toBe('https://example.org/');
		expect(s.parse({ ...base, url: 'HTTPS://Example.org/A' }).url).toBe('https://example.org/A');
	});

	it('gives one message per field', () => {
		const r = evidenceSchema('project', now).safeParse({
			url: 'javascript:alert(1)',
			note: '',
			credential_id: '',
			achieved_on: '2026-13-40'
		});
		expect(r.success).toBe(false);
		const fields = new Set(r.error!.issues.map((i) => i.path[0]));
		expect(fields).toEqual(new Set(['url', 'note', 'achieved_on']));
	});

	it('needs a link for projects and activities, a credential id for certifications', () => {
		expect(
			evidenceSchema('activity', now).safeParse({ ...base, url: '' }).error?.issues[0]?.path
		).toEqual(['url']);
		const cert = evidenceSchema('certification', now);
		expect(cert.safeParse({ ...base, url: '' }).error?.issues[0]?.path).toEqual(['credential_id']);
		expect(cert.parse({ ...base, url: '', credential_id: 'AWS-SCS-123' })).toMatchObject({
			url: null,
			credential_id: 'AWS-SCS-123'
		});
	});

	it('refuses dates in the future or before 1980', () => {
		const s = evidenceSchema('project', now);
		expect(s.safeParse({ ...base, achieved_on: '2026-11-23' }).success).toBe(true);
		expect(s.safeParse({ ...base, achieved_on: '2026-11-24' }).success).toBe(false);
		expect(s.safeParse({ ...base, achieved_on: '1979-12-31' }).success).toBe(false);
		expect(s.safeParse({ ...base, achieved_on: '2026-02-30' }).success).toBe(false);
	});

	it('keeps markup in a note as text: it is never interpreted', () => {
		const note = '<script>alert(1)</script><b>bold</b>';
		expect(evidenceSchema('project', now).parse({ ...base, note }).note).toBe(note);
	});
});
