import type { ClientEvent } from '../../../shared/schemas/mist.schemas';
import { normalizeMacLoose } from '../../../shared/findings/fingerprint';
import type { EventCategory, EventClassifier } from './eventClassifier';

/**
 * Client events as rules read them. Extends the schema type with fields real responses carry
 * but the client event search schema of the OpenAPI spec omits, and with the NAC event fields (auth_type, idp_id…).
 */
export type ClientEventInput = ClientEvent & {
	key_mgmt?: string | null;
	auth_type?: string | null;
	bssid?: string | null;
	idp_id?: string | null;
	port_id?: string | null;
	rssi?: number | null;
};

export interface FailureEvent {
	category: EventCategory;
	type: string;
	mac: string;
	site_id: string;
	timestamp: number;
	ap?: string;
	ssid?: string;
	vlan?: string;
	username?: string;
	text?: string;
	key_mgmt?: string;
	auth_type?: string;
	/** IEEE 802.11 reason/status code, when the event has one. */
	reason_code?: number;
	/** The event's `status_code` as Mist sent it: its sign flips (79 and -79) between events of one kind. */
	status_code?: number;
	/** Signal of the client at the AP when the event happened (dBm), on org event searches. */
	rssi?: number;
}

/** Fallbacks for events that do not carry them (e.g. a triage of one client's event list). */
/**
 * IEEE 802.11 status 79 ("transmission failure"), in either sign: the AP's frames were not
 * acknowledged, so an authentication failure carrying it is a radio problem, not a decision.
 */
export const isUnacknowledged = (failure: Pick<FailureEvent, 'status_code' | 'reason_code'>) =>
	Math.abs(failure.status_code ?? failure.reason_code ?? 0) === 79;

export interface EventDefaults {
	site_id?: string;
	client_mac?: string;
	/** Client MAC → VLAN, from client stats or client search, when events lack `vlan`. */
	vlanByMac?: Record<string, string>;
	/** Client MAC → VLAN as a lookup (`vlanLookup` of directory.ts); used instead of `vlanByMac`. */
	vlanOf?: (mac: string) => string | undefined;
}

const text = (value: unknown) =>
	value === undefined || value === null || value === '' ? undefined : String(value);

/** Keeps the events of the given categories; events with no client MAC or site cannot be attributed and are dropped. */
export function toFailures(
	events: ClientEventInput[],
	classify: EventClassifier,
	categories: EventCategory[],
	defaults: EventDefaults = {},
): FailureEvent[] {
	const failures: FailureEvent[] = [];
	const vlanOf = defaults.vlanOf ?? ((mac: string) => defaults.vlanByMac?.[mac]);
	for (const event of events) {
		const category = classify(event.type).category;
		if (!categories.includes(category)) continue;
		const rawMac = text(event.mac) ?? defaults.client_mac;
		const siteId = text(event.site_id) ?? defaults.site_id;
		if (!rawMac || !siteId) continue;
		const mac = normalizeMacLoose(rawMac);
		failures.push({
			category,
			type: event.type,
			mac,
			site_id: siteId,
			timestamp: event.timestamp,
			ap: text(event.ap) && normalizeMacLoose(String(event.ap)),
			ssid: text(event.ssid),
			vlan: text(event.vlan) ?? vlanOf(mac),
			username: text(event.username),
			text: text(event.text),
			key_mgmt: text(event.key_mgmt),
			auth_type: text(event.auth_type),
			reason_code:
				typeof event.reason_code === 'number'
					? event.reason_code
					: typeof event.status_code === 'number'
						? event.status_code
						: undefined,
			status_code: typeof event.status_code === 'number' ? event.status_code : undefined,
			rssi: typeof event.rssi === 'number' ? event.rssi : undefined,
		});
	}
	return failures;
}
