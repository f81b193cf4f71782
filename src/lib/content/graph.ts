/**
 * Every elementary cycle reachable in a directed graph, each reported once, starting from its
 * smallest node in the given order. Depth-first search with an explicit path.
 */
export function findCycles(nodes: string[], edges: (node: string) => string[]): string[][] {
	const state = new Map<string, 'visiting' | 'done'>();
	const path: string[] = [];
	const cycles: string[][] = [];
	const seen = new Set<string>();
	const visit = (node: string) => {
		state.set(node, 'visiting');
		path.push(node);
		for (const next of edges(node)) {
			const s = state.get(next);
			if (s === 'visiting') {
				const cycle = path.slice(path.indexOf(next));
				const start = cycle.indexOf(
					[...cycle].sort((a, b) => nodes.indexOf(a) - nodes.indexOf(b))[0]!
				);
				const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
				const key = rotated.join('>');
				if (!seen.has(key)) {
					seen.add(key);
					cycles.push(rotated);
				}
			} else if (s === undefined) visit(next);
		}
		path.pop();
		state.set(node, 'done');
	};
	for (const n of nodes) if (!state.has(n)) visit(n);
	return cycles;
}

/** Modules in an order where every prerequisite comes before the modules that need it. */
export function topologicalOrder(nodes: string[], edges: (node: string) => string[]): string[] {
	const out: string[] = [];
	const done = new Set<string>();
	const visit = (n: string, stack: Set<string>) => {
		if (done.has(n) || stack.has(n)) return;
		stack.add(n);
		for (const p of edges(n)) visit(p, stack);
		stack.delete(n);
		done.add(n);
		out.push(n);
	};
	for (const n of nodes) visit(n, new Set());
	return out;
}
