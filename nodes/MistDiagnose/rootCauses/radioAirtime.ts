import type { RadioBandStat } from '../../shared/schemas/mist.schemas';
import type { Band } from '../../shared/findings/remediation';
import { normalizeMacLoose } from '../../shared/findings/fingerprint';
import { normalizeBand } from '../rules/support/bands';
import type { DiagnosisThresholds } from '../rules/support/thresholds';
import type { ApStat } from '../rules/support/uplink';

/**
 * Where a radio's airtime goes, from its AP stats: its own BSS (what it sends and receives from
 * its clients), other Wi-Fi on the channel (neighbour and co-channel BSSs), and non-Wi-Fi energy.
 * Each part has its own fix: own load → balance clients; other BSS → channel plan; non-Wi-Fi →
 * move the radio off the channel. All in percent of airtime.
 */
export interface RadioAirtime {
	siteId: string;
	ap: string;
	apName?: string;
	band: Band;
	channel?: number;
	total: number;
	own: number;
	otherBss: number;
	nonWifi: number;
	noiseFloor?: number;
	clients?: number;
}

export type AirtimeCause = 'non_wifi' | 'other_bss' | 'own';

const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Every enabled radio of the connected APs with utilisation figures. */
export function radioAirtime(aps: readonly ApStat[] | undefined): RadioAirtime[] {
	const radios: RadioAirtime[] = [];
	for (const ap of aps ?? []) {
		if (!ap.site_id || (ap.status && ap.status !== 'connected')) continue;
		for (const [key, radio] of Object.entries(ap.radio_stat ?? {}) as Array<
			[string, RadioBandStat | null | undefined]
		>) {
			const band = normalizeBand(key);
			if (!band || !radio || radio.disabled || typeof radio.util_all !== 'number') continue;
			radios.push({
				siteId: ap.site_id,
				ap: normalizeMacLoose(ap.mac),
				apName: ap.name ?? undefined,
				band,
				channel: radio.channel ?? undefined,
				total: radio.util_all,
				own: num(radio.util_tx) + num(radio.util_rx_in_bss),
				// Unknown Wi-Fi is Wi-Fi the radio could not attribute: still other BSSs' airtime.
				otherBss: num(radio.util_rx_other_bss) + num(radio.util_unknown_wifi),
				nonWifi: num(radio.util_non_wifi),
				noiseFloor: radio.noise_floor ?? undefined,
				clients: radio.num_clients ?? undefined,
			});
		}
	}
	return radios;
}

/**
 * What makes a radio's channel hard to use, if anything: non-Wi-Fi energy above its limit, else a
 * busy channel whose airtime is mostly other BSSs, else a busy channel mostly its own traffic.
 */
export function airtimeCause(
	radio: RadioAirtime,
	thresholds: DiagnosisThresholds,
): AirtimeCause | undefined {
	if (radio.nonWifi > thresholds.nonWifiUtilPercent.warn) return 'non_wifi';
	if (radio.total <= thresholds.channelUtilPercent.warn) return undefined;
	if (radio.otherBss > thresholds.otherBssUtilPercent && radio.otherBss >= radio.own)
		return 'other_bss';
	return radio.own >= radio.otherBss ? 'own' : undefined;
}

/** "55% non-Wi-Fi, own 4% (tx+rx), other Wi-Fi 2% of 61%": a radio's airtime, for people. */
export function airtimePhrase(radio: RadioAirtime): string {
	return `${radio.nonWifi}% non-Wi-Fi, ${radio.otherBss}% other Wi-Fi, ${radio.own}% own traffic (tx+rx) of ${radio.total}% busy`;
}

/** The radios of one site on one band and channel, keyed `site|band|channel`. */
export function channelKey(radio: RadioAirtime): string {
	return `${radio.siteId}|${radio.band}|${radio.channel ?? '?'}`;
}
