// Every schema that takes text a person typed starts from `userText()`, so what no keyboard makes
// and the database cannot store (NUL: `invalid byte sequence for encoding "UTF8": 0x00`) is refused
// at the edge with a message next to the field, and never reaches SQL.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

// C0 controls and DEL, except tab, line feed and carriage return: matching them is the point.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What is wrong with a piece of typed text, as a message for the person, or null. */
export function textProblem(value: string, multiline = false): string | null {
	if (value.includes('\u0000')) return m.account_text_nul();
	// Bytes that were not valid UTF-8 arrive decoded as U+FFFD.
	if (value.includes('\uFFFD') || LONE_SURROGATE.test(value)) return m.account_text_utf8();
	if (CONTROL.test(value)) return m.account_text_control();
	if (!multiline && LINE_BREAK.test(value)) return m.account_text_one_line();
	return null;
}

/**
 * A string a person typed; chain the field's own rules after it:
 * `userText().trim().max(80, { error: () => m.x() })`. Checked before trimming, so an
 * invisible character at either end is refused too rather than silently dropped. `error` (the
 * message when the value is not a string at all) may be a function, read per request.
 */
export function userText(options: { multiline?: boolean; error?: string | (() => string) } = {}) {
	return z.string(options.error ? { error: options.error } : undefined).superRefine((s, ctx) => {
		const problem = textProblem(s, options.multiline);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});
}
