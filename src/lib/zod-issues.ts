// Zod's messages for the issues JSON sent to the app can raise (a policy typed in the evaluator, a
// body posted to /api/tokens), in the page's language: English word for word as zod writes them,
// French as a message. Pass it per parse, where the language is the request's:
// `schema.safeParse(value, { error: zodIssue })`. A schema's own messages come first; an issue it
// does not know keeps zod's English.
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** JSON's types as zod names them. */
const TYPES: Record<string, () => string> = {
	object: m.tools_api_type_object,
	record: m.tools_api_type_record,
	array: m.tools_api_type_array,
	string: m.tools_api_type_string,
	number: m.tools_api_type_number,
	boolean: m.tools_api_type_boolean,
	null: m.tools_api_type_null,
	undefined: m.tools_api_type_undefined
};
const typeName = (t: string) => (Object.hasOwn(TYPES, t) ? TYPES[t]!() : t);
const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
/** A value as zod quotes it in a message: strings in double quotes. */
export const literal = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

export const zodIssue: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type':
			return m.tools_api_zod_type({
				expected: typeName(issue.expected),
				received: typeName(jsonType(issue.input))
			});
		case 'invalid_union':
			return m.tools_api_zod_union();
		case 'invalid_value':
			if (issue.values.length > 1)
				return m.tools_api_zod_option({ values: issue.values.map(literal).join('|') });
			break;
		case 'too_small':
			if (issue.origin === 'array' && issue.minimum === 1 && issue.inclusive && !issue.exact)
				return m.tools_api_zod_empty_list();
	}
	return undefined;
};
