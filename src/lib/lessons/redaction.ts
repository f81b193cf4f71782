// Redaction patterns against a bundled log with planted secrets and decoys, as a secret scanner or
// a log filter would apply them. Pure: the same code runs on the server (no JavaScript) and live.
//
// Why not `new RegExp(learnerText)`: a backtracking engine can take exponential time on a short
// pattern (`(a+)+b`), and JavaScript cannot interrupt a running match, so one request could hold
// the server. Instead the patterns use a small regex syntax — characters, classes, escapes, `\b` and
// quantifiers, no groups, alternation or backreferences — compiled to an automaton and run by
// simulating every state at once (Thompson's construction): time grows with text length × pattern
// states, never exponentially. The text is the bundled sample (a few kilobytes, never learner
// input), patterns are bounded in number, length and states, and a step budget refuses the rest.

import { m } from '$lib/paraglide/messages';

export const MAX_PATTERNS = 12;
export const MAX_PATTERN_LENGTH = 120;
export const MAX_REPEAT = 100;
export const MAX_STATES = 400;
export const STEP_BUDGET = 3_000_000;

type Test = (c: string) => boolean;
type State = { kind: 'one' | 'opt' | 'star'; test: Test } | { kind: 'boundary' };
type Item = { test: Test; min: number; max: number } | { boundary: true };

const isWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';
const isSpace = (c: string) => /\s/.test(c);
const CLASSES: Record<string, Test> = {
	d: isDigit,
	D: (c) => !isDigit(c),
	w: isWord,
	W: (c) => !isWord(c),
	s: isSpace,
	S: (c) => !isSpace(c)
};
const ESCAPED: Record<string, string> = { n: '\n', t: '\t' };

export type Compiled = { states: State[] } | { error: string };

/** Compiles one pattern of the limited syntax; the error says what is not supported and why. */
export function compile(pattern: string): Compiled {
	if (pattern.length > MAX_PATTERN_LENGTH)
		return {
			error: m.tools_redactlib_too_long({ length: pattern.length, max: MAX_PATTERN_LENGTH })
		};
	const items: Item[] = [];
	let i = 0;
	const escape = (): { test: Test } | { char: string } | { error: string } => {
		const e = pattern[i + 1];
		i += 2;
		if (e === undefined) return { error: m.tools_redactlib_lone_backslash() };
		if (CLASSES[e]) return { test: CLASSES[e] };
		if (ESCAPED[e]) return { char: ESCAPED[e] };
		if (!/[A-Za-z0-9]/.test(e)) return { char: e };
		return {
			error: m.tools_redactlib_unsupported_escape({
				escape: `\\${e}`,
				classes: '\\d \\w \\s \\D \\W \\S \\b'
			})
		};
	};
	while (i < pattern.length) {
		const c = pattern[i]!;
		let test: Test;
		if (c === '(' || c === ')' || c === '|') return { error: m.tools_redactlib_group({ char: c }) };
		if (c === '^' || c === '$')
			return { error: m.tools_redactlib_anchor({ char: c, boundary: '\\b' }) };
		if ('*+?{'.includes(c)) {
			const prev = items.at(-1);
			return {
				error:
					prev && !('boundary' in prev)
						? m.tools_redactlib_repeat_repeat({ char: c })
						: m.tools_redactlib_nothing_to_repeat({ char: c })
			};
		}
		if (c === '\\') {
			if (pattern[i + 1] === 'b') {
				items.push({ boundary: true });
				i += 2;
				continue;
			}
			const e = escape();
			if ('error' in e) return e;
			if ('test' in e) test = e.test;
			else {
				const ch = e.char;
				test = (x) => x === ch;
			}
		} else if (c === '[') {
			const cls = parseClass();
			if ('error' in cls) return cls;
			test = cls.test;
		} else if (c === '.') {
			test = (x) => x !== '\n';
			i++;
		} else {
			test = (x) => x === c;
			i++;
		}
		const q = quantifier();
		if ('error' in q) return q;
		items.push({ test, ...q });
	}
	if (!items.some((it) => 'min' in it && it.min > 0)) return { error: m.tools_redactlib_empty() };
	const states: State[] = [];
	for (const it of items) {
		if ('boundary' in it) states.push({ kind: 'boundary' });
		else {
			for (let k = 0; k < it.min; k++) states.push({ kind: 'one', test: it.test });
			if (it.max === Infinity) states.push({ kind: 'star', test: it.test });
			else for (let k = it.min; k < it.max; k++) states.push({ kind: 'opt', test: it.test });
		}
		if (states.length > MAX_STATES)
			return { error: m.tools_redactlib_too_many_states({ max: MAX_STATES, braces: '{ }' }) };
	}
	return { states };

	function quantifier(): { min: number; max: number } | { error: string } {
		const c = pattern[i];
		if (c === '*' || c === '+' || c === '?') {
			i++;
			return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
		}
		if (c !== '{') return { min: 1, max: 1 };
		const hit = /^\{(\d{1,3})(,(\d{0,3}))?\}/.exec(pattern.slice(i));
		if (!hit)
			return {
				error: m.tools_redactlib_bad_count({ brace: '{', examples: '{16}, {2,}', last: '{8,40}' })
			};
		i += hit[0].length;
		const min = Number(hit[1]);
		const max = hit[2] === undefined ? min : hit[3] === '' ? Infinity : Number(hit[3]);
		if (max < min) return { error: m.tools_redactlib_counts_down({ range: `{${min},${max}}` }) };
		if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT))
			return { error: m.tools_redactlib_count_max({ braces: '{ }', max: MAX_REPEAT }) };
		return { min, max };
	}

	function parseClass(): { test: Test } | { error: string } {
		i++;
		const negate = pattern[i] === '^';
		if (negate) i++;
		const parts: Test[] = [];
		let first = true;
		while (i < pattern.length && (pattern[i] !== ']' || first)) {
			first = false;
			let lo: string;
			if (pattern[i] === '\\') {
				const e = escape();
				if ('error' in e) return e;
				if ('test' in e) {
					parts.push(e.test);
					continue;
				}
				lo = e.char;
			} else lo = pattern[i++]!;
			if (pattern[i] === '-' && pattern[i + 1] !== undefined && pattern[i + 1] !== ']') {
				i++;
				let hi: string;
				if (pattern[i] === '\\') {
					const e = escape();
					if ('error' in e || 'test' in e)
						return { error: m.tools_redactlib_range_end({ char: lo }) };
					hi = e.char;
				} else hi = pattern[i++]!;
				if (hi < lo) return { error: m.tools_redactlib_range_backwards({ range: `${lo}-${hi}` }) };
				parts.push((x) => x >= lo && x <= hi);
			} else parts.push((x) => x === lo);
		}
		if (pattern[i] !== ']') return { error: m.tools_redactlib_unclosed() };
		i++;
		return { test: (x) => parts.some((p) => p(x)) !== negate };
	}
}

/** Counts steps across one evaluation, so that no set of patterns can run without bound. */
class Budget {
	used = 0;
	spend(n: number) {
		this.used += n;
		return this.used <= STEP_BUDGET;
	}
}

/**
 * Every match of the compiled pattern, leftmost first and longest at that position (POSIX
 * semantics), not overlapping; null when the step budget runs out.
 */
export function findAll(
	states: State[],
	text: string,
	budget = new Budget()
): [number, number][] | null {
	const k = states.length;
	const out: [number, number][] = [];
	let p = 0;
	while (p < text.length) {
		// cur[i]: the earliest start of a partial match waiting at state i, or -1.
		let cur = new Int32Array(k + 1).fill(-1);
		let best: [number, number] | null = null;
		for (let q = p; ; q++) {
			if (!best && (cur[0]! < 0 || cur[0]! > q)) cur[0] = q;
			// Empty moves only go forward (i → i + 1), so one pass in order closes the set.
			for (let i = 0; i < k; i++) {
				const s = cur[i]!;
				if (s < 0) continue;
				const st = states[i]!;
				const skip =
					st.kind === 'opt' ||
					st.kind === 'star' ||
					(st.kind === 'boundary' && isWord(text[q - 1]) !== isWord(text[q]));
				if (skip && (cur[i + 1]! < 0 || s < cur[i + 1]!)) cur[i + 1] = s;
			}
			const s = cur[k]!;
			if (s >= 0 && (!best || s < best[0] || (s === best[0] && q > best[1]))) best = [s, q];
			let live = false;
			for (let i = 0; i < k; i++) {
				if (best && cur[i]! > best[0]) cur[i] = -1;
				if (cur[i]! >= 0) live = true;
			}
			if (q >= text.length || (best && !live)) break;
			if (!budget.spend(k)) return null;
			const next = new Int32Array(k + 1).fill(-1);
			const c = text[q]!;
			for (let i = 0; i < k; i++) {
				const s = cur[i]!;
				const st = states[i]!;
				if (s < 0 || st.kind === 'boundary' || !st.test(c)) continue;
				const to = st.kind === 'star' ? i : i + 1;
				if (next[to]! < 0 || s < next[to]!) next[to] = s;
			}
			cur = next;
		}
		if (!best) break;
		out.push(best);
		p = best[1];
	}
	return out;
}

export type Patterns = { patterns: { source: string; states: State[] }[] } | { error: string };

/** One pattern a line; blank lines are skipped; the first bad line is named. */
export function parsePatterns(text: string, label = m.tools_redactlib_patterns()): Patterns {
	const lines = text
		.split(/\r?\n/)
		.map((l, i) => ({ source: l.trim(), line: i + 1 }))
		.filter((l) => l.source);
	if (lines.length === 0) return { error: m.tools_redactlib_none({ label }) };
	if (lines.length > MAX_PATTERNS)
		return {
			error: m.tools_redactlib_max_patterns({ label, max: MAX_PATTERNS, count: lines.length })
		};
	const patterns = [];
	for (const { source, line } of lines) {
		const c = compile(source);
		if ('error' in c)
			return {
				error: m.tools_redactlib_line({ label, line, source: source.slice(0, 40), error: c.error })
			};
		patterns.push({ source, states: c.states });
	}
	return { patterns };
}

export interface Planted {
	kind: 'secret' | 'decoy';
	label: string;
	text: string;
}

// The sample: an application's log and config, with secrets planted next to look-alikes.
const JWT =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjdXN0LTQ0MTkiLCJleHAiOjE3OTY2MDAwMDB9.a2EovR_pwZVdUszTdpUIPAo7aqWxTqnDtBt3qUe3le4';
const PRIVATE_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACDh1d2n8cL5r3VqYx0m9ZkA7pQw4sT6uJ2bE1fH8gK0ewAAAJgNu4tTDbuL
-----END OPENSSH PRIVATE KEY-----`;
const PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEA4d2n8cL5r3VqYx0m9ZkA7pQw4sT6uJ2bE1fH8gK0ew0=
-----END PUBLIC KEY-----`;

export const SAMPLE = `08:14:02 INFO  orders-api 2.14.3 starting, commit dbc991d3a5aef8e1b4ae2d42616d7f6c2437b4c4
08:14:02 INFO  keys rotate per runbook AKIA_KEY_ROTATION
08:14:03 DEBUG aws: access key AKIAQX4MZ7RT2LBN5WJD for s3://orders-exports
08:14:03 DEBUG db: connect postgresql://orders_app:Tr0ub4dor-and-3@orders-db.internal:5432/orders
08:14:03 INFO  vault: https://vault.internal:8200/v1/database/creds/orders-readonly
08:14:04 DEBUG http: Authorization: Bearer ${JWT}
08:14:04 INFO  http: GET /api/orders.export.v2 200 trace=4b89bc1e0983c9b6745060655ad324f7
08:14:05 WARN  mail: bounce for customer jane.doe+orders@example.org
08:14:05 INFO  deploy: registry.example.com/orders-api@sha256:112d845b055be45fe6eda4c0e77067511f15151691e3b0dcb0141a28748a760a
# config.env
password=correct-horse-battery-staple
password_min_length=12
DB_PASSWORD_FILE=/run/secrets/db_password
GITHUB_TOKEN=ghp_BNmwgDz3e27YMP1ATLC7f6IcmnvskiTdyFUh
# deploy key, and the server's public key
${PRIVATE_KEY}
${PUBLIC_KEY}`;

/** A planted item; its label is read in the request's language each time. */
const plant = (kind: Planted['kind'], label: () => string, text: string): Planted => ({
	kind,
	get label() {
		return label();
	},
	text
});

export const PLANTED: Planted[] = [
	plant('secret', m.tools_redactlib_planted_aws_key, 'AKIAQX4MZ7RT2LBN5WJD'),
	plant('secret', m.tools_redactlib_planted_db_url_password, 'Tr0ub4dor-and-3'),
	plant('secret', m.tools_redactlib_planted_jwt, JWT),
	plant('secret', m.tools_redactlib_planted_email, 'jane.doe+orders@example.org'),
	plant('secret', m.tools_redactlib_planted_config_password, 'correct-horse-battery-staple'),
	plant(
		'secret',
		m.tools_redactlib_planted_github_token,
		'ghp_BNmwgDz3e27YMP1ATLC7f6IcmnvskiTdyFUh'
	),
	plant('secret', m.tools_redactlib_planted_ssh_key, PRIVATE_KEY),
	plant('decoy', m.tools_redactlib_planted_commit_hash, 'dbc991d3a5aef8e1b4ae2d42616d7f6c2437b4c4'),
	plant('decoy', m.tools_redactlib_planted_runbook, 'AKIA_KEY_ROTATION'),
	plant('decoy', m.tools_redactlib_planted_vault, 'vault.internal:8200'),
	plant('decoy', m.tools_redactlib_planted_api_path, '/api/orders.export.v2'),
	plant('decoy', m.tools_redactlib_planted_trace_id, '4b89bc1e0983c9b6745060655ad324f7'),
	plant('decoy', m.tools_redactlib_planted_image_digest, 'orders-api@sha256'),
	plant('decoy', m.tools_redactlib_planted_password_policy, 'password_min_length=12'),
	plant(
		'decoy',
		m.tools_redactlib_planted_secret_file,
		'DB_PASSWORD_FILE=/run/secrets/db_password'
	),
	plant('decoy', m.tools_redactlib_planted_public_key, PUBLIC_KEY)
];

/** Fails nothing, catches nothing: two first attempts with the usual flaws. */
export const DEFAULT_PATTERNS = 'AKIA\\w+\npassword=\\S+';

export const TASK = {
	secrets: PLANTED.filter((p) => p.kind === 'secret').length,
	decoys: PLANTED.filter((p) => p.kind === 'decoy').length
} as const;

export interface PlantedResult extends Planted {
	start: number;
	end: number;
	/** Characters of it that the patterns redact. */
	covered: number;
}

export interface Segment {
	text: string;
	redacted: boolean;
	/** Part of a secret left visible, or of a decoy redacted. */
	flag: 'leak' | 'over' | null;
}

export interface Redaction {
	perPattern: { source: string; matches: number }[];
	planted: PlantedResult[];
	segments: Segment[];
	/** The sample as it would be written, each redacted run replaced by [REDACTED]. */
	output: string;
	redactedSecrets: number;
	touchedDecoys: number;
	solved: boolean;
}

// Where each planted item is; its label is read per request, in redact().
const PLACES = PLANTED.map((p) => {
	const start = SAMPLE.indexOf(p.text);
	return { p, start, end: start + p.text.length };
});

export function redact(
	patterns: { source: string; states: State[] }[],
	text = SAMPLE
): Redaction | { error: string } {
	const mask = new Uint8Array(text.length);
	const budget = new Budget();
	const perPattern = [];
	for (const p of patterns) {
		const found = findAll(p.states, text, budget);
		if (!found)
			return {
				error: m.tools_redactlib_budget({
					label: m.tools_redactlib_patterns(),
					source: p.source.slice(0, 40)
				})
			};
		for (const [s, e] of found) mask.fill(1, s, e);
		perPattern.push({ source: p.source, matches: found.length });
	}
	const places = text === SAMPLE ? PLACES : [];
	const flags = new Array<Segment['flag']>(text.length).fill(null);
	const planted = places.map(({ p, start, end }) => {
		let covered = 0;
		for (let i = start; i < end; i++) {
			covered += mask[i]!;
			if (p.kind === 'secret' && !mask[i]) flags[i] = 'leak';
			if (p.kind === 'decoy' && mask[i]) flags[i] = 'over';
		}
		return { kind: p.kind, label: p.label, text: p.text, start, end, covered };
	});
	const segments: Segment[] = [];
	for (let i = 0; i < text.length; i++) {
		const last = segments.at(-1);
		if (last && last.redacted === !!mask[i] && last.flag === flags[i]) last.text += text[i];
		else segments.push({ text: text[i]!, redacted: !!mask[i], flag: flags[i]! });
	}
	let output = '';
	for (let i = 0; i < text.length; i++)
		if (!mask[i]) output += text[i];
		else if (i === 0 || !mask[i - 1]) output += '[REDACTED]';
	const redactedSecrets = planted.filter(
		(p) => p.kind === 'secret' && p.covered === p.text.length
	).length;
	const touchedDecoys = planted.filter((p) => p.kind === 'decoy' && p.covered > 0).length;
	return {
		perPattern,
		planted,
		segments,
		output,
		redactedSecrets,
		touchedDecoys,
		solved: redactedSecrets === TASK.secrets && touchedDecoys === 0
	};
}
