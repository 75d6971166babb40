import type { DeviceStat } from '../../../shared/schemas/mist.schemas';
import type { Finding, StepResult } from '../../../shared/findings/types';
import { normalizeMacLoose } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import type { CommonStepInput } from '../support/common';
import { commonFindings } from '../support/common';
import { HealthTracker } from '../support/health';
import type { ApStat } from '../support/uplink';
import { SwitchIndex } from '../support/uplink';
import type { DeviceEventInput } from '../support/deviceEvents';
import type { AlarmInput } from '../signals/alarms';
import { alarmSignals } from '../signals/alarms';
import type { MarvisActionInput } from '../signals/marvis';
import { marvisSignals } from '../signals/marvis';
import { offlineFindings } from './offline';
import { stabilityFindings } from './stability';
import { loadFindings } from './load';
import { uplinkErrorFindings } from './uplinkPort';

export interface ApHealthInput extends CommonStepInput {
	/** AP stats (`stats/devices?type=ap`); in triage, the APs being checked. */
	aps?: ApStat[];
	/** Switch stats, to find the switch port an AP is cabled to. */
	switches?: DeviceStat[];
	deviceEvents?: DeviceEventInput[];
	alarms?: AlarmInput[];
	marvisActions?: MarvisActionInput[];
}

/**
 * AP health step: offline APs (one site finding when all are down), repeated reboots/disconnects,
 * load and CPU, and errors on the switch port an AP hangs on.
 */
export function diagnoseApHealth(
	input: ApHealthInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('ap_health', context);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	const aps = new Map<string, ApStat>();
	for (const ap of input.aps ?? []) {
		if (!ap.site_id) continue;
		const mac = normalizeMacLoose(ap.mac);
		aps.set(mac, ap);
		health.check('ap', mac, ap.site_id, ap.name);
	}
	const offlineSignals = [
		...alarmSignals(input.alarms, ['ap_offline', 'device_down']),
		...marvisSignals(input.marvisActions, ['ap_disconnect']),
	];
	const restartAlarms = alarmSignals(input.alarms, ['device_restarted']);
	const switches = new SwitchIndex(input.switches);
	const connected: ApStat[] = [];
	for (const ap of aps.values()) if (!ap.status || ap.status === 'connected') connected.push(ap);
	// A loop rather than flatMap: most APs have no load finding, and flatMap copies every empty list.
	const loaded: Finding[] = [];
	for (const ap of connected)
		loaded.push(...loadFindings(ap, ap.site_id as string, thresholds, context));
	const findings: Finding[] = [
		...offlineFindings(aps, offlineSignals, switches, thresholds, context, health),
		...stabilityFindings(
			input.deviceEvents ?? [],
			restartAlarms,
			aps,
			switches,
			thresholds,
			context,
		),
		...loaded,
		...uplinkErrorFindings(connected, switches, thresholds, context),
		...commonFindings('ap_health', input, thresholds, context),
	];
	return health.result(findings);
}
