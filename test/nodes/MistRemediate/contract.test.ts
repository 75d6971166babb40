import { remediate } from '../../../nodes/shared/findings/remediation';
import type { ActionRemediation } from '../../../nodes/shared/findings/types';
import { isActionOperation, planAction } from '../../../nodes/MistRemediate/actions';
import { ParameterReader } from '../../../nodes/MistRemediate/actions/parameters';
import type { ActionOperation } from '../../../nodes/MistRemediate/actions/types';

const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
const ORG = '6748cfa6-4e12-11e6-9188-0242ac110007';
const AP = '5c5b350e0001';
const SWITCH = 'd420b0f00001';
const CLIENT = 'ac3c0b000001';

/** One recommendation per operation, built the way Mist Diagnose builds them. */
const RECOMMENDATIONS: Record<ActionOperation, ActionRemediation[]> = {
	arp: [remediate.arp(SITE, AP, 'x')],
	bouncePort: [remediate.bouncePort(SITE, SWITCH, ['ge-0/0/4'], 'x')],
	cableTest: [remediate.cableTest(SITE, SWITCH, 'ge-0/0/4', 'x')],
	ping: [remediate.ping(SITE, AP, '8.8.8.8', 'x')],
	reauthenticateClient: [
		remediate.reauthenticateClient({ site_id: SITE }, CLIENT, 'x'),
		remediate.reauthenticateClient({ org_id: ORG }, CLIENT, 'x'),
	],
	reconnectClient: [remediate.reconnectClient(SITE, CLIENT, 'x')],
	resetRadios: [remediate.resetRadios(SITE, ['24', '5'], 'x')],
	restartDevice: [remediate.restartDevice(SITE, AP, 'x')],
	rrmOptimize: [remediate.rrmOptimize(SITE, ['5'], false, 'x')],
	setRadio: [remediate.setRadio(SITE, AP, { band: '5', channel: 36, bandwidth: 40 }, 'x')],
	syntheticTest: [
		remediate.syntheticTest(SITE, AP, 'dhcp', 'x', '10'),
		remediate.syntheticTest(SITE, AP, 'arp', 'x'),
	],
	traceroute: [remediate.traceroute(SITE, AP, 'dns.google', 'x')],
	unauthorizeGuest: [remediate.unauthorizeGuest(SITE, CLIENT, 'x')],
};

describe('Juniper Mist Remediate › the recommendation contract with Mist Diagnose', () => {
	it.each(
		Object.entries(RECOMMENDATIONS).flatMap(([operation, built]) =>
			built.map((b) => [operation, b] as const),
		),
	)('%s: what Diagnose recommends is planned as it is', (operation, recommendation) => {
		expect(recommendation.operation).toBe(operation);
		const op = recommendation.operation;
		if (!isActionOperation(op)) throw new Error(`${op} is not an action`);
		const reader = new ParameterReader(
			recommendation.parameters,
			(key) => `remediation.parameters.${key}`,
		);
		const plan = planAction(op, reader);
		const { site_id, org_id, device_id, client_mac } = recommendation.parameters;
		expect(plan.operation).toBe(operation);
		expect(plan.siteId ?? plan.orgId).toBe(site_id ?? org_id);
		expect(plan.deviceIds).toEqual(device_id ? [device_id] : []);
		expect(plan.clientMacs).toEqual(client_mac ? [client_mac] : []);
	});

	it('leaves the ISE lookup to the Cisco ISE node', () => {
		expect(remediate.iseLookup(CLIENT, 'x').operation).toBe('iseLookup');
		expect(isActionOperation('iseLookup')).toBe(false);
	});
});
