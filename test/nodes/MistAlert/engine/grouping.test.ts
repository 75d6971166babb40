import { entityName } from '../../../../nodes/MistAlert/engine/grouping';
import type { Finding } from '../../../../nodes/shared/findings/types';
import { apFinding, ORG, SITE_A } from '../fixtures';

describe('Mist Alert engine › entity names', () => {
	const scoped = (scope: Partial<Finding['scope']>) =>
		({
			...apFinding('aabbccddee61'),
			scope: { level: 'ap', org_id: ORG, site_id: SITE_A, site_name: 'HQ', ...scope },
		}) as Finding;
	it.each([
		[
			'an offline AP by its name, not its uplink switch',
			{
				level: 'ap',
				ap_mac: 'aabbccddee61',
				ap_name: 'AP-Lobby',
				switch_mac: 'd420b0f00001',
				port_id: 'ge-0/0/4',
			},
			'AP-Lobby',
		],
		[
			'a switch port by switch name and port',
			{
				level: 'switch_port',
				switch_mac: 'd420b0f00001',
				switch_name: 'sw-core-01',
				port_id: 'ge-0/0/4',
			},
			'sw-core-01 ge-0/0/4',
		],
		[
			'a client by host name',
			{
				level: 'client',
				client_mac: '001122000001',
				client_hostname: 'laptop-7',
				ap_name: 'AP-Lobby',
			},
			'laptop-7',
		],
		['an SSID', { level: 'ssid', ssid: 'Corp' }, 'SSID Corp'],
		['a site', { level: 'site' }, 'HQ'],
	] as Array<[string, Partial<Finding['scope']>, string]>)('names %s', (_name, scope, entity) => {
		expect(entityName(scoped(scope))).toBe(entity);
	});
});
