// Cost of LLM calls from token counts and per-million-token prices. Prices change often: the
// component asks for them rather than hard-coding a provider's price list.

import { formatNumber, getLocale } from '$lib/i18n';

export interface CostInput {
	inputTokens: number;
	outputTokens: number;
	/** USD per million input tokens. */
	inputPrice: number;
	/** USD per million output tokens. */
	outputPrice: number;
	callsPerDay: number;
	/** Share of input tokens served from a prompt cache, 0–1. */
	cachedShare?: number;
	/** Price of cached input tokens as a share of the normal input price, 0–1. */
	cachedPriceFactor?: number;
}

export interface Cost {
	perCall: number;
	perDay: number;
	per30Days: number;
}

export function estimateCost(x: CostInput): Cost {
	const cachedShare = clamp(x.cachedShare ?? 0, 0, 1);
	const factor = clamp(x.cachedPriceFactor ?? 1, 0, 1);
	const inputCost = (x.inputTokens * x.inputPrice * (1 - cachedShare + cachedShare * factor)) / 1e6;
	const outputCost = (x.outputTokens * x.outputPrice) / 1e6;
	const perCall = inputCost + outputCost;
	return { perCall, perDay: perCall * x.callsPerDay, per30Days: perCall * x.callsPerDay * 30 };
}

function clamp(v: number, lo: number, hi: number) {
	return Math.min(hi, Math.max(lo, v));
}

export function formatUsd(v: number): string {
	// In French the sign follows the amount: 0,0012 $, 1 234,50 $.
	const usd = (n: string) => (getLocale() === 'fr' ? `${n} $` : `$${n}`);
	if (v === 0) return usd('0');
	if (v < 0.01) {
		const p = v.toPrecision(2);
		return usd(getLocale() === 'fr' ? p.replace('.', ',') : p);
	}
	return usd(formatNumber(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
}
