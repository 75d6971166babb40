import type { Band } from '../../../shared/findings/remediation';

/** The usual spellings, answered without trimming, lower-casing and a regex (one call per radio). */
const EXACT_BANDS = new Map<unknown, Band>([
	['band_24', '24'],
	['band_5', '5'],
	['band_6', '6'],
	['24', '24'],
	['5', '5'],
	['6', '6'],
]);

/** Mist writes bands as "24"/"5"/"6" (sometimes numbers, sometimes "2.4"); radio_stat keys as band_24… */
export function normalizeBand(value: unknown): Band | undefined {
	const exact = EXACT_BANDS.get(value);
	if (exact) return exact;
	const text = String(value ?? '')
		.trim()
		.toLowerCase()
		.replace(/^band_/, '');
	if (text === '24' || text === '2.4' || text === '2') return '24';
	if (text === '5') return '5';
	if (text === '6') return '6';
	return undefined;
}

const BAND_ORDER: readonly Band[] = ['24', '5', '6'];

/** The bands present, each once, in band order (the bands are read once, not once per band). */
export function sortBands(bands: Iterable<Band>): Band[] {
	const present = new Set(bands);
	return BAND_ORDER.filter((band) => present.has(band));
}
