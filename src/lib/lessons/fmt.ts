// Numbers in the exercises, in the page's language: `fixed(0.5, 2)` is 0.50 in English, 0,50 in
// French. Like toFixed, without grouping, so English output stays as it was.
import { formatNumber } from '$lib/i18n';

export const fixed = (x: number, digits: number): string =>
	formatNumber(x, {
		minimumFractionDigits: digits,
		maximumFractionDigits: digits,
		useGrouping: false
	});

/** A share as a percentage with one decimal and a space before %: 12.5 % / 12,5 %. */
export const percent = (x: number, space = ' '): string => `${fixed(x * 100, 1)}${space}%`;
