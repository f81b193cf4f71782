// The serving planner of the model-serving lesson against figures computed independently in Python
// from the formulas (plain floats, one line per case):
//
//   def est(rps, o, p, B, w, R):
//       lam = rps / R / 1000                      # requests per ms, per replica
//       b = min(B, 1 + lam * w); tf = (b - 1) / lam
//       form = tf * (b + 1) / (2 * b); S = o + p * b; rho = lam * S / b
//       Wq = rho * S / (2 * (1 - rho)) if rho < 1 else None   # M/D/1, Pollaczek–Khinchine
//       return b, tf, form, S, rho, Wq, form + S + Wq, b / S * 1000, B / (o + p * B) * 1000
//
// and the task's solved set by brute force over every setting of the fields (python3):
//   [(B, w) for B in range(1, 257) for w in range(0, 1001) if ok(est(400, 20, 2, B, w, R))]
// is empty for R = 1 and 2; for R = 3 it holds 10,982 settings: B from 7 to 10 with w ≥ 39, and
// B ≥ 11 with w from 39 to 67 (ok: total ≤ 100 and rho ≤ 0.7).
import { describe, expect, it } from 'vitest';
import {
	DEFAULTS,
	estimate,
	fewestReplicas,
	fieldLabel,
	FIELDS,
	parseField,
	plan,
	PRICE_PER_REPLICA_HOUR,
	TASK,
	type Inputs
} from '../../src/lib/lessons/serving';

const at = (max_batch: number, max_wait_ms: number, replicas: number, w: Partial<Inputs> = {}) =>
	plan({ ...DEFAULTS, ...w, max_batch, max_wait_ms, replicas });

describe('the estimate', () => {
	it('matches Python on 3 replicas with a partly full batch (B 8, wait 50 ms)', () => {
		const e = estimate({ ...DEFAULTS, max_batch: 8, max_wait_ms: 50, replicas: 3 });
		expect(e.perReplicaRps).toBeCloseTo(133.33333333333334, 9);
		expect(e.full).toBe(false);
		expect(e.batch).toBeCloseTo(7.666666666666667, 12);
		expect(e.windowMs).toBeCloseTo(50, 9);
		expect(e.waitMs).toBeCloseTo(28.260869565217394, 9);
		expect(e.serviceMs).toBeCloseTo(35.333333333333336, 9);
		expect(e.utilisation).toBeCloseTo(0.6144927536231884, 12);
		expect(e.queueMs).toBeCloseTo(28.160401002506273, 9);
		expect(e.totalMs).toBeCloseTo(91.75460390105701, 9);
		expect(e.capacity).toBeCloseTo(216.9811320754717, 9);
		expect(e.fullCapacity).toBeCloseTo(222.2222222222222, 9);
		expect(e.load).toBe('ok');
		expect(e.costPerHour).toBe(3 * PRICE_PER_REPLICA_HOUR);
	});

	it('matches Python when batches fill before the wait runs out (B 7, 3 replicas)', () => {
		// By hand: λ = 0.1333/ms fills 7 in 6 / λ = 45 ms; S = 20 + 14 = 34 ms; ρ = λ·34/7 = 0.6476.
		const e = estimate({ ...DEFAULTS, max_batch: 7, max_wait_ms: 1000, replicas: 3 });
		expect(e.full).toBe(true);
		expect(e.batch).toBe(7);
		expect(e.windowMs).toBeCloseTo(45, 9);
		expect(e.waitMs).toBeCloseTo(25.714285714285715, 9);
		expect(e.serviceMs).toBe(34);
		expect(e.utilisation).toBeCloseTo(0.6476190476190476, 12);
		expect(e.queueMs).toBeCloseTo(31.243243243243246, 9);
		expect(e.totalMs).toBeCloseTo(90.95752895752896, 9);
		expect(e.capacity).toBeCloseTo(e.fullCapacity, 9);
	});

	it('at full batches, ρ is the offered load over the capacity at full batches', () => {
		// 2 replicas, B 8, wait 35 ms: 1 + 0.2 × 35 = 8, just full. 200 / 222.2 = 0.9; W_q = 0.9 × 36 / 0.2.
		const e = estimate({ ...DEFAULTS, max_batch: 8, max_wait_ms: 35, replicas: 2 });
		expect(e.full).toBe(true);
		expect(e.utilisation).toBeCloseTo(200 / e.fullCapacity, 12);
		expect(e.utilisation).toBeCloseTo(0.9, 12);
		expect(e.queueMs).toBeCloseTo(162, 9);
		expect(e.totalMs).toBeCloseTo(217.6875, 9);
	});

	it('no batching: one request at a time, no forming wait', () => {
		const e = estimate({
			rps: 50,
			overhead_ms: 10,
			per_item_ms: 1,
			max_batch: 1,
			max_wait_ms: 0,
			replicas: 1
		});
		expect([e.batch, e.windowMs, e.waitMs, e.serviceMs]).toEqual([1, 0, 0, 11]);
		// M/D/1 by hand: ρ = 0.05 × 11 = 0.55; W_q = 0.55 × 11 / (2 × 0.45) = 6.7222.
		expect(e.utilisation).toBeCloseTo(0.55, 12);
		expect(e.queueMs).toBeCloseTo(6.722222222222222, 9);
	});

	it('says unstable at or above the capacity at full batches, and overloaded when batches leave too small', () => {
		// 1 replica, B 32: full capacity 32 / 84 ms = 381 req/s < 400: the queue grows without bound.
		const u = estimate({ ...DEFAULTS, max_batch: 32, max_wait_ms: 1000, replicas: 1 });
		expect(u.load).toBe('unstable');
		expect(u.utilisation).toBeCloseTo(1.05, 12);
		expect([u.queueMs, u.totalMs]).toEqual([null, null]);
		// Exactly at capacity (100 req/s into 1 / 10 ms) is unstable too: ρ = 1.
		expect(
			estimate({
				rps: 100,
				overhead_ms: 0,
				per_item_ms: 10,
				max_batch: 1,
				max_wait_ms: 0,
				replicas: 1
			}).load
		).toBe('unstable');
		// The bundled start: 5 ms gathers 2 requests; at that size a replica serves 83.3 of its 200 req/s.
		const o = estimate({ ...DEFAULTS });
		expect(o.load).toBe('overloaded');
		expect(o.batch).toBeCloseTo(2, 12);
		expect(o.capacity).toBeCloseTo(83.33333333333333, 9);
		expect(o.utilisation).toBeCloseTo(2.4, 12);
		expect(o.fullCapacity).toBeCloseTo(222.2222222222222, 9);
		expect(o.totalMs).toBeNull();
	});
});

describe('the task', () => {
	it('needs 3 replicas: no setting of 1 or 2 meets it', () => {
		expect(fewestReplicas(DEFAULTS)).toBe(3);
		expect(TASK).toEqual({ meanMs: 100, maxUtilisation: 0.7 });
		expect(at(8, 5, 2).task.solved).toBe(false);
		// The best 2 replicas can do on latency alone is about 132 ms (batches of 13, full).
		expect(at(13, 1000, 2).totalMs).toBeGreaterThan(131);
		expect(at(13, 1000, 2).task.meetsLatency).toBe(false);
	});

	it('is solved on 3 replicas from a 39 ms wait, not 38 (utilisation crosses 70 %)', () => {
		expect(at(16, 38, 3).utilisation).toBeCloseTo(0.7062271062271063, 12);
		expect(at(16, 38, 3).task).toMatchObject({
			meetsLatency: true,
			meetsUtilisation: false,
			solved: false
		});
		expect(at(16, 39, 3).utilisation).toBeCloseTo(0.696774193548387, 12);
		expect(at(16, 39, 3).totalMs).toBeCloseTo(92.27069320521618, 9);
		expect(at(16, 39, 3).task.solved).toBe(true);
	});

	it('up to a 67 ms wait with large batches, not 68 (the mean crosses 100 ms)', () => {
		expect(at(16, 67, 3).totalMs).toBeCloseTo(99.6845461024518, 9);
		expect(at(16, 67, 3).task.solved).toBe(true);
		expect(at(16, 68, 3).totalMs).toBeCloseTo(100.28203889454115, 9);
		expect(at(16, 68, 3).task).toMatchObject({
			meetsLatency: false,
			meetsUtilisation: true,
			solved: false
		});
	});

	it('with batches of 7 to 10 whatever the wait beyond 39 ms; 6 and 11 fail', () => {
		expect(at(10, 1000, 3).totalMs).toBeCloseTo(99.98214285714286, 9);
		for (const b of [7, 8, 9, 10]) expect(at(b, 1000, 3).task.solved).toBe(true);
		expect(at(11, 1000, 3).totalMs).toBeCloseTo(104.68686868686868, 9);
		expect(at(11, 1000, 3).task.solved).toBe(false);
		expect(at(6, 1000, 3).task.meetsUtilisation).toBe(false);
	});

	it('counts the solved settings Python finds on 3 replicas', () => {
		let n = 0;
		for (let b = 1; b <= 256; b++) for (let w = 0; w <= 1000; w++) if (at(b, w, 3).task.solved) n++;
		expect(n).toBe(10982);
	});

	it('holds on 4 replicas, but is not solved: 3 can do it for less', () => {
		const p = at(8, 35, 4);
		expect(p.totalMs).toBeCloseTo(76.67013888888889, 9);
		expect(p.task).toMatchObject({
			meetsLatency: true,
			meetsUtilisation: true,
			fewest: 3,
			solved: false
		});
	});

	it('is set on the bundled workload: edited traffic can be explored, not solved', () => {
		const p = at(8, 60, 2, { rps: 200 });
		expect(p.task.starting).toBe(false);
		expect(p.task.meetsLatency && p.task.meetsUtilisation).toBe(true);
		expect(p.task.fewest).toBe(2);
		expect(p.task.solved).toBe(false);
		// A workload nothing in range can serve within the target: 1 s of overhead per batch.
		expect(at(8, 5, 2, { overhead_ms: 1000 }).task.fewest).toBeNull();
	});
});

describe('reading the fields', () => {
	it('takes whole numbers in range, and names the field otherwise', () => {
		expect(parseField('replicas', ' 3 ')).toEqual({ value: 3 });
		expect(parseField('max_wait_ms', '0')).toEqual({ value: 0 });
		expect(parseField('rps', '100000')).toEqual({ value: 100000 });
		expect(parseField('rps', '100001')).toEqual({
			error: 'Traffic: give a whole number from 1 to 100,000, e.g. 400.'
		});
		for (const bad of ['0', '101', '2.5', '', 'three', '1e2', '0x3', '-1'])
			expect(parseField('replicas', bad)).toEqual({
				error: 'Replicas: give a whole number from 1 to 100, e.g. 3.'
			});
		expect(parseField('max_batch', '257')).toEqual({
			error: 'Maximum batch size: give a whole number from 1 to 256, e.g. 8.'
		});
		expect(parseField('per_item_ms', '0')).toEqual({
			error: 'Time per request: give a whole number from 1 to 1,000, e.g. 2.'
		});
		expect('error' in parseField('overhead_ms', '1001')).toBe(true);
	});
});

describe('the serving planner in French', () => {
	it('names the fields and says what is wrong in the page’s language; the plan is the same', async () => {
		const { withLocale } = await import('../../src/lib/server/language');
		const both = <T>(fn: () => T) => ({ en: withLocale('en', fn), fr: withLocale('fr', fn) });
		expect(both(() => parseField('rps', '100001'))).toEqual({
			en: { error: 'Traffic: give a whole number from 1 to 100,000, e.g. 400.' },
			fr: { error: 'Trafic : indiquez un nombre entier de 1 à 100\u202f000, par exemple 400.' }
		});
		expect(both(() => parseField('overhead_ms', '-1'))).toEqual({
			en: { error: 'Batch overhead: give a whole number from 0 to 1,000, e.g. 20.' },
			fr: {
				error: 'Coût fixe d’un lot : indiquez un nombre entier de 0 à 1\u202f000, par exemple 20.'
			}
		});
		// The labels of the form's fields are read when shown, in the language of the moment.
		expect(both(() => FIELDS.max_batch.label)).toEqual({
			en: 'Maximum batch size',
			fr: 'Taille maximale de lot'
		});
		expect(both(() => fieldLabel('replicas'))).toEqual({ en: 'Replicas', fr: 'Répliques' });
		expect(both(() => parseField('replicas', '3'))).toEqual({ en: { value: 3 }, fr: { value: 3 } });
		const plans = both(() => plan({ ...DEFAULTS, replicas: 3, max_wait_ms: 50 }));
		expect(plans.fr).toEqual(plans.en);
	});
});
