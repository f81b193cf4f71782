// The next-token distribution a sampler draws from, computed as the nlp-fundamentals lesson's
// `next_token_distribution` does: logits divided by the temperature, a softmax, then top-p keeps
// the most probable tokens up to the first whose cumulative probability reaches p
// (`np.searchsorted(cumulative, top_p) + 1` of them), renormalised. Pure: server and browser.
// Its parse errors are messages in the page's language; tokens stay as written.

import { m } from '$lib/paraglide/messages';

export const MAX_CANDIDATES = 50;
export const MIN_CANDIDATES = 2;
export const TEMPERATURE = { min: 0.01, max: 5 } as const;

/** The lesson's example: what follows "The capital of France is". */
export const DEFAULT_CANDIDATES = `Paris 2.0
located 1.0
a 0.0`;

/**
 * The exercise, on the lesson's three candidates: " a" can never be chosen, while " located"
 * keeps at least a 20 % chance — something temperature alone can never do.
 */
export const TASK = { never: 'a', keeps: 'located', atLeast: 0.2 } as const;

export interface Candidate {
	token: string;
	logit: number;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** One candidate a line: the token, then its logit; the first bad line is named. */
export function parseCandidates(text: string): { candidates: Candidate[] } | { error: string } {
	const candidates: Candidate[] = [];
	for (const [i, raw] of text.split(/\r?\n/).entries()) {
		const line = raw.trim();
		if (!line) continue;
		// Built only for an error: the bundled candidates are parsed at module load.
		const at = (what: string) => ({ error: m.tools_samplinglib_at_line({ line: i + 1, what }) });
		const hit = /^(.*\S)\s+(\S+)$/.exec(line);
		const logit = hit && NUMBER.test(hit[2]!) ? Number(hit[2]) : NaN;
		if (!hit || !Number.isFinite(logit) || Math.abs(logit) > 100)
			return at(m.tools_samplinglib_not_candidate({ text: line.slice(0, 30) }));
		const token = hit[1]!;
		if (candidates.some((c) => c.token === token))
			return at(m.tools_samplinglib_twice({ token: token.slice(0, 30) }));
		candidates.push({ token, logit });
	}
	if (candidates.length < MIN_CANDIDATES)
		return {
			error: m.tools_samplinglib_at({
				what: m.tools_samplinglib_too_few({ n: MIN_CANDIDATES, count: candidates.length })
			})
		};
	if (candidates.length > MAX_CANDIDATES)
		return {
			error: m.tools_samplinglib_at({ what: m.tools_samplinglib_too_many({ n: MAX_CANDIDATES }) })
		};
	return { candidates };
}

function parseIn(
	text: string,
	min: number,
	max: number,
	message: () => string
): { value: number } | { error: string } {
	const t = text.trim();
	const n = NUMBER.test(t) ? Number(t) : NaN;
	return Number.isFinite(n) && n >= min && n <= max ? { value: n } : { error: message() };
}

export const parseTemperature = (text: string) =>
	parseIn(text, TEMPERATURE.min, TEMPERATURE.max, () =>
		m.tools_samplinglib_temperature({ min: TEMPERATURE.min, max: TEMPERATURE.max })
	);

export const parseTopP = (text: string) => parseIn(text, 0, 1, m.tools_samplinglib_top_p);

export interface TokenChance {
	token: string;
	logit: number;
	/** Softmax of logit / temperature, before top-p. */
	probability: number;
	/** In the nucleus top-p keeps. */
	kept: boolean;
	/** What the sampler draws from: renormalised over the nucleus, 0 outside it. */
	final: number;
}

export interface Sampling {
	tokens: TokenChance[];
	/** Cumulative probability of the nucleus, before renormalising. */
	nucleusMass: number;
	task: { starting: boolean; never: number; keeps: number; solved: boolean };
}

export function sample(candidates: Candidate[], temperature: number, topP: number): Sampling {
	const scaled = candidates.map((c) => c.logit / temperature);
	const max = Math.max(...scaled);
	const exps = scaled.map((s) => Math.exp(s - max));
	const sum = exps.reduce((a, b) => a + b, 0);
	const probs = exps.map((e) => e / sum);
	// np.argsort(probs)[::-1]: ascending, ties in index order (NumPy sorts small arrays stably), reversed.
	const order = probs
		.map((p, i) => ({ p, i }))
		.sort((a, b) => a.p - b.p || a.i - b.i)
		.map((x) => x.i)
		.reverse();
	let cumulative = 0;
	let count = order.length;
	for (const [k, i] of order.entries()) {
		cumulative += probs[i]!;
		if (cumulative >= topP) {
			count = k + 1;
			break;
		}
	}
	const keep = new Set(order.slice(0, count));
	// filtered.sum(): in index order, as NumPy adds them.
	const mass = probs.reduce((s, p, i) => (keep.has(i) ? s + p : s), 0);
	const tokens = candidates.map((c, i) => ({
		token: c.token,
		logit: c.logit,
		probability: probs[i]!,
		kept: keep.has(i),
		final: keep.has(i) ? probs[i]! / mass : 0
	}));
	const starting = sameCandidates(candidates, STARTING);
	const chance = (t: string) => tokens.find((x) => x.token === t)?.final ?? 0;
	const never = chance(TASK.never);
	const keeps = chance(TASK.keeps);
	return {
		tokens,
		nucleusMass: mass,
		task: { starting, never, keeps, solved: starting && never === 0 && keeps >= TASK.atLeast }
	};
}

const STARTING = (parseCandidates(DEFAULT_CANDIDATES) as { candidates: Candidate[] }).candidates;

function sameCandidates(a: Candidate[], b: Candidate[]): boolean {
	const key = (xs: Candidate[]) =>
		xs
			.map((c) => `${c.token}\u0001${c.logit}`)
			.sort()
			.join('\u0002');
	return a.length === b.length && key(a) === key(b);
}
