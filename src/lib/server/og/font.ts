// A 5×7 bitmap font for the server-drawn link preview (og.png): printable ASCII, drawn for Jalons.
// Each glyph is 7 rows of 5 pixels, a row written as one base-32 digit (bit 4 = leftmost pixel),
// glyphs in code order from U+0020 (space) to U+007E (~). Text is folded to ASCII first: accents
// are dropped (é → e), what has no ASCII form becomes the fallback glyph.
export const GLYPH_WIDTH = 5;
export const GLYPH_HEIGHT = 7;
const FIRST = 0x20;
const LAST = 0x7e;

const GLYPHS =
	'00000004444404aa00000aavavaa4fke5u4op248j3cik8lid440000024888428422248' +
	'04lel40044v4400000c48000v00000000cc01248g0ehjlphe4c4444eeh1248vv2421he' +
	'26aiv22vgu11he68guhhev124888ehhehheehhf12c0cc0cc00cc0c48248g84200v0v00' +
	'8421248eh12404eh1dlleehhvhhhuhhuhhuehgggheuhhhhhuvgguggvvggugggehgnhhf' +
	'hhhvhhhe44444e72222ichikokihggggggvhrllhhhhhpljhhehhhhheuhhugggehhhlid' +
	'uhhukihfgge11uv444444hhhhhhehhhhha4hhhlllahha4ahhhha4444v1248gve88888e' +
	'0g84210e22222e4ah0000000000v840000000e1fhfggmphhu00egghe11djhhf00ehvge' +
	'698s888fhhjd1eggmphhh40c444e20622icggikokic44444e00qllhh00mphhh00ehhhe' +
	'uhhhuggfhhhf1100mpggg00ege1u88s889600hhhjd00hhha400hhlla00ha4ahhhhjd1e' +
	'00v248v244844244444448442448008l200';

/** Letters drawn 2 pixels lower than the others, their tails below the line (9 rows in all). */
export const DESCENDERS: ReadonlySet<string> = new Set('gpqy');
export const LINE_HEIGHT = GLYPH_HEIGHT + 2;

/** Shown for a character the font does not have (after folding): a hollow box. */
export const FALLBACK = [0x1f, 0x11, 0x11, 0x11, 0x11, 0x11, 0x1f];

/** The 7 rows of a character (5 bits each, bit 4 leftmost); the fallback box if it has none. */
export function glyph(ch: string): number[] {
	const code = ch.codePointAt(0) ?? 0;
	if (ch.length !== 1 || code < FIRST || code > LAST) return FALLBACK;
	const at = (code - FIRST) * GLYPH_HEIGHT;
	return [...GLYPHS.slice(at, at + GLYPH_HEIGHT)].map((d) => parseInt(d, 32));
}

// Typographic characters with a plain ASCII form, beyond what dropping accents does.
const ASCII: Record<string, string> = {
	'‘': "'",
	'’': "'",
	'“': '"',
	'”': '"',
	'–': '-',
	'—': '-',
	'…': '...',
	'·': '-',
	'•': '-',
	'\u00a0': ' ',
	ß: 'ss',
	æ: 'ae',
	Æ: 'AE',
	œ: 'oe',
	Œ: 'OE',
	ø: 'o',
	Ø: 'O',
	ł: 'l',
	Ł: 'L'
};

/** Text as the font can draw it: accents folded (é → e), whitespace to spaces, the rest kept. */
export function foldText(text: string): string {
	return [...text.normalize('NFKD').replace(/\p{M}/gu, '')]
		.map((c) => ASCII[c] ?? (/\s/.test(c) ? ' ' : c))
		.join('');
}
