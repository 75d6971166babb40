import type { Finding } from '../../shared/findings/types';
import { deviceIdFromMac } from '../../shared/params/identifiers';
import type { ActionPlan } from '../actions/types';
import type { ApFacts } from './siteDirectory';

export interface KnownNames {
	/** Device id → name. */
	devices: Record<string, string>;
	/** Client MAC → host name. */
	clients: Record<string, string>;
}

/**
 * Names already at hand, without a read per device: the finding's AP, switch and client, and the
 * site's APs when they were read for the restart guardrail.
 */
export function knownNames(finding: Finding | undefined, aps?: Map<string, ApFacts>): KnownNames {
	const scope = finding?.scope;
	const devices: Record<string, string> = {};
	const clients: Record<string, string> = {};
	if (scope?.ap_mac && scope.ap_name) devices[deviceIdFromMac(scope.ap_mac)] = scope.ap_name;
	if (scope?.switch_mac && scope.switch_name) {
		devices[deviceIdFromMac(scope.switch_mac)] = scope.switch_name;
	}
	if (scope?.client_mac && scope.client_hostname) clients[scope.client_mac] = scope.client_hostname;
	for (const ap of aps?.values() ?? []) if (ap.name) devices[ap.id] = ap.name;
	return { devices, clients };
}

/** "Restart device 00000000-…-5c5b350e0001" → "Restart device AP-01": the plan's summary with the names known. */
export function namedSummary(plan: ActionPlan, deviceNames: Record<string, string>): string {
	return plan.deviceIds.reduce(
		(summary, id) => (deviceNames[id] ? summary.split(id).join(deviceNames[id]) : summary),
		plan.summary,
	);
}

/** `restartDevice:device:<id>` → `device "Lobby-01"`, for cooldown reasons people can read. */
export function targetLabels(
	plan: ActionPlan,
	deviceNames: Record<string, string>,
): Record<string, string> {
	return Object.fromEntries(
		plan.targets.map((key) => {
			const [, kind, id, ...rest] = key.split(':');
			const name = kind === 'device' && deviceNames[id] ? `"${deviceNames[id]}"` : id;
			const suffix = rest.length ? ` ${rest.join(' ')}` : '';
			return [key, kind === 'site' ? 'site' : `${kind} ${name}${suffix}`];
		}),
	);
}
