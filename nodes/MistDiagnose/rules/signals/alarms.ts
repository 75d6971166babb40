import type { Alarm } from '../../../shared/schemas/mist.schemas';
import { normalizeMacLoose } from '../../../shared/findings/fingerprint';

/** Alarm fields some alarm types carry beyond the schema (alarm_defs `fields`). */
export type AlarmInput = Alarm & {
	ssids?: string[] | null;
	gateways?: string[] | null;
	port_id?: string | null;
	port_ids?: string[] | null;
	vlans?: Array<string | number> | null;
};

/** One alarm (or Marvis action) narrowed to one entity, the shape the step rules consume. */
export interface Signal {
	source: 'alarm' | 'marvis';
	type: string;
	site_id: string;
	/** AP, switch or gateway MAC the signal is about. */
	mac?: string;
	port_id?: string;
	ssid?: string;
	vlan?: string;
	/** Occurrences Mist counted. */
	count: number;
	timestamps: number[];
	id?: string;
	/** Clients Mist says are impacted, when it says. */
	impactedClients?: number;
	text?: string;
	/** Mist's severity and group of an alarm (from `/const/alarm_defs` when the alarm omits them). */
	severity?: string;
	group?: string;
}

// Alarm definitions (`/const/alarm_defs`) have one home, shared with the Mist Trigger.
export { lacksDefinition, withAlarmDefinitions } from '../../../shared/alarmDefinitions';
export type { AlarmDefinition } from '../../../shared/alarmDefinitions';

/** Mist's own severity and group of the alarm behind a signal, for a finding's evidence. */
export const alarmFacts = (signal: Signal) => ({
	...(signal.severity ? { mistSeverity: signal.severity } : {}),
	...(signal.group ? { mistGroup: signal.group } : {}),
});

const CLOSED = new Set(['resolved', 'validated', 'expired', 'closed']);

/** Open alarms of the given types, one signal per AP/switch/gateway they name (or one per alarm). */
export function alarmSignals(alarms: AlarmInput[] | undefined, types: string[]): Signal[] {
	const signals: Signal[] = [];
	for (const alarm of alarms ?? []) {
		if (!types.includes(alarm.type) || !alarm.site_id) continue;
		if (alarm.status && CLOSED.has(alarm.status)) continue;
		const base: Signal = {
			source: 'alarm',
			type: alarm.type,
			site_id: alarm.site_id,
			count: Math.max(1, alarm.count ?? 1),
			timestamps: [alarm.timestamp, alarm.last_seen].filter(
				(value): value is number => typeof value === 'number',
			),
			id: alarm.id,
			ssid: alarm.ssids?.length === 1 ? alarm.ssids[0] : undefined,
			vlan: alarm.vlans?.length === 1 ? String(alarm.vlans[0]) : undefined,
			severity: alarm.severity ?? undefined,
			group: alarm.group ?? undefined,
		};
		const macs = [...(alarm.aps ?? []), ...(alarm.switches ?? []), ...(alarm.gateways ?? [])].map(
			normalizeMacLoose,
		);
		const ports = alarm.port_ids?.length
			? alarm.port_ids
			: alarm.port_id
				? [alarm.port_id]
				: [undefined];
		if (macs.length === 0) signals.push(base);
		for (const mac of macs)
			for (const port of ports) signals.push({ ...base, mac, ...(port ? { port_id: port } : {}) });
	}
	return signals;
}
