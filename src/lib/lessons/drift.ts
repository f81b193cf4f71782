// Drift between a reference window and a current window of one numeric feature: the Population
// Stability Index at reference quantiles and the two-sample Kolmogorov–Smirnov statistic, computed
// as the model-drift lesson's Python does (NumPy's default quantiles, `searchsorted(side="right")`,
// empty shares clipped to 1e-4). Pure: the same code runs on the server (no JavaScript) and live.

import { formatNumber } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

export const PSI_EPSILON = 1e-4;
export const MAX_VALUES = 5000;
export const MIN_VALUES = 10;
export const BIN_CHOICES = [4, 5, 10] as const;

/**
 * The exercise: a current window that PSI at the quartiles (4 bins, as in the lesson's worked
 * example) reads as a major shift (≥ 0.25), while its mean stays within 2 % of the reference's —
 * a shift that a dashboard of means would never show.
 */
export const TASK = { bins: 4, psi: 0.25, meanWithin: 0.02 } as const;

export type Sample = { values: number[] } | { error: string };

/** Numbers separated by commas, semicolons, spaces or line breaks; the first bad token is named. */
export function parseSample(text: string, label: string): Sample {
	const tokens = text.split(/[\s,;]+/).filter(Boolean);
	const values: number[] = [];
	for (const t of tokens) {
		const n = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t) ? Number(t) : NaN;
		if (!Number.isFinite(n))
			return {
				error: m.tools_driftlib_not_number({ label, token: t.slice(0, 20) })
			};
		values.push(n);
	}
	if (values.length < MIN_VALUES)
		return { error: m.tools_driftlib_min({ label, min: MIN_VALUES, count: values.length }) };
	if (values.length > MAX_VALUES)
		return { error: m.tools_driftlib_max({ label, max: formatNumber(MAX_VALUES) }) };
	return { values };
}

/** NumPy's default quantile (linear interpolation between order statistics, "type 7"). */
export function quantile(sorted: number[], q: number): number {
	const h = (sorted.length - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.min(lo + 1, sorted.length - 1);
	return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Index of the bin of x: the number of cuts ≤ x (NumPy's `searchsorted(cuts, x, side="right")`). */
function binOf(cuts: number[], x: number): number {
	let lo = 0;
	let hi = cuts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (cuts[mid]! <= x) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

export interface Bin {
	/** Lower and upper cut (null: open-ended). */
	from: number | null;
	to: number | null;
	/** Shares of the reference and current windows, before clipping. */
	expected: number;
	actual: number;
	/** (a − e) × ln(a / e), with shares clipped to PSI_EPSILON. */
	term: number;
}

export interface Drift {
	bins: Bin[];
	psi: number;
	band: 'stable' | 'moderate' | 'major';
	ks: { d: number; p: number };
	reference: { n: number; mean: number; sd: number };
	current: { n: number; mean: number; sd: number };
	/** Relative change of the mean, (current − reference) / |reference|; null when that mean is 0. */
	meanChange: number | null;
	/** The exercise (TASK), on its own 4 bins whatever `bins` the learner chose. */
	task: { psi: number; solved: boolean };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
/** Sample standard deviation (n − 1). */
function sd(xs: number[]): number {
	const mu = mean(xs);
	return Math.sqrt(xs.reduce((s, x) => s + (x - mu) ** 2, 0) / (xs.length - 1));
}

export function psiBins(reference: number[], current: number[], bins: number): Bin[] {
	const sorted = [...reference].sort((a, b) => a - b);
	const cuts = [
		...new Set(Array.from({ length: bins - 1 }, (_, i) => quantile(sorted, (i + 1) / bins)))
	].sort((a, b) => a - b);
	const count = (xs: number[]) => {
		const c = new Array<number>(cuts.length + 1).fill(0);
		for (const x of xs) c[binOf(cuts, x)]!++;
		return c.map((k) => k / xs.length);
	};
	const e = count(reference);
	const a = count(current);
	return e.map((ei, i) => {
		const ec = Math.max(ei, PSI_EPSILON);
		const ac = Math.max(a[i]!, PSI_EPSILON);
		return {
			from: i === 0 ? null : cuts[i - 1]!,
			to: i === cuts.length ? null : cuts[i]!,
			expected: ei,
			actual: a[i]!,
			term: (ac - ec) * Math.log(ac / ec)
		};
	});
}

/** Two-sample KS: D, and the asymptotic p-value (Kolmogorov's distribution, Stephens' correction). */
export function ks(reference: number[], current: number[]): { d: number; p: number } {
	const x = [...reference].sort((a, b) => a - b);
	const y = [...current].sort((a, b) => a - b);
	let i = 0;
	let j = 0;
	let d = 0;
	while (i < x.length && j < y.length) {
		const v = Math.min(x[i]!, y[j]!);
		while (i < x.length && x[i]! <= v) i++;
		while (j < y.length && y[j]! <= v) j++;
		d = Math.max(d, Math.abs(i / x.length - j / y.length));
	}
	const en = Math.sqrt((x.length * y.length) / (x.length + y.length));
	return { d, p: kolmogorovQ((en + 0.12 + 0.11 / en) * d) };
}

/** Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²), the tail of Kolmogorov's distribution. */
function kolmogorovQ(lambda: number): number {
	if (lambda < 1e-3) return 1;
	let sum = 0;
	for (let k = 1; k <= 100; k++) {
		const term = 2 * (k % 2 ? 1 : -1) * Math.exp(-2 * k * k * lambda * lambda);
		sum += term;
		if (Math.abs(term) < 1e-12) break;
	}
	return Math.min(1, Math.max(0, sum));
}

export function drift(reference: number[], current: number[], bins = 10): Drift {
	const b = psiBins(reference, current, bins);
	const psi = b.reduce((s, x) => s + x.term, 0);
	const r = { n: reference.length, mean: mean(reference), sd: sd(reference) };
	const c = { n: current.length, mean: mean(current), sd: sd(current) };
	const meanChange = r.mean === 0 ? null : (c.mean - r.mean) / Math.abs(r.mean);
	const taskPsi =
		bins === TASK.bins
			? psi
			: psiBins(reference, current, TASK.bins).reduce((s, x) => s + x.term, 0);
	return {
		bins: b,
		psi,
		band: psi < 0.1 ? 'stable' : psi <= 0.25 ? 'moderate' : 'major',
		ks: ks(reference, current),
		reference: r,
		current: c,
		meanChange,
		task: {
			psi: taskPsi,
			solved: taskPsi >= TASK.psi && meanChange !== null && Math.abs(meanChange) <= TASK.meanWithin
		}
	};
}

export const DEFAULT_REFERENCE =
	'47.4, 55.1, 47.7, 46.8, 40.7, 47.9, 61.1, 54.2, 60.4, 52.5, 53.9, 51.9, 33.3, 58.6, 55.1, 55.0, 33.1, 32.6, 41.1, 45.3, 53.1, 49.5, 55.2, 43.6, 53.1, 53.9, 43.4, 67.2, 55.6, 62.0, 43.8, 42.6, 46.6, 48.9, 56.3, 52.5, 45.5, 40.4, 44.8, 62.2';
export const DEFAULT_CURRENT =
	'42.9, 53.4, 55.3, 36.1, 51.5, 64.1, 30.9, 47.8, 49.9, 42.8, 56.0, 50.4, 36.4, 59.3, 57.7, 60.5, 65.4, 54.6, 52.2, 38.0, 57.2, 44.9, 46.5, 38.4, 41.3, 45.7, 63.9, 30.7, 36.4, 53.4, 65.4, 56.8, 32.0, 25.8, 54.6, 43.6, 39.8, 60.8, 62.0, 52.6';
