// Which roadmap a module page is read in: the one the learner came from (if it holds the module),
// else the first they follow that holds it, else the first that holds it. The others are listed.

export function roadmapContext(
	containing: readonly string[],
	from: string | null,
	followed: ReadonlySet<string>
): { current: string | null; others: string[] } {
	const current =
		(from && containing.includes(from) ? from : null) ??
		containing.find((id) => followed.has(id)) ??
		containing[0] ??
		null;
	return { current, others: containing.filter((id) => id !== current) };
}
