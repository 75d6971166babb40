import { planAction } from '../../../nodes/MistRemediate/actions';
import { InvalidParameter, ParameterReader } from '../../../nodes/MistRemediate/actions/parameters';
import type { ActionOperation } from '../../../nodes/MistRemediate/actions/types';

const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
const ORG = '6748cfa6-4e12-11e6-9188-0242ac110007';
const DEV = '00000000-0000-0000-1000-5c5b350e0001';
const DEV2 = '00000000-0000-0000-1000-5c5b350e0002';

const plan = (operation: ActionOperation, raw: Record<string, unknown>) =>
	planAction(operation, new ParameterReader(raw, (key) => `remediation.parameters.${key}`));

describe('remediation plans (method, path, body)', () => {
	it.each([
		[
			'reconnectClient',
			{ site_id: SITE, client_mac: 'AC:3C:0B:00:00:01' },
			'POST',
			`/sites/${SITE}/clients/ac3c0b000001/disconnect`,
			undefined,
		],
		[
			'reconnectClient',
			{ site_id: SITE, client_macs: ['ac3c0b000001', 'ac-3c-0b-00-00-02'] },
			'POST',
			`/sites/${SITE}/clients/disconnect`,
			['ac3c0b000001', 'ac3c0b000002'],
		],
		[
			'reauthenticateClient',
			{ site_id: SITE, client_mac: 'ac3c0b000001' },
			'POST',
			`/sites/${SITE}/clients/ac3c0b000001/coa`,
			undefined,
		],
		[
			'reauthenticateClient',
			{ org_id: ORG, client_mac: 'ac3c0b000001' },
			'POST',
			`/orgs/${ORG}/clients/ac3c0b000001/coa`,
			undefined,
		],
		[
			'unauthorizeGuest',
			{ site_id: SITE, client_mac: 'ac3c0b000001' },
			'POST',
			`/sites/${SITE}/clients/ac3c0b000001/unauthorize`,
			undefined,
		],
		[
			'unauthorizeGuest',
			{ site_id: SITE, client_macs: 'ac3c0b000001, ac3c0b000002' },
			'POST',
			`/sites/${SITE}/clients/unauthorize`,
			{ macs: ['ac3c0b000001', 'ac3c0b000002'] },
		],
		[
			'restartDevice',
			{ site_id: SITE, device_id: DEV },
			'POST',
			`/sites/${SITE}/devices/${DEV}/restart`,
			undefined,
		],
		[
			'restartDevice',
			{ site_id: SITE, device_ids: [DEV, DEV2, DEV] },
			'POST',
			`/sites/${SITE}/devices/restart`,
			{ device_ids: [DEV, DEV2] },
		],
		[
			'bouncePort',
			{ site_id: SITE, device_id: DEV, ports: ['ge-0/0/1', 'GE-0/0/2'] },
			'POST',
			`/sites/${SITE}/devices/${DEV}/bounce_port`,
			{ ports: ['ge-0/0/1', 'ge-0/0/2'] },
		],
		[
			'rrmOptimize',
			{ site_id: SITE, bands: ['24', '5'] },
			'POST',
			`/sites/${SITE}/rrm/optimize`,
			{ bands: ['24', '5'], txpower_only: true },
		],
		[
			'rrmOptimize',
			{ site_id: SITE, bands: ['5'], txpower_only: false, macs: ['5c5b350e0001'] },
			'POST',
			`/sites/${SITE}/rrm/optimize`,
			{ bands: ['5'], macs: ['5c5b350e0001'], txpower_only: false },
		],
		[
			'resetRadios',
			{ site_id: SITE, bands: ['24', '5'] },
			'POST',
			`/sites/${SITE}/devices/reset_radio_config`,
			{ bands: ['24', '5'], force: false },
		],
		[
			'setRadio',
			{ site_id: SITE, device_id: DEV, band: '5', channel: 44 },
			'PUT',
			`/sites/${SITE}/devices/${DEV}`,
			undefined,
		],
		[
			'ping',
			{ site_id: SITE, device_id: DEV, host: '8.8.8.8', count: 3 },
			'POST',
			`/sites/${SITE}/devices/${DEV}/ping`,
			{ host: '8.8.8.8', count: 3 },
		],
		[
			'traceroute',
			{ site_id: SITE, device_id: DEV, host: 'dns.google' },
			'POST',
			`/sites/${SITE}/devices/${DEV}/traceroute`,
			{ host: 'dns.google' },
		],
		[
			'arp',
			{ site_id: SITE, device_id: DEV },
			'POST',
			`/sites/${SITE}/devices/${DEV}/arp`,
			undefined,
		],
		[
			'cableTest',
			{ site_id: SITE, device_id: DEV, port: 'ge-0/0/7' },
			'POST',
			`/sites/${SITE}/devices/${DEV}/cable_test`,
			{ port: 'ge-0/0/7' },
		],
		[
			'syntheticTest',
			{ site_id: SITE, device_id: DEV, type: 'dhcp', vlan_id: '20' },
			'POST',
			`/sites/${SITE}/devices/${DEV}/synthetic_test`,
			{ type: 'dhcp', vlan_id: 20 },
		],
		[
			'syntheticTest',
			{ site_id: SITE, device_id: DEV, type: 'dns', hostname: 'example.com' },
			'POST',
			`/sites/${SITE}/devices/${DEV}/synthetic_test`,
			{ type: 'dns', hostname: 'example.com' },
		],
	] as Array<[ActionOperation, Record<string, unknown>, string, string, unknown]>)(
		'%s %j',
		(operation, raw, method, path, body) => {
			const result = plan(operation, raw);
			expect(result.method).toBe(method);
			expect(result.path).toBe(path);
			expect(result.body).toEqual(body);
		},
	);

	it.each([
		['restartDevice', { site_id: SITE, device_id: DEV }, true, ['restartDevice:device:' + DEV]],
		['ping', { site_id: SITE, device_id: DEV, host: '1.1.1.1' }, false, ['ping:device:' + DEV]],
		[
			'cableTest',
			{ site_id: SITE, device_id: DEV, port: 'ge-0/0/7' },
			true,
			[`cableTest:device:${DEV}:ge-0/0/7`],
		],
		[
			'setRadio',
			{ site_id: SITE, device_id: DEV, band: '2.4', power: 10 },
			true,
			[`setRadio:device:${DEV}:band_24`],
		],
	] as Array<[ActionOperation, Record<string, unknown>, boolean, string[]]>)(
		'%s %j: disruptive %s, cooldown keys',
		(operation, raw, disruptive, targets) => {
			const result = plan(operation, raw);
			expect(result.disruptive).toBe(disruptive);
			expect(result.targets).toEqual(targets);
		},
	);

	it.each([
		[
			'restartDevice',
			{ site_id: 'HQ', device_id: DEV },
			'Invalid remediation.parameters.site_id: "HQ" is not a Mist id (a UUID)',
		],
		['restartDevice', { site_id: SITE }, 'Invalid remediation.parameters.device_id: it is empty'],
		[
			'restartDevice',
			{ site_id: SITE, device_ids: [DEV, '../x'] },
			'Invalid remediation.parameters.device_ids #2: "../x" is not a Mist id (a UUID)',
		],
		[
			'reconnectClient',
			{ site_id: SITE, client_mac: 'zz' },
			'Invalid remediation.parameters.client_mac: "zz" is not a MAC address',
		],
		[
			'reconnectClient',
			{ site_id: SITE, client_macs: ['ac3c0b000001', 'nope'] },
			'Invalid remediation.parameters.client_macs: entry #2 "nope" is not a MAC address',
		],
		[
			'bouncePort',
			{ site_id: SITE, device_id: DEV, ports: ['ae0'] },
			'Invalid remediation.parameters.ports: "ae0" is not a switch port name',
		],
		[
			'bouncePort',
			{ site_id: SITE, device_id: DEV, ports: ['irb-0/0/0'] },
			'Invalid remediation.parameters.ports: "irb-0/0/0" cannot be bounced',
		],
		[
			'rrmOptimize',
			{ site_id: SITE, bands: ['7'] },
			'Invalid remediation.parameters.bands: "7" is not a radio band (24, 5 or 6)',
		],
		[
			'setRadio',
			{ site_id: SITE, device_id: DEV, band: '5' },
			'Invalid remediation.parameters.channel: channel, power and bandwidth are all empty',
		],
		[
			'setRadio',
			{ site_id: SITE, device_id: DEV, band: '5', power: 99 },
			'Invalid remediation.parameters.power: "99" is not a whole number from 1 to 30',
		],
		[
			'ping',
			{ site_id: SITE, device_id: DEV, host: '8.8.8.8; reboot' },
			'Invalid remediation.parameters.host: "8.8.8.8; reboot" is not a host name or IP address',
		],
		[
			'syntheticTest',
			{ site_id: SITE, device_id: DEV, type: 'speedtest' },
			'Invalid remediation.parameters.type: "speedtest" is not one of arp, curl, dhcp, dns, radius',
		],
		[
			'syntheticTest',
			{ site_id: SITE, device_id: DEV, type: 'curl', url: 'ftp://x' },
			'Invalid remediation.parameters.url: "ftp://x" is not an http(s) URL',
		],
		[
			'rrmOptimize',
			{ site_id: SITE, txpower_only: 'yes' },
			'Invalid remediation.parameters.txpower_only: "yes" is not true or false',
		],
	] as Array<[ActionOperation, Record<string, unknown>, string]>)(
		'%s refuses %j',
		(operation, raw, message) => {
			expect(() => plan(operation, raw)).toThrow(InvalidParameter);
			expect(() => plan(operation, raw)).toThrow(message);
		},
	);

	it('defaults RRM to TX power only so clients are not dropped', () => {
		expect(plan('rrmOptimize', { site_id: SITE })).toMatchObject({
			body: { bands: ['24', '5'], txpower_only: true },
		});
	});

	it('keeps the setRadio change for a read-modify-write', () => {
		expect(
			plan('setRadio', {
				site_id: SITE,
				device_id: DEV,
				band: 'band_5',
				channel: '36',
				bandwidth: '40',
			}).radioChange,
		).toEqual({
			band: '5',
			channel: 36,
			power: undefined,
			bandwidth: 40,
		});
	});
});
