import { normalizeMacLoose } from '../../../shared/findings/fingerprint';
import type { Signal } from './alarms';

/**
 * A Marvis Action as the (undocumented, labs) suggestion API lists it. Only the fields the rules
 * read are declared; the topic is `symptom`, e.g. `dhcp_failure`, `port_flap`.
 */
export interface MarvisActionInput {
	symptom: string;
	category?: string | null;
	site_id: string;
	status?: string | null;
	mac?: string | null;
	macs?: string[] | null;
	port_id?: string | null;
	ssid?: string | null;
	vlan?: string | number | null;
	impacted_clients?: number | null;
	timestamp?: number | null;
	last_seen?: number | null;
	text?: string | null;
	[key: string]: unknown;
}

const CLOSED = new Set(['resolved', 'validated', 'expired', 'marvis_self_driven']);

export function marvisSignals(
	actions: MarvisActionInput[] | undefined,
	topics: string[],
): Signal[] {
	const signals: Signal[] = [];
	for (const action of actions ?? []) {
		if (!topics.includes(action.symptom) || !action.site_id) continue;
		if (action.status && CLOSED.has(action.status)) continue;
		const base: Signal = {
			source: 'marvis',
			type: action.symptom,
			site_id: action.site_id,
			count: 1,
			timestamps: [action.timestamp, action.last_seen].filter(
				(value): value is number => typeof value === 'number',
			),
			port_id: action.port_id ?? undefined,
			ssid: action.ssid ?? undefined,
			vlan: action.vlan === undefined || action.vlan === null ? undefined : String(action.vlan),
			impactedClients: action.impacted_clients ?? undefined,
			text: action.text ?? undefined,
		};
		const macs = [...(action.macs ?? []), ...(action.mac ? [action.mac] : [])].map(
			normalizeMacLoose,
		);
		if (macs.length === 0) signals.push(base);
		for (const mac of new Set(macs)) signals.push({ ...base, mac });
	}
	return signals;
}
