import type { Ap } from '../types';

const BSSIDS = new Map<string, string>();

/** The BSSID an AP's radio on this band announces; memoised, as every event and view asks for it. */
export function bssidOf(ap: Ap, band: '24' | '5'): string {
	const key = band + ap.mac;
	let bssid = BSSIDS.get(key);
	if (bssid === undefined) {
		// Mist BSSIDs derive from the radio MAC; one per band is enough here.
		const last = parseInt(ap.mac.slice(-2), 16);
		bssid =
			ap.mac.slice(0, 10) +
			((last + (band === '5' ? 0x10 : 0x00)) & 0xff).toString(16).padStart(2, '0');
		BSSIDS.set(key, bssid);
	}
	return bssid;
}
