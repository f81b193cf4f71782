/** Portfolio items done by recording evidence (the others by completing modules). */
export const EVIDENCE_KINDS = ['project', 'certification', 'activity'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * An item's title without its kind in front ("Project: a RAG chatbot" → "a RAG chatbot", capitalised):
 * the kind is shown once, as a badge. Roadmap files keep their titles; only rendering drops the word.
 */
export function titleWithoutKind(kind: string, title: string): string {
	const m = /^\s*(phase|modules?|project|certification|activity)(?:\s*:|\s+[–—-])\s*(.+)$/i.exec(
		title
	);
	if (!m || !kind.startsWith(m[1]!.toLowerCase().replace(/s$/, ''))) return title;
	return m[2]!.charAt(0).toUpperCase() + m[2]!.slice(1);
}
