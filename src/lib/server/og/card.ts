// The link preview of a shared portfolio (og.png): 1200 × 630 pixels, drawn on the server with the
// built-in bitmap font and encoded by png.ts. A PNG has no CSS, so the colours are the light theme's
// tokens of src/app.css written out (--brand, --ink, --muted, --paper, --track, --ok).
import { encodePng } from './png';
import { DESCENDERS, foldText, glyph, GLYPH_WIDTH, LINE_HEIGHT } from './font';

export const WIDTH = 1200;
export const HEIGHT = 630;
type Rgb = readonly [number, number, number];
const BRAND: Rgb = [0x1d, 0x4e, 0xd8];
const INK: Rgb = [0x1f, 0x23, 0x28];
const MUTED: Rgb = [0x57, 0x60, 0x6a];
const PAPER: Rgb = [0xff, 0xff, 0xff];
const TRACK: Rgb = [0xea, 0xee, 0xf2];
const OK: Rgb = [0x1a, 0x7f, 0x37];

class Canvas {
	readonly rgb = new Uint8Array(WIDTH * HEIGHT * 3);
	rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb) {
		for (let j = Math.max(0, y); j < Math.min(HEIGHT, y + h); j++)
			for (let i = Math.max(0, x); i < Math.min(WIDTH, x + w); i++) {
				const at = (j * WIDTH + i) * 3;
				this.rgb[at] = r;
				this.rgb[at + 1] = g;
				this.rgb[at + 2] = b;
			}
	}
	/** Draws ASCII text (already folded) with its top-left at (x, y), each font pixel `scale` wide. */
	text(x: number, y: number, text: string, scale: number, colour: Rgb) {
		[...text].forEach((ch, n) => {
			const drop = DESCENDERS.has(ch) ? 2 : 0;
			glyph(ch).forEach((row, j) => {
				for (let i = 0; i < GLYPH_WIDTH; i++)
					if (row & (1 << (GLYPH_WIDTH - 1 - i)))
						this.rect(
							x + (n * (GLYPH_WIDTH + 1) + i) * scale,
							y + (j + drop) * scale,
							scale,
							scale,
							colour
						);
			});
		});
	}
}

/** At most `max` characters: longer text is cut at a word where it can be, and ends with "...". */
export function fit(text: string, max: number): string {
	const t = foldText(text).replace(/\s+/g, ' ').trim();
	if (t.length <= max) return t;
	const cut = t.slice(0, max - 3);
	const word = cut.lastIndexOf(' ');
	return (word >= cut.length / 2 ? cut.slice(0, word) : cut).trimEnd() + '...';
}

/** Text broken at spaces into at most `lines` lines of `max` characters; the last one cut to fit. */
export function wrap(text: string, max: number, lines: number): string[] {
	const out: string[] = [];
	let rest = foldText(text).replace(/\s+/g, ' ').trim();
	while (rest && out.length < lines - 1 && rest.length > max) {
		const at = rest.lastIndexOf(' ', max);
		const cut = at > max / 2 ? at : max;
		out.push(rest.slice(0, cut).trimEnd());
		rest = rest.slice(cut).trimStart();
	}
	if (rest) out.push(fit(rest, max));
	return out;
}

/** How many characters fit in `width` pixels at `scale`. */
const room = (width: number, scale: number) =>
	Math.floor((width + scale) / ((GLYPH_WIDTH + 1) * scale));

export interface CardBar {
	label: string;
	done: number;
	total: number;
}

export function portfolioCard(card: {
	roadmap: string;
	name: string;
	headline: string;
	bars: CardBar[];
}): Buffer {
	const c = new Canvas();
	const left = 64;
	const inner = WIDTH - 2 * left;
	c.rect(0, 0, WIDTH, HEIGHT, PAPER);
	c.rect(0, 0, WIDTH, 92, BRAND);
	c.text(left, 28, 'JALONS  PORTFOLIO', 5, PAPER);

	let y = 124;
	c.text(left, y, fit(card.roadmap, room(inner, 8)), 8, INK);
	y += LINE_HEIGHT * 8 + 12;
	c.text(left, y, fit(card.name, room(inner, 5)), 5, INK);
	y += LINE_HEIGHT * 5 + 8;
	for (const line of wrap(card.headline, room(inner, 3), 2)) {
		c.text(left, y, line, 3, MUTED);
		y += LINE_HEIGHT * 3 + 4;
	}
	y = Math.max(y + 16, 380);

	// Readiness: one bar per line, the figures in text beside it.
	const labelWidth = 360;
	const barWidth = inner - labelWidth - 140;
	for (const bar of card.bars.slice(0, 4)) {
		const share = bar.total ? Math.min(1, bar.done / bar.total) : 0;
		c.text(left, y + 6, fit(bar.label, room(labelWidth - 20, 3)), 3, INK);
		const x = left + labelWidth;
		c.rect(x, y, barWidth, 32, TRACK);
		c.rect(x, y, Math.round(barWidth * share), 32, OK);
		c.text(x + barWidth + 20, y + 6, `${bar.done}/${bar.total}`, 3, INK);
		y += 56;
	}
	return encodePng(WIDTH, HEIGHT, c.rgb);
}
