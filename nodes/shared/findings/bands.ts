import type { Band } from './remediation';

const ORDER: Band[] = ['24', '5', '6'];
const NUMBER: Record<Band, string> = { '24': '2.4', '5': '5', '6': '6' };

/** One band for people: "2.4 GHz" (Mist writes it "24"). */
export const BAND_LABEL: Record<Band, string> = { '24': '2.4 GHz', '5': '5 GHz', '6': '6 GHz' };

/** Several bands for people, low to high: "5 GHz", "2.4 and 5 GHz", "2.4, 5 and 6 GHz". */
export function formatBands(bands: Iterable<Band>): string {
	const numbers = ORDER.filter((band) => [...bands].includes(band)).map((band) => NUMBER[band]);
	if (numbers.length === 0) return 'no band';
	const list =
		numbers.length === 1
			? numbers[0]
			: `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
	return `${list} GHz`;
}

/** With its noun: "band 5 GHz", "bands 2.4 and 5 GHz". */
export function bandsPhrase(bands: Iterable<Band>): string {
	const count = new Set(bands).size;
	return `${count === 1 ? 'band' : 'bands'} ${formatBands(bands)}`;
}
