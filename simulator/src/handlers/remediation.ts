import { randomUUID } from 'crypto';
import { ApiError } from '../server/router';
import type { RequestContext, Router } from '../server/router';
import { disconnectClient, optimizeRrm, record, restartAp } from '../state/remediation';
import {
	ok,
	parseJsonObject,
	requireClient,
	requireDevice,
	requireOrg,
	requireSite,
} from './common';

const SESSION_UTILITIES = [
	'ping',
	'traceroute',
	'arp',
	'cable_test',
	'check_radius_server',
	'show_dhcp_leases',
];
const OK_UTILITIES = ['bounce_port', 'release_dhcp_leases'];
const REQUIRED_FIELDS: Record<string, string[]> = {
	ping: ['host'],
	cable_test: ['port'],
	check_radius_server: ['user', 'password'],
	bounce_port: ['ports'],
};
const SYNTHETIC_TYPES = [
	'arp',
	'curl',
	'dhcp',
	'dhcp6',
	'dns',
	'lan_connectivity',
	'radius',
	'speedtest',
];

function stringArray(value: unknown, field: string): string[] {
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
		throw new ApiError(400, `${field} must be an array of strings`);
	return value as string[];
}

export function registerRemediationRoutes(router: Router): void {
	router.post('/sites/:site/devices/restart', (ctx) => {
		const site = requireSite(ctx);
		const ids = stringArray(parseJsonObject(ctx, 'Restart devices').device_ids, 'device_ids');
		const effects = ids.map((id) => {
			const device = requireDevice(ctx, site, id);
			return device.ap ? restartAp(ctx, device.ap) : `${device.sw?.name} restart requested`;
		});
		record(ctx, 'restart_devices', effects.join('; '), { siteId: site.id, target: ids.join(',') });
		return ok();
	});
	router.post('/sites/:site/devices/:device/restart', (ctx) => {
		const site = requireSite(ctx);
		const device = requireDevice(ctx, site);
		const effect = device.ap ? restartAp(ctx, device.ap) : `${device.sw?.name} restart requested`;
		record(ctx, 'restart_device', effect, { siteId: site.id, target: ctx.params.device });
		return ok();
	});

	router.post('/sites/:site/clients/disconnect', (ctx) => {
		const site = requireSite(ctx);
		if (!Array.isArray(ctx.body))
			throw new ApiError(400, 'The body must be a JSON array of client MACs');
		const macs = stringArray(ctx.body, 'body');
		const effects = macs.map((mac) => disconnectClient(ctx, requireClient(ctx, site, mac)));
		record(ctx, 'disconnect_clients', effects.join('; '), {
			siteId: site.id,
			target: macs.join(','),
		});
		return ok();
	});
	router.post('/sites/:site/clients/:mac/disconnect', (ctx) => {
		const site = requireSite(ctx);
		const client = requireClient(ctx, site);
		record(ctx, 'disconnect_client', disconnectClient(ctx, client), {
			siteId: site.id,
			target: client.mac,
		});
		return ok();
	});
	router.post('/sites/:site/clients/unauthorize', (ctx) => {
		const site = requireSite(ctx);
		const macs = stringArray(parseJsonObject(ctx, 'Unauthorize clients').macs, 'macs');
		macs.forEach((mac) => requireClient(ctx, site, mac));
		record(ctx, 'unauthorize_clients', `${macs.length} guests must authorize again`, {
			siteId: site.id,
			target: macs.join(','),
		});
		return ok();
	});
	router.post('/sites/:site/clients/:mac/unauthorize', (ctx) => {
		const site = requireSite(ctx);
		const client = requireClient(ctx, site);
		record(ctx, 'unauthorize_client', `${client.hostname} must authorize again`, {
			siteId: site.id,
			target: client.mac,
		});
		return ok();
	});
	router.post('/sites/:site/clients/:mac/coa', (ctx) => {
		const site = requireSite(ctx);
		const client = requireClient(ctx, site);
		record(ctx, 'coa', `CoA re-authentication sent to ${client.hostname}`, {
			siteId: site.id,
			target: client.mac,
		});
		return ok();
	});
	router.post('/orgs/:org/clients/:mac/coa', (ctx) => {
		requireOrg(ctx);
		const client = requireClient(ctx, undefined);
		record(ctx, 'coa', `CoA re-authentication sent to ${client.hostname}`, {
			siteId: client.siteId,
			target: client.mac,
		});
		return ok();
	});

	router.post('/sites/:site/rrm/optimize', (ctx) => {
		const site = requireSite(ctx);
		const body = parseJsonObject(ctx, 'RRM optimize');
		const bands = stringArray(body.bands, 'bands');
		if (bands.length === 0 || bands.some((b) => !['24', '5', '6'].includes(b)))
			throw new ApiError(400, 'bands must list some of "24", "5", "6"');
		const macs = body.macs === undefined ? undefined : stringArray(body.macs, 'macs');
		const effect = optimizeRrm(
			ctx,
			site,
			bands.filter((b) => b !== '6'),
			macs,
			body.txpower_only === true,
		);
		record(ctx, 'rrm_optimize', effect, { siteId: site.id });
		return ok();
	});
	router.post('/sites/:site/devices/reset_radio_config', (ctx) => {
		const site = requireSite(ctx);
		for (const id of site.apIds) {
			const override = ctx.sim.world.deviceConfigOverrides.get(id);
			if (override) delete override.radio_config;
		}
		record(
			ctx,
			'reset_radio_config',
			`Radio configuration of ${site.apIds.length} APs handed back to RRM`,
			{ siteId: site.id },
		);
		return ok();
	});

	const utility = (name: string) => (ctx: RequestContext) => {
		const site = requireSite(ctx);
		const device = requireDevice(ctx, site);
		const body = parseJsonObject(ctx, name);
		for (const field of REQUIRED_FIELDS[name] ?? []) {
			if (body[field] === undefined || body[field] === '')
				throw new ApiError(400, `${name}: "${field}" is required`);
		}
		if (name === 'cable_test' && !device.sw)
			throw new ApiError(400, 'cable_test is only supported on switches');
		record(ctx, name, `${name} started on ${device.ap?.name ?? device.sw?.name}`, {
			siteId: site.id,
			target: ctx.params.device,
		});
		return SESSION_UTILITIES.includes(name) ? ok({ session: randomUUID() }) : ok();
	};
	for (const name of [...SESSION_UTILITIES, ...OK_UTILITIES])
		router.post(`/sites/:site/devices/:device/${name}`, utility(name));

	router.post('/sites/:site/devices/:device/synthetic_test', (ctx) => {
		const site = requireSite(ctx);
		requireDevice(ctx, site);
		const body = parseJsonObject(ctx, 'synthetic_test');
		if (typeof body.type !== 'string' || !SYNTHETIC_TYPES.includes(body.type))
			throw new ApiError(
				400,
				`synthetic_test: "type" must be one of ${SYNTHETIC_TYPES.join(', ')}`,
			);
		ctx.sim.syntheticTests.set(ctx.params.device, {
			type: body.type,
			at: ctx.now,
			vlan_id: typeof body.vlan_id === 'number' ? body.vlan_id : undefined,
		});
		record(ctx, 'synthetic_test', `synthetic ${body.type} test scheduled`, {
			siteId: site.id,
			target: ctx.params.device,
		});
		return ok();
	});
	router.get('/sites/:site/devices/:device/synthetic_test', (ctx) => {
		const site = requireSite(ctx);
		const device = requireDevice(ctx, site);
		const test = ctx.sim.syntheticTests.get(ctx.params.device);
		if (!test) throw new ApiError(404, 'No synthetic test has run on this device');
		const dhcpBroken = ctx.sim.world.faults.some(
			(f) =>
				f.active &&
				f.siteId === site.id &&
				(f.kind === 'dhcp_unresponsive' || f.kind === 'dhcp_pool_exhausted') &&
				(test.vlan_id === undefined || f.vlan === test.vlan_id),
		);
		const failed = test.type === 'dhcp' && dhcpBroken;
		return ok({
			type: test.type,
			status: 'completed',
			failed,
			...(failed ? { reason: 'DHCP server did not offer an address' } : {}),
			device_type: device.ap ? 'ap' : 'switch',
			mac: device.ap?.mac ?? device.sw?.mac,
			start_time: Math.floor(test.at / 1000),
			timestamp: Math.floor(test.at / 1000) + 5,
			latency: failed ? 0 : 12,
			by: 'api',
			...(test.vlan_id !== undefined ? { vlan_id: test.vlan_id } : {}),
		});
	});
}
