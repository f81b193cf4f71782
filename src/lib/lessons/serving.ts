// A capacity estimate for a model server with dynamic batching, as the model-serving lesson
// describes it. Deterministic, with averages throughout (a fluid approximation):
//
// - Traffic is split evenly: each of R replicas receives λ = rps / R requests a second.
// - Running a batch of b requests takes S(b) = overhead + per_item × b on one replica.
// - The batcher opens a batch at a request and closes it when it holds max_batch requests or has
//   waited max_wait, whichever comes first. In a window t, 1 + λt requests gather, so the batch
//   leaves with b = min(max_batch, 1 + λ·max_wait) and its window is t_f = (b − 1) / λ.
// - Batch-forming wait, per request: the first waits the whole window, the b − 1 that join arrive
//   on average halfway through it: t_f (b + 1) / (2b). (When max_batch closes the batch, the last
//   joiner waits nothing, so this overstates the wait by t_f / 2b: a conservative estimate.)
// - Each replica is a single server of batches with deterministic service S(b), fed at λ / b
//   batches a second: utilisation ρ = λ S(b) / b, the offered load over the capacity b / S(b).
//   Its mean queueing delay is the M/D/1 one (Pollaczek–Khinchine with constant service):
//   W_q = ρ / (2μ(1 − ρ)) with μ = 1 / S(b), that is ρ S(b) / (2(1 − ρ)). Batches arrive more
//   regularly than Poisson arrivals would, so this too leans high. Forming, queueing and service
//   are taken one after the other, while a real batcher keeps collecting while the replica is
//   busy: a discrete-event simulation of one (Poisson arrivals, 200,000 requests) gives a mean of
//   58 ms for 3 replicas, batches up to 8 and a 50 ms wait, where this estimate says 92 ms.
// - Mean latency = forming wait + W_q + S(b). It is an estimate of the mean, not a measured
//   percentile: a load test measures the p95 and p99 a target is written on.
// - Capacity at full batches, max_batch / S(max_batch), is what a replica can serve at most. At or
//   above it the queue grows without bound whatever the wait. Below it, a wait too short to fill
//   batches can still overload a replica at the batch size it forms (ρ ≥ 1); a real batcher then
//   finds requests queued and sends fuller batches, a regime this estimate does not size.
// Pure: the same code runs on the server (no JavaScript) and live in the browser. Its texts (field
// labels, the error of a field out of range) are messages in the page's language.

import { formatNumber } from '$lib/i18n';
import { m } from '$lib/paraglide/messages';

export interface FieldSpec {
	label: string;
	min: number;
	max: number;
	example: number;
}

/**
 * The form's fields, by their query-string names; every one a whole number in a sane range. Labels
 * are read when shown, in the page's language.
 */
export const FIELDS = {
	rps: {
		get label() {
			return m.tools_sv_field_rps();
		},
		min: 1,
		max: 100_000,
		example: 400
	},
	overhead_ms: {
		get label() {
			return m.tools_sv_field_overhead();
		},
		min: 0,
		max: 1000,
		example: 20
	},
	per_item_ms: {
		get label() {
			return m.tools_sv_field_per_item();
		},
		min: 1,
		max: 1000,
		example: 2
	},
	max_batch: {
		get label() {
			return m.tools_sv_field_max_batch();
		},
		min: 1,
		max: 256,
		example: 8
	},
	max_wait_ms: {
		get label() {
			return m.tools_sv_field_max_wait();
		},
		min: 0,
		max: 1000,
		example: 5
	},
	replicas: {
		get label() {
			return m.tools_sv_field_replicas();
		},
		min: 1,
		max: 100,
		example: 3
	}
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;
export type Inputs = Record<FieldName, number>;

/** An illustrative price of one replica for an hour, in US dollars (one GPU instance, say). */
export const PRICE_PER_REPLICA_HOUR = 2;

/** The bundled task: the lesson's 5 ms wait is far too short for this traffic on 2 replicas. */
export const DEFAULTS: Inputs = {
	rps: 400,
	overhead_ms: 20,
	per_item_ms: 2,
	max_batch: 8,
	max_wait_ms: 5,
	replicas: 2
};

/**
 * The exercise, on the bundled workload (400 requests/s, 20 ms + 2 ms a request): an estimated mean
 * latency of at most 100 ms, each replica at most 70 % busy (the lesson's headroom), and no more
 * replicas than that needs.
 */
export const TASK = { meanMs: 100, maxUtilisation: 0.7 } as const;

const WHOLE = /^[+-]?\d+$/;

/** A field as typed: a whole number within the field's range, or a message naming the field. */
export function parseField(name: FieldName, text: string): { value: number } | { error: string } {
	const f = FIELDS[name];
	const t = text.trim();
	const n = WHOLE.test(t) ? Number(t) : NaN;
	if (Number.isSafeInteger(n) && n >= f.min && n <= f.max) return { value: n };
	return {
		error: m.tools_sv_field_error({
			label: fieldLabel(name),
			min: formatNumber(f.min),
			max: formatNumber(f.max),
			example: f.example
		})
	};
}

/** A field's label in the page's language. */
export function fieldLabel(name: FieldName): string {
	return FIELDS[name].label;
}

export type Load = 'ok' | 'overloaded' | 'unstable';

export interface Estimate {
	/** Requests a second each replica receives. */
	perReplicaRps: number;
	/** Mean size of the batches the batcher sends. */
	batch: number;
	/** True when batches fill to the maximum size before the wait runs out. */
	full: boolean;
	/** How long a batch stays open, in ms. */
	windowMs: number;
	waitMs: number;
	serviceMs: number;
	/** Null when ρ ≥ 1: there is no steady queue to size. */
	queueMs: number | null;
	totalMs: number | null;
	/** ρ: offered load over the capacity at the batch size sent. */
	utilisation: number;
	/** Requests a second one replica serves at the batch size sent. */
	capacity: number;
	/** Requests a second one replica serves at most, with full batches. */
	fullCapacity: number;
	load: Load;
	costPerHour: number;
}

export function estimate(x: Inputs): Estimate {
	const lambda = x.rps / x.replicas / 1000; // requests per ms, per replica
	const gathered = 1 + lambda * x.max_wait_ms;
	const full = gathered >= x.max_batch;
	const batch = full ? x.max_batch : gathered;
	const windowMs = (batch - 1) / lambda;
	const waitMs = (windowMs * (batch + 1)) / (2 * batch);
	const serviceMs = x.overhead_ms + x.per_item_ms * batch;
	const utilisation = (lambda * serviceMs) / batch;
	const fullCapacity = (x.max_batch / (x.overhead_ms + x.per_item_ms * x.max_batch)) * 1000;
	const load: Load =
		x.rps / x.replicas >= fullCapacity ? 'unstable' : utilisation >= 1 ? 'overloaded' : 'ok';
	const queueMs = load === 'ok' ? (utilisation * serviceMs) / (2 * (1 - utilisation)) : null;
	return {
		perReplicaRps: lambda * 1000,
		batch,
		full,
		windowMs,
		waitMs,
		serviceMs,
		queueMs,
		totalMs: queueMs === null ? null : waitMs + serviceMs + queueMs,
		utilisation,
		capacity: (batch / serviceMs) * 1000,
		fullCapacity,
		load,
		costPerHour: x.replicas * PRICE_PER_REPLICA_HOUR
	};
}

/** Whether an estimate meets the task's target: mean latency and headroom. */
export const meetsTarget = (e: Estimate) =>
	e.totalMs !== null && e.totalMs <= TASK.meanMs && e.utilisation <= TASK.maxUtilisation;

/**
 * The fewest replicas (within the field's range) with which some maximum batch size and wait
 * (within theirs) meet the target, or null. Only the batch size sent matters for a given number of
 * replicas, so it tries every full batch and every wait that leaves a batch partly full.
 */
export function fewestReplicas(workload: Pick<Inputs, 'rps' | 'overhead_ms' | 'per_item_ms'>) {
	for (let replicas = FIELDS.replicas.min; replicas <= FIELDS.replicas.max; replicas++) {
		const at = (max_batch: number, max_wait_ms: number) =>
			meetsTarget(estimate({ ...workload, replicas, max_batch, max_wait_ms }));
		for (let b = FIELDS.max_batch.min; b <= FIELDS.max_batch.max; b++)
			if (at(b, FIELDS.max_wait_ms.max)) return replicas;
		for (let w = FIELDS.max_wait_ms.min; w <= FIELDS.max_wait_ms.max; w++)
			if (at(FIELDS.max_batch.max, w)) return replicas;
	}
	return null;
}

export interface Plan extends Estimate {
	task: {
		/** The task is set on the bundled workload; edited traffic or timings are for exploring. */
		starting: boolean;
		meetsLatency: boolean;
		meetsUtilisation: boolean;
		/** Fewest replicas that can meet the target for this workload, or null if none can. */
		fewest: number | null;
		solved: boolean;
	};
}

const STARTING_FEWEST = fewestReplicas(DEFAULTS);
let last: { key: string; fewest: number | null } = { key: '', fewest: null };

export function plan(x: Inputs): Plan {
	const e = estimate(x);
	const starting =
		x.rps === DEFAULTS.rps &&
		x.overhead_ms === DEFAULTS.overhead_ms &&
		x.per_item_ms === DEFAULTS.per_item_ms;
	const key = `${x.rps}/${x.overhead_ms}/${x.per_item_ms}`;
	if (!starting && last.key !== key) last = { key, fewest: fewestReplicas(x) };
	const fewest = starting ? STARTING_FEWEST : last.fewest;
	return {
		...e,
		task: {
			starting,
			meetsLatency: e.totalMs !== null && e.totalMs <= TASK.meanMs,
			meetsUtilisation: e.utilisation <= TASK.maxUtilisation,
			fewest,
			solved: starting && meetsTarget(e) && x.replicas === fewest
		}
	};
}
