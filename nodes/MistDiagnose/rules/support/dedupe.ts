import { normalizeMacLoose } from '../../../shared/findings/fingerprint';

/** The fields that identify one logical client event. */
export interface DedupableEvent {
	type: string;
	timestamp: number;
	mac?: string | null;
	ap?: string | null;
	bssid?: string | null;
}

const mac = (value: unknown) =>
	typeof value === 'string' && value ? normalizeMacLoose(value) : '';

const keyOf = (event: DedupableEvent) =>
	[mac(event.mac), event.type, event.timestamp, mac(event.ap), mac(event.bssid)].join('|');

/**
 * Real Mist returns some client events (MARVIS_EVENT_CLIENT_AUTH_FAILURE at least) in up to three
 * copies at the same timestamp, differing only in `has_pcap` and `pcap_url`. Keeps one event per
 * (client MAC, type, timestamp, AP, BSSID), in first-seen order; a copy's fields fill the first's gaps,
 * so counts, evidence and thresholds speak of logical events.
 */
export function dedupeClientEvents<Event extends DedupableEvent>(events: Event[]): Event[] {
	const byKey = new Map<string, Event>();
	for (const event of events) {
		const key = keyOf(event);
		const kept = byKey.get(key);
		if (!kept) {
			byKey.set(key, event);
			continue;
		}
		const gaps = Object.entries(event).filter(([field, value]) => {
			const current = (kept as Record<string, unknown>)[field];
			return (current === undefined || current === null) && value !== undefined && value !== null;
		});
		if (gaps.length) byKey.set(key, { ...kept, ...Object.fromEntries(gaps) });
	}
	return [...byKey.values()];
}
