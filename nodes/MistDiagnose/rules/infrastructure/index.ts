import type { ClientSession } from '../../../shared/schemas/mist.schemas';
import type { Finding, StepResult } from '../../../shared/findings/types';
import type { DiagnosisContext } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import type { EventCatalogueEntry } from '../support/eventClassifier';
import { createEventClassifier } from '../support/eventClassifier';
import type { ClientEventInput, EventDefaults } from '../support/failures';
import { toFailures } from '../support/failures';
import type { CommonStepInput } from '../support/common';
import { commonFindings } from '../support/common';
import { HealthTracker } from '../support/health';
import type { ClientRecord } from '../support/directory';
import { clientDirectory, vlanLookup } from '../support/directory';
import type { DeviceEventInput } from '../support/deviceEvents';
import type { AlarmInput } from '../signals/alarms';
import { alarmSignals } from '../signals/alarms';
import type { MarvisActionInput } from '../signals/marvis';
import { marvisSignals } from '../signals/marvis';
import { reachabilityFindings, reachabilitySignalFindings } from './reachability';
import { PORT_SIGNAL_TYPES, switchPortFindings } from './switchPorts';
import { connectivityDropFindings, deviceUpdownFindings } from './connectivity';
import type { ClientLatencyInput, MetricSeriesInput } from './latency';
import { latencyFindings, latencySpikeFindings } from './latency';

export type { ClientLatencyInput, MetricSeriesInput } from './latency';

export interface InfrastructureInput extends CommonStepInput {
	/** Client events: DNS and gateway-ARP failures are read from them. */
	events?: ClientEventInput[];
	catalogue?: EventCatalogueEntry[];
	defaults?: EventDefaults;
	clients?: ClientRecord[];
	sessions?: ClientSession[];
	/** Device events / device-updowns: SW_PORT_DOWN/UP, SW_/GW_DISCONNECTED… */
	deviceEvents?: DeviceEventInput[];
	latency?: ClientLatencyInput[];
	/** `{site_id}:{dhcp|auth|dns}` → past client-latency averages. */
	latencyHistory?: Record<string, number[]>;
	/** Latency insight metric series (last value judged against the earlier ones). */
	latencySeries?: MetricSeriesInput[];
	alarms?: AlarmInput[];
	marvisActions?: MarvisActionInput[];
}

const PORT_TYPES = Object.keys(PORT_SIGNAL_TYPES);

/**
 * Infrastructure step: gateway/ARP/DNS reachability, connectivity drops, switch/gateway up-downs,
 * latency against limits and baselines, and switch port problems (flap, bad cable, missing VLAN).
 */
export function diagnoseInfrastructure(
	input: InfrastructureInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('infrastructure', context);
	const directory = clientDirectory(input.clients);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	directory.forEachClient(input.defaults?.site_id, (mac, siteId, hostname) => {
		// A directory's MACs are distinct.
		if (siteId) health.checkDistinct('client', mac, siteId, hostname);
	});
	const failures = toFailures(
		input.events ?? [],
		createEventClassifier(input.catalogue),
		['dns_failure', 'arp_failure'],
		{
			...input.defaults,
			vlanOf: vlanLookup(directory, input.defaults?.vlanByMac),
		},
	);
	const deviceEvents = input.deviceEvents ?? [];
	const findings: Finding[] = [
		...reachabilityFindings(failures, thresholds, context, health),
		...reachabilitySignalFindings(
			[
				...alarmSignals(input.alarms, ['arp_failure', 'dns_failure']),
				...marvisSignals(input.marvisActions, ['arp_failure', 'dns_failure']),
			],
			context,
		),
		...connectivityDropFindings(
			input.sessions ?? [],
			input.defaults?.site_id,
			thresholds,
			context,
			health,
		),
		...deviceUpdownFindings(
			deviceEvents,
			alarmSignals(input.alarms, ['switch_down', 'gateway_down']),
			thresholds,
			context,
		),
		...latencyFindings(input.latency ?? [], input.latencyHistory, thresholds, context),
		...latencySpikeFindings(input.latencySeries ?? [], thresholds, context),
		...switchPortFindings(
			deviceEvents,
			[
				...alarmSignals(input.alarms, PORT_TYPES),
				...marvisSignals(input.marvisActions, PORT_TYPES),
			],
			thresholds,
			context,
		),
		...commonFindings('infrastructure', input, thresholds, context),
	];
	return health.result(findings);
}
