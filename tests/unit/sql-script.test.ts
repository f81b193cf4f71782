import { describe, expect, it } from 'vitest';
import { literal, script } from '../../src/lib/server/db/script';

describe('one-message scripts (src/lib/server/db/script.ts)', () => {
	it('quotes every value as a literal of unknown type, as a bound parameter is', () => {
		expect(literal(null)).toBe('NULL');
		expect(literal(undefined)).toBe('NULL');
		expect(literal(42)).toBe("'42'");
		expect(literal(true)).toBe("'true'");
		expect(literal(10n)).toBe("'10'");
		expect(literal("it's")).toBe("'it''s'");
		expect(literal('a\\b')).toBe("E'a\\\\b'");
		expect(literal(new Date('2026-12-03T00:00:00Z'))).toBe("'2026-12-03T00:00:00.000Z'");
	});

	it('writes bytes as bytea hex input, typed: bytes are only bound for a bytea', () => {
		expect(literal(Buffer.from("x'\\"))).toBe("E'\\\\x78275c'::bytea");
		expect(literal(new Uint8Array([0, 255]))).toBe("E'\\\\x00ff'::bytea");
	});

	it('refuses what it cannot write as a literal: the caller binds those', () => {
		expect(literal('a\0b')).toBeNull();
		expect(literal(new Date(Number.NaN))).toBeNull();
		expect(literal({ a: 1 })).toBeNull();
		expect(literal(Symbol('s'))).toBeNull();
	});

	it('joins fixed statements, values written in place of $n', () => {
		expect(
			script([
				{ text: 'select set_config($1, $2, true)', params: ['role', 'anon'] },
				{
					text: 'select * from public.f(a => $1, b => $2, c => $10)',
					params: [1, null, 3, 4, 5, 6, 7, 8, 9, "x'"]
				}
			])
		).toBe(
			"select set_config('role', 'anon', true);\nselect * from public.f(a => '1', b => NULL, c => 'x''')"
		);
	});

	it.each([
		["select 'literal', $1"],
		['select "quoted", $1'],
		['select $1; select 2'],
		['select $$ body $$, $1'],
		['select $tag$ body $tag$, $1'],
		['select $1 -- comment'],
		['select $1 /* comment */']
	])('keeps a statement with literals or comments of its own on the bound path: %s', (text) => {
		expect(script([{ text, params: [1] }])).toBeNull();
	});

	it('refuses a $n with no value', () => {
		expect(script([{ text: 'select $1, $2', params: [1] }])).toBeNull();
	});
});
