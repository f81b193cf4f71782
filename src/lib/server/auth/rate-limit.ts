/**
 * Counts failures per key in a sliding window. In memory: one server process. Behind several app
 * servers each keeps its own count, which still bounds guessing per server (see docs).
 */
export class RateLimiter {
	private hits = new Map<string, number[]>();

	constructor(
		private readonly max: number,
		private readonly windowMs: number,
		private readonly now: () => number = Date.now
	) {}

	private recent(key: string): number[] {
		const since = this.now() - this.windowMs;
		const list = (this.hits.get(key) ?? []).filter((t) => t > since);
		if (list.length) this.hits.set(key, list);
		else this.hits.delete(key);
		return list;
	}

	/** Seconds until the key may try again, or 0 when it may now. */
	retryAfter(key: string): number {
		const list = this.recent(key);
		if (list.length < this.max) return 0;
		return Math.ceil((list[0]! + this.windowMs - this.now()) / 1000);
	}

	fail(key: string) {
		const list = this.recent(key);
		list.push(this.now());
		this.hits.set(key, list);
	}

	reset(key: string) {
		this.hits.delete(key);
	}
}
