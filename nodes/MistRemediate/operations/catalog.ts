import { BAND_LABEL, bandsPhrase } from '../../shared/findings/bands';
import type { ParameterReader } from './fields';
import type { ActionOperation, ActionPlan } from './types';

const SYNTHETIC_TYPES = ['arp', 'curl', 'dhcp', 'dns', 'radius'] as const;
/** Mist refuses to bounce these interface families. */
const UNBOUNCEABLE = /^(vme|ae|irb)/;

type Planner = (params: ParameterReader) => ActionPlan;

const base = (operation: ActionOperation, siteId: string) => ({
	operation,
	siteId,
	deviceIds: [] as string[],
	clientMacs: [] as string[],
	restartsDevices: [] as string[],
	disruptive: true,
	result: 'ok' as const,
});

/** `client_mac` or `client_macs` (a list); at least one. */
function clientMacs(params: ParameterReader): string[] {
	const macs = params.has('client_macs') ? params.macList('client_macs') : [params.mac('client_mac')];
	return [...new Set(macs)];
}

function deviceIds(params: ParameterReader): string[] {
	const ids = params.has('device_ids') ? params.uuidList('device_ids') : [params.uuid('device_id')];
	return [...new Set(ids)];
}

function deviceUtility(
	operation: ActionOperation,
	util: string,
	params: ParameterReader,
	body: Record<string, unknown> | undefined,
	options: { disruptive?: boolean; result?: ActionPlan['result']; target?: string; summary: string },
): ActionPlan {
	const siteId = params.uuid('site_id');
	const deviceId = params.uuid('device_id');
	return {
		...base(operation, siteId),
		summary: options.summary.replace('{device}', deviceId),
		method: 'POST',
		path: `/sites/${siteId}/devices/${deviceId}/${util}`,
		...(body ? { body } : {}),
		deviceIds: [deviceId],
		targets: [`${operation}:device:${deviceId}${options.target ? `:${options.target}` : ''}`],
		disruptive: options.disruptive ?? false,
		result: options.result ?? 'session',
	};
}

export const PLANNERS: Record<ActionOperation, Planner> = {
	reconnectClient: (params) => {
		const siteId = params.uuid('site_id');
		const macs = clientMacs(params);
		const single = macs.length === 1;
		return {
			...base('reconnectClient', siteId),
			summary: single ? `Disconnect client ${macs[0]} so that it re-associates` : `Disconnect ${macs.length} clients so that they re-associate`,
			method: 'POST',
			path: single ? `/sites/${siteId}/clients/${macs[0]}/disconnect` : `/sites/${siteId}/clients/disconnect`,
			// The bulk endpoint takes a bare JSON array of MACs.
			...(single ? {} : { body: macs }),
			clientMacs: macs,
			targets: macs.map((mac) => `reconnectClient:client:${mac}`),
			verify: 'client',
		};
	},
	reauthenticateClient: (params) => {
		const mac = params.mac('client_mac');
		const bySite = params.has('site_id') || !params.has('org_id');
		const siteId = bySite ? params.uuid('site_id') : undefined;
		const orgId = bySite ? undefined : params.uuid('org_id');
		return {
			...base('reauthenticateClient', siteId ?? ''),
			siteId,
			orgId,
			summary: `Send an 802.1X CoA to client ${mac} so that it re-authenticates`,
			method: 'POST',
			path: siteId ? `/sites/${siteId}/clients/${mac}/coa` : `/orgs/${orgId}/clients/${mac}/coa`,
			clientMacs: [mac],
			targets: [`reauthenticateClient:client:${mac}`],
			verify: 'client',
		};
	},
	unauthorizeGuest: (params) => {
		const siteId = params.uuid('site_id');
		const macs = clientMacs(params);
		const single = macs.length === 1;
		return {
			...base('unauthorizeGuest', siteId),
			summary: single ? `Unauthorize guest ${macs[0]} (splash page again)` : `Unauthorize ${macs.length} guests (splash page again)`,
			method: 'POST',
			path: single ? `/sites/${siteId}/clients/${macs[0]}/unauthorize` : `/sites/${siteId}/clients/unauthorize`,
			...(single ? {} : { body: { macs } }),
			clientMacs: macs,
			targets: macs.map((mac) => `unauthorizeGuest:client:${mac}`),
		};
	},
	restartDevice: (params) => {
		const siteId = params.uuid('site_id');
		const ids = deviceIds(params);
		const single = ids.length === 1;
		return {
			...base('restartDevice', siteId),
			summary: single ? `Restart device ${ids[0]}` : `Restart ${ids.length} devices`,
			method: 'POST',
			path: single ? `/sites/${siteId}/devices/${ids[0]}/restart` : `/sites/${siteId}/devices/restart`,
			...(single ? {} : { body: { device_ids: ids } }),
			deviceIds: ids,
			restartsDevices: ids,
			targets: ids.map((id) => `restartDevice:device:${id}`),
			verify: 'device',
		};
	},
	bouncePort: (params) => {
		const ports = [...new Set(params.portList('ports'))];
		const refused = ports.find((port) => UNBOUNCEABLE.test(port));
		if (refused) params.fail('ports', `"${refused}" cannot be bounced (vme, ae and irb interfaces are refused by Mist)`);
		const plan = deviceUtility('bouncePort', 'bounce_port', params, { ports }, { disruptive: true, result: 'ok', summary: `Bounce ports ${ports.join(', ')} of switch {device}` });
		return { ...plan, targets: ports.map((port) => `bouncePort:device:${plan.deviceIds[0]}:${port}`) };
	},
	rrmOptimize: (params) => {
		const siteId = params.uuid('site_id');
		const bands = params.bands('bands', ['24', '5']);
		// Power-only by default: a channel change makes every client on the radio reconnect.
		const txpowerOnly = params.boolean('txpower_only', true);
		const macs = params.has('macs') ? params.macList('macs') : [];
		return {
			...base('rrmOptimize', siteId),
			summary: `Run RRM ${txpowerOnly ? 'TX power' : 'channel and power'} optimization on ${bandsPhrase(bands)}${macs.length ? ` for ${macs.length} APs` : ''}`,
			method: 'POST',
			path: `/sites/${siteId}/rrm/optimize`,
			body: { bands, ...(macs.length ? { macs } : {}), txpower_only: txpowerOnly },
			targets: [`rrmOptimize:site:${siteId}`],
		};
	},
	resetRadios: (params) => {
		const siteId = params.uuid('site_id');
		const bands = params.bands('bands', ['24', '5', '6']);
		const force = params.boolean('force', false);
		return {
			...base('resetRadios', siteId),
			summary: `Hand the radio settings of the site's APs back to RRM on ${bandsPhrase(bands)}${force ? ' (forced)' : ''}`,
			method: 'POST',
			path: `/sites/${siteId}/devices/reset_radio_config`,
			body: { bands, force },
			targets: [`resetRadios:site:${siteId}`],
		};
	},
	setRadio: (params) => {
		const siteId = params.uuid('site_id');
		const deviceId = params.uuid('device_id');
		const band = params.band('band');
		const channel = params.integer('channel', 1, 233);
		const power = params.integer('power', 1, 30);
		const bandwidthText = params.has('bandwidth') ? params.oneOf('bandwidth', ['20', '40', '80', '160'] as const) : undefined;
		if (channel === undefined && power === undefined && bandwidthText === undefined) {
			params.fail('channel', 'channel, power and bandwidth are all empty; give at least one');
		}
		const change = { band, channel, power, bandwidth: bandwidthText === undefined ? undefined : Number(bandwidthText) };
		const parts = [channel !== undefined && `channel ${channel}`, power !== undefined && `power ${power} dBm`, change.bandwidth !== undefined && `${change.bandwidth} MHz`].filter(Boolean);
		return {
			...base('setRadio', siteId),
			summary: `Set the ${BAND_LABEL[band]} radio of AP ${deviceId} to ${parts.join(', ')}`,
			method: 'PUT',
			path: `/sites/${siteId}/devices/${deviceId}`,
			deviceIds: [deviceId],
			targets: [`setRadio:device:${deviceId}:band_${band}`],
			radioChange: change,
		};
	},
	ping: (params) => {
		const host = params.host('host');
		const count = params.integer('count', 1, 100);
		return deviceUtility('ping', 'ping', params, { host, ...(count !== undefined ? { count } : {}) }, { summary: `Ping ${host} from device {device}` });
	},
	traceroute: (params) => {
		const host = params.host('host');
		return deviceUtility('traceroute', 'traceroute', params, { host }, { summary: `Traceroute to ${host} from device {device}` });
	},
	arp: (params) => deviceUtility('arp', 'arp', params, undefined, { summary: 'Show the ARP table of device {device}' }),
	cableTest: (params) => {
		const port = params.port('port');
		// A TDR test interrupts the link on that port for a moment, so it is treated as a change.
		return deviceUtility('cableTest', 'cable_test', params, { port }, { disruptive: true, target: port, summary: `Cable test (TDR) on port ${port} of switch {device}` });
	},
	syntheticTest: (params) => {
		const type = params.oneOf('type', SYNTHETIC_TYPES);
		const body: Record<string, unknown> = { type };
		const vlan = params.integer('vlan_id', 1, 4094);
		if (vlan !== undefined) body.vlan_id = vlan;
		if (type === 'dns') body.hostname = params.host('hostname');
		if (type === 'arp' && params.has('ip')) body.ip = params.host('ip');
		if (type === 'curl') body.url = url(params, 'url');
		if (type === 'radius') {
			body.username = params.text('username') ?? params.fail('username', 'it is empty; a RADIUS test needs a user name');
			body.password = params.text('password') ?? params.fail('password', 'it is empty; a RADIUS test needs a password');
		}
		return deviceUtility('syntheticTest', 'synthetic_test', params, body, { result: 'syntheticTest', summary: `Synthetic ${type} test from device {device}` });
	},
};

function url(params: ParameterReader, key: string): string {
	const text = params.text(key, 2048) ?? params.fail(key, 'it is empty');
	if (/^https?:\/\/[^\s/]+/i.test(text)) return text;
	return params.fail(key, `"${text.slice(0, 60)}" is not an http(s) URL`);
}

export function planAction(operation: ActionOperation, params: ParameterReader): ActionPlan {
	return PLANNERS[operation](params);
}
