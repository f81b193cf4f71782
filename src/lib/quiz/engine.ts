// The quiz engine: stable ids for options, grading per question type, and seeded assembly of an
// attempt (draw and shuffle). Pure: no I/O, no clock, no randomness but the seed's.
import { inlineHtml } from './inline';
import type { Question, Quiz } from './schema';

/** A learner's answer to one question, by type. Ids are the engine's stable ids (see below). */
export type Answer =
	| { type: 'single'; option: string | null }
	| { type: 'multiple'; options: string[] }
	| { type: 'true-false'; value: boolean | null }
	| { type: 'numeric'; value: number | null }
	| { type: 'text'; value: string }
	| { type: 'order'; items: string[] }
	| { type: 'match'; pairs: Record<string, string> };

export interface Grade {
	score: number;
	max: number;
	/** Full marks. */
	correct: boolean;
}

// Stable ids in authored order: o0, o1… for options; i0… for order items; l0…/r0… for match sides
// (right-hand ids cover the pairs' answers first, then the distractors). Display order is shuffled;
// ids are not, so an answer means the same thing however it was shown.
export const optionId = (i: number) => `o${i}`;
export const itemId = (i: number) => `i${i}`;
export const leftId = (i: number) => `l${i}`;
export const rightId = (i: number) => `r${i}`;

const normalise = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The answer that earns full marks. */
export function keyOf(q: Question): Answer {
	switch (q.type) {
		case 'single':
			return { type: 'single', option: optionId(q.options.findIndex((o) => o.correct)) };
		case 'multiple':
			return {
				type: 'multiple',
				options: q.options.flatMap((o, i) => (o.correct ? [optionId(i)] : []))
			};
		case 'true-false':
			return { type: 'true-false', value: q.answer };
		case 'numeric':
			return { type: 'numeric', value: q.answer };
		case 'text':
			return { type: 'text', value: q.accept[0]! };
		case 'order':
			return { type: 'order', items: q.items.map((_, i) => itemId(i)) };
		case 'match':
			return {
				type: 'match',
				pairs: Object.fromEntries(q.pairs.map((_, i) => [leftId(i), rightId(i)]))
			};
	}
}

/** The share of the question's points an answer earns, in [0, 1]. */
function credit(q: Question, a: Answer): number {
	if (a.type !== q.type) return 0;
	switch (q.type) {
		case 'single': {
			const i = q.options.findIndex((o) => o.correct);
			return (a as Extract<Answer, { type: 'single' }>).option === optionId(i) ? 1 : 0;
		}
		case 'multiple': {
			// Each right pick earns 1/k of the points and each wrong pick costs 1/k (k = number of right
			// options); never below zero.
			const picks = new Set((a as Extract<Answer, { type: 'multiple' }>).options);
			const right = q.options.map((o, i) => ({ id: optionId(i), correct: o.correct }));
			const k = right.filter((o) => o.correct).length;
			let net = 0;
			for (const o of right) if (picks.has(o.id)) net += o.correct ? 1 : -1;
			return Math.max(0, net) / k;
		}
		case 'true-false':
			return (a as Extract<Answer, { type: 'true-false' }>).value === q.answer ? 1 : 0;
		case 'numeric': {
			const v = (a as Extract<Answer, { type: 'numeric' }>).value;
			if (v === null || !Number.isFinite(v)) return 0;
			const tolerance =
				q.relative !== undefined ? Math.abs(q.answer) * q.relative : (q.tolerance ?? 0);
			return Math.abs(v - q.answer) <= tolerance + 1e-9 ? 1 : 0;
		}
		case 'text': {
			const v = normalise((a as Extract<Answer, { type: 'text' }>).value);
			if (!v) return 0;
			if (q.accept.some((x) => normalise(x) === v)) return 1;
			return q.pattern !== undefined && new RegExp(q.pattern, 'i').test(v) ? 1 : 0;
		}
		case 'order': {
			// Partial credit for correct adjacent pairs: each pair of neighbours in the learner's order
			// that are also neighbours, in that order, in the key earns 1/(n-1).
			const items = (a as Extract<Answer, { type: 'order' }>).items;
			const n = q.items.length;
			const valid =
				items.length === n &&
				new Set(items).size === n &&
				items.every((id) => /^i\d+$/.test(id) && Number(id.slice(1)) < n);
			if (!valid) return 0;
			let pairs = 0;
			for (let i = 0; i + 1 < n; i++)
				if (Number(items[i + 1]!.slice(1)) === Number(items[i]!.slice(1)) + 1) pairs++;
			return pairs / (n - 1);
		}
		case 'match': {
			// Each left item paired with its right earns 1/(number of pairs).
			const pairs = (a as Extract<Answer, { type: 'match' }>).pairs;
			let right = 0;
			q.pairs.forEach((_, i) => {
				if (pairs[leftId(i)] === rightId(i)) right++;
			});
			return right / q.pairs.length;
		}
	}
}

export function grade(q: Question, a: Answer): Grade {
	const share = credit(q, a);
	const score = Math.round(share * q.points * 1000) / 1000;
	return { score, max: q.points, correct: share === 1 };
}

/** A deterministic generator from a seed string (xmur3 hash, then mulberry32). */
export function seededRandom(seed: string): () => number {
	let h = 1779033703 ^ seed.length;
	for (let i = 0; i < seed.length; i++) {
		h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
		h = (h << 13) | (h >>> 19);
	}
	let a = h >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function shuffle<T>(list: readonly T[], random: () => number): T[] {
	const out = [...list];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

/** One option, order item or match side as shown: its authored Markdown and that rendered inline. */
export type Shown = { id: string; text: string; html: string };

/** What the browser may see of a question before it is answered: no key, explanation or feedback. */
export type PublicQuestion = { id: string; prompt: string; points: number } & (
	| { type: 'single' | 'multiple'; options: Shown[] }
	| { type: 'true-false' }
	| { type: 'numeric'; unit: string | null }
	| { type: 'text' }
	| { type: 'order'; items: Shown[] }
	| { type: 'match'; left: Shown[]; right: Shown[] }
);

const shown = (id: string, text: string): Shown => ({ id, text, html: inlineHtml(text) });

/**
 * The questions of one attempt: drawn and shuffled from the seed (so a reload shows the same
 * attempt), stripped of everything that would give the answers away. A quiz that draws from a pool
 * asks the questions not in `seen` first (those the learner's earlier attempts asked), so a retry
 * is mostly a different quiz; the drawn questions keep the seed's order, so the new ones are not
 * all first. With nothing seen, the draw is the seed's alone.
 */
export function assemble(
	quiz: Quiz,
	seed: string,
	seen: ReadonlySet<string> = new Set()
): PublicQuestion[] {
	const random = seededRandom(seed);
	const order = quiz.shuffle ? shuffle(quiz.questions, random) : [...quiz.questions];
	const count = quiz.draw ?? order.length;
	const picked = new Set(
		[...order.filter((q) => !seen.has(q.id)), ...order.filter((q) => seen.has(q.id))].slice(
			0,
			count
		)
	);
	const drawn = order.filter((q) => picked.has(q));
	const mix = <T>(list: T[]) => (quiz.shuffle ? shuffle(list, random) : list);
	return drawn.map((q): PublicQuestion => {
		const base = { id: q.id, prompt: q.prompt, points: q.points };
		switch (q.type) {
			case 'single':
			case 'multiple':
				return {
					...base,
					type: q.type,
					options: mix(q.options.map((o, i) => shown(optionId(i), o.text)))
				};
			case 'true-false':
				return { ...base, type: q.type };
			case 'numeric':
				return { ...base, type: q.type, unit: q.unit ?? null };
			case 'text':
				return { ...base, type: q.type };
			case 'order': {
				const items = q.items.map((text, i) => shown(itemId(i), text));
				let mixed = shuffle(items, random);
				// Never show an order question already solved.
				if (mixed.every((x, i) => x.id === itemId(i))) mixed = [...mixed.slice(1), mixed[0]!];
				return { ...base, type: q.type, items: mixed };
			}
			case 'match':
				return {
					...base,
					type: q.type,
					left: q.pairs.map((p, i) => shown(leftId(i), p.left)),
					right: shuffle(
						[...q.pairs.map((p) => p.right), ...q.distractors].map((text, i) =>
							shown(rightId(i), text)
						),
						random
					)
				};
		}
	});
}
