import type { ActionRemediation, ManualRemediation } from './types';
import type {
	Band,
	RemediationOperation,
	RemediationParameters,
	SyntheticTestType,
} from './operations';
import { deviceIdFromMac } from '../params/identifiers';

export type { Band } from './operations';
export { deviceIdFromMac } from '../params/identifiers';

function action<Op extends RemediationOperation>(
	operation: Op,
	parameters: RemediationParameters[Op],
	description: string,
): ActionRemediation {
	return { kind: 'action', operation, parameters, description };
}

export function manual(description: string): ManualRemediation {
	return { kind: 'manual', description };
}

/** Builders for the recommendations of every operation, typed by the parameters in operations.ts. */
export const remediate = {
	reconnectClient: (siteId: string, clientMac: string, description: string) =>
		action('reconnectClient', { site_id: siteId, client_mac: clientMac }, description),
	reauthenticateClient: (
		scope: { site_id?: string; org_id?: string },
		clientMac: string,
		description: string,
	) => action('reauthenticateClient', { ...scope, client_mac: clientMac }, description),
	unauthorizeGuest: (siteId: string, clientMac: string, description: string) =>
		action('unauthorizeGuest', { site_id: siteId, client_mac: clientMac }, description),
	restartDevice: (siteId: string, deviceMac: string, description: string) =>
		action(
			'restartDevice',
			{ site_id: siteId, device_id: deviceIdFromMac(deviceMac) },
			description,
		),
	bouncePort: (siteId: string, switchMac: string, ports: string[], description: string) =>
		action(
			'bouncePort',
			{ site_id: siteId, device_id: deviceIdFromMac(switchMac), ports },
			description,
		),
	rrmOptimize: (siteId: string, bands: Band[], txpowerOnly: boolean, description: string) =>
		action('rrmOptimize', { site_id: siteId, bands, txpower_only: txpowerOnly }, description),
	resetRadios: (siteId: string, bands: Band[], description: string) =>
		action('resetRadios', { site_id: siteId, bands }, description),
	setRadio: (
		siteId: string,
		apMac: string,
		settings: { band: Band; channel?: number; power?: number; bandwidth?: number },
		description: string,
	) =>
		action(
			'setRadio',
			{ site_id: siteId, device_id: deviceIdFromMac(apMac), ...settings },
			description,
		),
	ping: (siteId: string, deviceMac: string, host: string, description: string) =>
		action('ping', { site_id: siteId, device_id: deviceIdFromMac(deviceMac), host }, description),
	traceroute: (siteId: string, deviceMac: string, host: string, description: string) =>
		action(
			'traceroute',
			{ site_id: siteId, device_id: deviceIdFromMac(deviceMac), host },
			description,
		),
	arp: (siteId: string, deviceMac: string, description: string) =>
		action('arp', { site_id: siteId, device_id: deviceIdFromMac(deviceMac) }, description),
	syntheticTest: (
		siteId: string,
		deviceMac: string,
		type: SyntheticTestType,
		description: string,
		vlanId?: string,
	) =>
		action(
			'syntheticTest',
			{
				site_id: siteId,
				device_id: deviceIdFromMac(deviceMac),
				type,
				...(vlanId ? { vlan_id: vlanId } : {}),
			},
			description,
		),
	cableTest: (siteId: string, switchMac: string, port: string, description: string) =>
		action(
			'cableTest',
			{ site_id: siteId, device_id: deviceIdFromMac(switchMac), port },
			description,
		),
	iseLookup: (clientMac: string, description: string) =>
		action('iseLookup', { client_mac: clientMac }, description),
};
