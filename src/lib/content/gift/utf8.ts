// GIFT files must be UTF-8 (Moodle's documentation says so); anything else is refused, with where
// the first invalid byte is, rather than imported with mangled letters.

/** Decodes UTF-8 strictly; on failure, the line and byte offset of the first invalid sequence. */
export function decodeUtf8(
	bytes: Uint8Array
): { text: string } | { line: number; offset: number; message: string } {
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
		return {
			line: 1,
			offset: 0,
			message: 'not UTF-8: the file starts with a UTF-16 byte-order mark — save it as UTF-8'
		};
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
	} catch {
		const offset = firstInvalid(bytes);
		let line = 1;
		for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
		return {
			line,
			offset,
			message: `not UTF-8: byte 0x${bytes[offset]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${offset} is not valid UTF-8 — save the file as UTF-8 (for example: iconv -f WINDOWS-1252 -t UTF-8 in.gift > out.gift)`
		};
	}
}

function firstInvalid(b: Uint8Array): number {
	let i = 0;
	while (i < b.length) {
		const c = b[i]!;
		const n =
			c < 0x80
				? 0
				: c >= 0xc2 && c < 0xe0
					? 1
					: c >= 0xe0 && c < 0xf0
						? 2
						: c >= 0xf0 && c < 0xf5
							? 3
							: -1;
		if (n === -1) return i;
		for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k]! & 0xc0) !== 0x80) return i;
		if (n === 2 && ((c === 0xe0 && b[i + 1]! < 0xa0) || (c === 0xed && b[i + 1]! > 0x9f))) return i;
		if (n === 3 && ((c === 0xf0 && b[i + 1]! < 0x90) || (c === 0xf4 && b[i + 1]! > 0x8f))) return i;
		i += n + 1;
	}
	return Math.max(0, b.length - 1);
}
