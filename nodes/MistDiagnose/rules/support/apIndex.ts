import type { DeviceStat } from '../../../shared/schemas/mist.schemas';
import { normalizeMacLoose } from '../../../shared/findings/fingerprint';

/** The keys by which a client record or event names its AP. */
export interface ApKeys {
	/** `ap_mac` of client stats, `ap` of events. */
	mac?: string | null;
	/** `ap_id` of client stats: the AP's device id, 00000000-0000-0000-1000-<mac>. */
	id?: string | null;
}

const DEVICE_ID = /^00000000-0000-0000-1000-([0-9a-f]{12})$/i;

/** The MAC a Mist device id is made of. */
export const macOfDeviceId = (id: string | null | undefined) =>
	id ? DEVICE_ID.exec(id.trim())?.[1]?.toLowerCase() : undefined;

export type ApResolver = (keys: ApKeys) => { mac: string; ap?: DeviceStat } | undefined;

/**
 * Finds the AP of the AP inventory (`stats/devices`) a client names. Real client stats carry both
 * `ap_mac` and `ap_id`, and a real sample has them disagree; so the device id is tried first, then the
 * MAC as the AP's base MAC or one of its radio MACs, then the MAC the id is made of. Without a match,
 * the AP's own key is kept (its MAC, else the id's MAC), so grouping by AP still works.
 */
export function apResolver(inventory: DeviceStat[] = []): ApResolver {
	const byId = new Map<string, DeviceStat>();
	const byMac = new Map<string, DeviceStat>();
	const byRadio = new Map<string, DeviceStat>();
	// One answer per AP, made once: the resolver runs for every client record.
	const answers = new Map<DeviceStat, { mac: string; ap: DeviceStat }>();
	for (const ap of inventory) {
		if (ap.id) byId.set(ap.id.toLowerCase(), ap);
		const mac = normalizeMacLoose(ap.mac);
		byMac.set(mac, ap);
		answers.set(ap, { mac, ap });
		for (const band of Object.values(ap.radio_stat ?? {})) {
			const radio = (band as { mac?: unknown } | null)?.mac;
			if (typeof radio === 'string' && radio) byRadio.set(normalizeMacLoose(radio), ap);
		}
	}
	return ({ mac, id }) => {
		const given = mac ? normalizeMacLoose(mac) : undefined;
		const ap =
			(id ? byId.get(id.trim().toLowerCase()) : undefined) ??
			(given ? (byMac.get(given) ?? byRadio.get(given)) : undefined);
		if (ap) return answers.get(ap);
		// The id's MAC only when the id and the MAC matched nothing (a regex, so not for every record).
		const idMac = macOfDeviceId(id);
		const byIdMac = idMac ? byMac.get(idMac) : undefined;
		if (byIdMac) return answers.get(byIdMac);
		const key = given ?? idMac;
		return key ? { mac: key } : undefined;
	};
}
