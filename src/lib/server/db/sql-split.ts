// Splits a migration into statements the way the Supabase CLI does before it records them in
// supabase_migrations.schema_migrations.statements, so a migration applied by the app and one pushed
// by `supabase db push` leave the same history row (tests/db/09-supabase-cli.test.ts compares them).
// The CLI's rules, not PostgreSQL's lexer: a `;` ends a statement unless it is in a quote ('…' or
// "…"), a dollar quote ($tag$…$tag$), a comment (-- or nested /* */), after a backslash, inside
// parentheses (any `)` closes them), or in a BEGIN ATOMIC … END body. Each statement keeps its
// comments, loses its trailing `;` and surrounding white space; empty ones are dropped.

type State =
	| { kind: 'ready' }
	| { kind: 'dash' }
	| { kind: 'slash'; depth: number }
	| { kind: 'quote'; delimiter: string; closing: boolean }
	| { kind: 'tag'; start: number }
	| { kind: 'until'; delimiter: string }
	| { kind: 'escape' }
	| { kind: 'nested'; inner: State; delimiter: string };

const READY: State = { kind: 'ready' };
const TAG_CHAR = /[\p{L}\p{Nd}_]/u;

/** The next state after `ch`, which ends `text`; null where a statement ends. */
function next(state: State, ch: string, text: string): State | null {
	switch (state.kind) {
		case 'ready':
			if (ch === '$') return { kind: 'tag', start: text.length - 1 };
			if (ch === "'" || ch === '"') return { kind: 'quote', delimiter: ch, closing: false };
			if (ch === '-') return { kind: 'dash' };
			if (ch === '/') return { kind: 'slash', depth: 0 };
			if (ch === '\\') return { kind: 'escape' };
			if (ch === ';') return null;
			if (ch === '(') return { kind: 'nested', inner: READY, delimiter: ')' };
			if ((ch === 'c' || ch === 'C') && /\sATOMIC$/i.test(text))
				return { kind: 'nested', inner: READY, delimiter: 'END' };
			return state;
		case 'dash':
			return ch === '-' ? { kind: 'until', delimiter: '\n' } : next(READY, ch, text);
		case 'slash': {
			const pair = text.slice(-2);
			if (pair === '/*') return { kind: 'slash', depth: state.depth + 1 };
			if (state.depth === 0) return next(READY, ch, text);
			if (pair === '*/')
				return state.depth === 1 ? READY : { kind: 'slash', depth: state.depth - 1 };
			return state;
		}
		case 'quote':
			if (state.closing)
				return ch === state.delimiter ? { ...state, closing: false } : next(READY, ch, text);
			return ch === state.delimiter ? { ...state, closing: true } : state;
		case 'tag':
			if (ch === '$') return { kind: 'until', delimiter: text.slice(state.start) };
			return TAG_CHAR.test(ch) ? state : next(READY, ch, text);
		case 'until':
			return text.endsWith(state.delimiter) ? READY : state;
		case 'escape':
			return READY;
		case 'nested': {
			const inner = next(state.inner, ch, text) ?? state.inner;
			if (
				inner.kind === 'ready' &&
				text.slice(-state.delimiter.length).toUpperCase() === state.delimiter
			)
				return READY;
			return { ...state, inner };
		}
	}
}

/** The statements of `sql`, as the Supabase CLI records them. */
export function splitStatements(sql: string): string[] {
	const out: string[] = [];
	const push = (token: string) => {
		const trimmed = token.replace(/;+$/, '').trim();
		if (trimmed) out.push(trimmed);
	};
	let state: State = READY;
	let start = 0;
	let i = 0;
	for (const ch of sql) {
		i += ch.length;
		const after = next(state, ch, sql.slice(start, i));
		if (after) state = after;
		else {
			push(sql.slice(start, i));
			start = i;
			state = READY;
		}
	}
	push(sql.slice(start));
	return out;
}
