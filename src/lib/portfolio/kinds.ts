/** Portfolio items done by recording evidence (the others by completing modules). */
export const EVIDENCE_KINDS = ['project', 'certification', 'activity'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
