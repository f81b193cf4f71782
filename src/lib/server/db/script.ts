// A transaction of fixed statements as one message: PostgreSQL runs the statements of one
// simple-protocol query as a single implicit transaction (committed after the last, rolled back
// on any error, `set_config(…, true)` ending with it), so a call that took four round trips
// (begin, role and claims, call, commit) takes one. The parameters are written into the text as
// quoted literals — what an untyped parameter is to PostgreSQL: text of unknown type, resolved by
// the function called — so only statements the app writes itself, with no literal or comment of
// their own, are accepted.

/** A quoted literal for `value`, or null when it cannot be written as one (the caller binds it). */
export function literal(value: unknown): string | null {
	if (value === null || value === undefined) return 'NULL';
	let text: string;
	switch (typeof value) {
		case 'string':
			text = value;
			break;
		case 'number':
		case 'bigint':
		case 'boolean':
			text = String(value);
			break;
		default:
			// Bytes are only ever bound for a bytea (the session token's hash): written as bytea's
			// hex input with its type, what a binary parameter of node-postgres or PGlite is.
			if (value instanceof Uint8Array)
				return `E'\\\\x${Buffer.from(value).toString('hex')}'::bytea`;
			if (value instanceof Date && !Number.isNaN(value.getTime())) text = value.toISOString();
			else return null;
	}
	// A NUL would end the message's query string early; PostgreSQL refuses it in a parameter too.
	if (text.includes('\0')) return null;
	const quoted = `'${text.replaceAll("'", "''")}'`;
	// E'' with doubled backslashes means the same whatever standard_conforming_strings says.
	return text.includes('\\') ? `E${quoted.replaceAll('\\', '\\\\')}` : quoted;
}

// What a statement may not contain: quotes, dollar quotes, comments, a second statement.
const UNSAFE = /['";]|\$\$|\$[A-Za-z_]|--|\/\*/;
const PARAM = /\$(\d+)/g;

/**
 * The statements with their parameters written in, joined into one script, or null when a
 * statement or a value does not allow it (the caller then runs them one by one with bound
 * parameters, as before).
 */
export function script(steps: { text: string; params: unknown[] }[]): string | null {
	const out: string[] = [];
	for (const { text, params } of steps) {
		if (UNSAFE.test(text)) return null;
		const values = params.map(literal);
		if (values.some((v) => v === null)) return null;
		let bad = false;
		const inlined = text.replace(PARAM, (_, n: string) => {
			const v = values[Number(n) - 1];
			if (v === undefined) bad = true;
			return v ?? '';
		});
		if (bad) return null;
		out.push(inlined);
	}
	return out.join(';\n');
}
