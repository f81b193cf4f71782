// The link preview's PNG encoder and bitmap font: a file any decoder reads, of the size asked for,
// and text the font cannot draw shown as a box rather than dropped or thrown on.
import { crc32 as zlibCrc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, encodePng } from '../../src/lib/server/og/png';
import { FALLBACK, foldText, glyph, GLYPH_HEIGHT } from '../../src/lib/server/og/font';
import { fit, HEIGHT, portfolioCard, WIDTH, wrap } from '../../src/lib/server/og/card';

/** The chunks of a PNG file: type, data and the CRC it carries. */
function chunks(png: Buffer) {
	const out: { type: string; data: Buffer; crc: number; body: Buffer }[] = [];
	for (let at = 8; at < png.length;) {
		const length = png.readUInt32BE(at);
		const body = png.subarray(at + 4, at + 8 + length);
		out.push({
			type: body.subarray(0, 4).toString('ascii'),
			data: body.subarray(4),
			crc: png.readUInt32BE(at + 8 + length),
			body
		});
		at += 12 + length;
	}
	return out;
}

describe('encodePng', () => {
	const w = 7;
	const h = 3;
	const rgb = Uint8Array.from({ length: w * h * 3 }, (_, i) => (i * 37) % 256);
	const png = encodePng(w, h, rgb);

	it('writes the signature, an IHDR of the right size, then IDAT and IEND', () => {
		expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const [ihdr, ...rest] = chunks(png);
		expect(ihdr!.type).toBe('IHDR');
		expect(ihdr!.data.readUInt32BE(0)).toBe(w);
		expect(ihdr!.data.readUInt32BE(4)).toBe(h);
		expect([...ihdr!.data.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
		expect(rest.map((c) => c.type)).toEqual(['IDAT', 'IEND']);
	});

	it('carries a correct CRC-32 on every chunk (checked against node:zlib)', () => {
		expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
		for (const c of chunks(png)) expect(c.crc, c.type).toBe(zlibCrc32(c.body));
	});

	it('deflates scanlines that inflate to one filter byte and 3 bytes a pixel per row', () => {
		const raw = inflateSync(chunks(png).find((c) => c.type === 'IDAT')!.data);
		expect(raw.length).toBe((w * 3 + 1) * h);
		for (let y = 0; y < h; y++) {
			const row = raw.subarray(y * (w * 3 + 1), (y + 1) * (w * 3 + 1));
			expect(row[0]).toBe(0);
			expect([...row.subarray(1)]).toEqual([...rgb.subarray(y * w * 3, (y + 1) * w * 3)]);
		}
	});

	it('refuses pixels that do not match the size', () => {
		expect(() => encodePng(2, 2, new Uint8Array(11))).toThrow(/take 12 bytes/);
		expect(() => encodePng(0, 2, new Uint8Array(0))).toThrow(RangeError);
	});

	it('draws the portfolio card at 1200 × 630', () => {
		const card = portfolioCard({
			roadmap: 'Prompt Engineer',
			name: 'Adèle',
			headline: 'x'.repeat(300),
			bars: [{ label: 'Portfolio items', done: 2, total: 5 }]
		});
		const ihdr = chunks(card)[0]!.data;
		expect([ihdr.readUInt32BE(0), ihdr.readUInt32BE(4)]).toEqual([WIDTH, HEIGHT]);
		expect([WIDTH, HEIGHT]).toEqual([1200, 630]);
		expect(inflateSync(chunks(card)[1]!.data).length).toBe((1200 * 3 + 1) * 630);
	});
});

describe('the bitmap font', () => {
	it('has a glyph of 7 rows of 5 pixels for every printable ASCII character', () => {
		for (let c = 0x20; c <= 0x7e; c++) {
			const g = glyph(String.fromCharCode(c));
			expect(g).toHaveLength(GLYPH_HEIGHT);
			expect(g.every((row) => Number.isInteger(row) && row >= 0 && row < 32)).toBe(true);
		}
		expect(glyph(' ').every((row) => row === 0)).toBe(true);
		expect(glyph('A')).not.toEqual(glyph('B'));
		expect(glyph('A')).not.toEqual(FALLBACK);
	});

	it('falls back to a box for what it cannot draw', () => {
		for (const ch of ['中', '😀', '\u0007', 'é', 'ab', '']) expect(glyph(ch), ch).toEqual(FALLBACK);
	});

	it('folds accents and typographic characters to ASCII', () => {
		expect(foldText('Adèle Œuvre – “ça” naïve…')).toBe('Adele OEuvre - "ca" naive...');
		expect(foldText('Zoë\u00a0Straße')).toBe('Zoe Strasse');
		expect(foldText('中')).toBe('中');
	});

	it('cuts long text at a word, and wraps it on lines', () => {
		expect(fit('Data analyst moving into MLOps', 20)).toBe('Data analyst...');
		expect(fit('short', 20)).toBe('short');
		expect(wrap('one two three four five six', 10, 2)).toEqual(['one two', 'three...']);
		expect(wrap('', 10, 2)).toEqual([]);
	});
});
