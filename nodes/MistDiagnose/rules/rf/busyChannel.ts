import type { RadioBandStat } from '../../../shared/schemas/mist.schemas';
import type { Remediation } from '../../../shared/findings/types';
import type { Band } from '../../../shared/findings/remediation';
import { manual, remediate } from '../../../shared/findings/remediation';
import { bandsPhrase } from '../../../shared/findings/bands';

/** A busy radio's airtime in its three parts (%), when the AP reports them. */
export interface AirtimeParts {
	own: number;
	otherBss: number;
	nonWifi: number;
}

export type BusyBy = 'own' | 'other_bss' | 'non_wifi';

const num = (value: unknown) => (typeof value === 'number' ? value : 0);

/** Own traffic (tx + rx in BSS), other Wi-Fi (other BSSs, unknown Wi-Fi) and non-Wi-Fi. */
export function airtimeParts(radio: RadioBandStat): AirtimeParts | undefined {
	const known =
		typeof radio.util_tx === 'number' ||
		typeof radio.util_rx_in_bss === 'number' ||
		typeof radio.util_rx_other_bss === 'number';
	if (!known) return undefined;
	return {
		own: num(radio.util_tx) + num(radio.util_rx_in_bss),
		otherBss: num(radio.util_rx_other_bss) + num(radio.util_unknown_wifi),
		nonWifi: num(radio.util_non_wifi),
	};
}

/** What takes most of the airtime of these radios together. */
export function busyBy(parts: AirtimeParts[]): BusyBy | undefined {
	if (parts.length === 0) return undefined;
	const sum = (key: keyof AirtimeParts) => parts.reduce((total, part) => total + part[key], 0);
	const ranked: Array<[BusyBy, number]> = [
		['non_wifi', sum('nonWifi')],
		['other_bss', sum('otherBss')],
		['own', sum('own')],
	];
	return ranked.sort((a, b) => b[1] - a[1])[0][0];
}

const range = (values: number[]) => {
	const [low, high] = [Math.min(...values), Math.max(...values)];
	return low === high ? `${low}%` : `${low} to ${high}%`;
};

/**
 * The likely cause of a busy channel, named by the part of the airtime that dominates (`by`, when
 * the caller has it already: `busyBy` of the same parts).
 */
export function busyCause(
	parts: AirtimeParts[],
	by: BusyBy | undefined = busyBy(parts),
): string | undefined {
	if (!by) return undefined;
	const own = range(parts.map((part) => part.own));
	const other = range(parts.map((part) => part.otherBss));
	const nonWifi = range(parts.map((part) => part.nonWifi));
	if (by === 'non_wifi')
		return `Most of the airtime is non-Wi-Fi energy (${nonWifi}; own traffic ${own}, other Wi-Fi ${other}): an interference source on the channel, not clients or neighbours.`;
	if (by === 'other_bss')
		return `Most of the airtime is other Wi-Fi on the same channel (${other} other BSSs; own traffic ${own}): co-channel interference from neighbouring APs.`;
	return `Most of the airtime is the AP's own traffic (${own} tx+rx; other Wi-Fi ${other}): its clients load the channel.`;
}

/** The fix for a busy channel: by what keeps it busy, or a channel re-plan when that is unknown. */
export function busyRemediation(
	by: BusyBy | undefined,
	siteId: string,
	bands: Band[],
): { remediation: Remediation; followUp: Remediation[] } {
	const optimize = remediate.rrmOptimize(
		siteId,
		bands,
		false,
		`Let RRM re-plan channels and power on ${bandsPhrase(bands)}.`,
	);
	if (by === 'own')
		return {
			remediation: manual(
				'Balance the clients: enable band steering (5/6 GHz) and let neighbouring APs take a share; add an AP where clients gather.',
			),
			followUp: [optimize],
		};
	if (by === 'non_wifi')
		return {
			remediation: optimize,
			followUp: [
				manual('Locate the interference source with a spectrum analysis and move or shield it.'),
			],
		};
	return {
		remediation: optimize,
		followUp: [
			manual(
				'If the channel stays busy, reduce SSIDs/basic rates or use narrower channels and more 5/6 GHz capacity.',
			),
		],
	};
}
