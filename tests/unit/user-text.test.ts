import { describe, expect, it } from 'vitest';
import { textProblem, userText } from '../../src/lib/user-text';
import { evidenceSchema } from '../../src/lib/portfolio/evidence';
import {
	displayNameSchema,
	fieldErrors,
	signInSchema,
	signUpSchema
} from '../../src/lib/server/auth/validation';
import { tokenRequest } from '../../src/lib/server/tools/tokens';

// What arrives when a form carries bytes that are not text: NUL as is, invalid UTF-8 as U+FFFD
// (the decoder's replacement), and lone surrogates from JSON's \ud800 escapes.
const NOT_TEXT = ['a\u0000b', '\u0000', 'caf\uFFFD', '\uD800x', 'x\uDFFF'];

describe('userText', () => {
	it('accepts what people type, in any script, on one line or several', () => {
		for (const ok of ['Ada Lovelace', 'Zoë Ångström', '李小龙', 'emoji 🚀 ok', 'tab\tinside', ''])
			expect(textProblem(ok), ok).toBeNull();
		expect(textProblem('two\nlines\r\n', true)).toBeNull();
	});

	it('refuses NUL, invalid UTF-8 and control characters, saying which', () => {
		expect(textProblem('a\u0000b')).toMatch(/NUL/);
		expect(textProblem('caf\uFFFD')).toMatch(/UTF-8/);
		expect(textProblem('\uD800x')).toMatch(/UTF-8/);
		expect(textProblem('bell\u0007')).toMatch(/control/);
		expect(textProblem('del\u007F')).toMatch(/control/);
		expect(textProblem('two\nlines')).toMatch(/one line/);
	});

	it('checks before trimming, so an invisible character at an end is refused, not dropped', () => {
		const s = userText().trim().min(1, 'Enter a name.');
		expect(s.safeParse('\u0000Ada').success).toBe(false);
		expect(s.parse('  Ada  ')).toBe('Ada');
	});

	it('is the first check of every schema that takes typed text, with a message for the field', () => {
		const cases: [
			string,
			{ safeParse: (v: unknown) => { success: boolean; error?: unknown } },
			Record<string, string>,
			string
		][] = [
			[
				'sign-up email',
				signUpSchema,
				{ email: 'ada@example.org', password: 'a good password' },
				'email'
			],
			[
				'sign-up password',
				signUpSchema,
				{ email: 'ada@example.org', password: 'a good password' },
				'password'
			],
			[
				'sign-up display name',
				signUpSchema,
				{ email: 'ada@example.org', password: 'a good password', display_name: 'Ada' },
				'display_name'
			],
			['sign-in email', signInSchema, { email: 'ada@example.org', password: 'pw' }, 'email'],
			['sign-in password', signInSchema, { email: 'ada@example.org', password: 'pw' }, 'password'],
			['display name', displayNameSchema, { display_name: 'Ada' }, 'display_name'],
			['token counter text', tokenRequest, { text: 'hello' }, 'text']
		];
		const evidence = {
			url: 'https://example.org/x',
			note: 'A demo',
			credential_id: 'ABC-1',
			achieved_on: '2026-01-01'
		};
		for (const field of Object.keys(evidence))
			cases.push([
				`evidence ${field}`,
				evidenceSchema('certification', () => '2026-11-23'),
				evidence,
				field
			]);
		for (const [what, schema, valid, field] of cases) {
			expect(schema.safeParse(valid).success, `${what}: the valid form parses`).toBe(true);
			for (const bad of NOT_TEXT) {
				const r = schema.safeParse({ ...valid, [field]: valid[field] + bad });
				expect(r.success, `${what} with ${JSON.stringify(bad)}`).toBe(false);
				expect(
					fieldErrors(r.error as never)[field],
					`${what}: the message is next to the field`
				).toMatch(/NUL|UTF-8/);
			}
		}
	});
});
