import { createHash } from 'node:crypto';

/** The hash a translation records in `source:`: 12 hex digits of the English file's SHA-256. */
export const sourceHash = (text: string) =>
	createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 12);
