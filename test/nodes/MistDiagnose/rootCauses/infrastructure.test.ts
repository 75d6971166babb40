import { INFRASTRUCTURE_CAUSES } from '../../../../nodes/MistDiagnose/rootCauses/infrastructure.causes';
import { explainFindings } from '../../../../nodes/MistDiagnose/rootCauses/explain';
import type { RootCauseContext } from '../../../../nodes/MistDiagnose/rootCauses/types';
import {
	diagnoseApHealth,
	diagnoseAssociation,
	diagnoseInfrastructure,
} from '../../../../nodes/MistDiagnose/rules';
import type { Finding } from '../../../../nodes/shared/findings/types';
import {
	apMac,
	apStat,
	clientEvent,
	clientMac,
	context as ruleContext,
	NOW,
	ORG,
	SITE,
	switchStat,
	thresholds,
} from '../rules/fixtures';

const context: RootCauseContext = {
	org_id: ORG,
	now: NOW,
	siteNames: { [SITE]: 'Phoenix' },
	deviceNames: {},
	thresholds: thresholds(),
};
const explain = (findings: Finding[]) => explainFindings(findings, context, INFRASTRUCTURE_CAUSES);
const SWITCH_ID = '00000000-0000-0000-1000-60c78d939c0f';

function switchWith(port: Record<string, unknown>, poeDraw = 58) {
	return {
		...switchStat,
		ports: [{ port_id: 'ge-0/0/4', up: true, rx_pkts: 48_000_000, rx_errors: 0, ...port }],
		module_stat: [{ poe: { max_power: 370, power_draw: poeDraw } }],
	};
}

const apEvents = (type: string, count = 3) =>
	Array.from({ length: count }, (_, index) => ({
		type,
		mac: '5c5b35d0077b',
		site_id: SITE,
		timestamp: NOW - 1800 + index * 600,
	}));

/** The AP health findings of the fixture AP (on ge-0/0/4) given the switch's view of its port. */
const apFindings = (
	port: Record<string, unknown>,
	events: ReturnType<typeof apEvents>,
	poe?: number,
) =>
	diagnoseApHealth(
		{ aps: [apStat()], switches: [switchWith(port, poe)], deviceEvents: events },
		thresholds(),
		ruleContext,
	).findings;

/** The infrastructure step's flap finding for ge-0/0/4 (three SW_PORT_DOWN events). */
const portFlapFinding = () =>
	diagnoseInfrastructure(
		{
			deviceEvents: [0, 1, 2].map((index) => ({
				type: 'SW_PORT_DOWN',
				mac: '60c78d939c0f',
				port_id: 'ge-0/0/4',
				site_id: SITE,
				timestamp: NOW - 1800 + index * 600,
			})),
		},
		thresholds(),
		ruleContext,
	).findings;

const summary = (explained: ReturnType<typeof explain>) =>
	explained.rootCauses.map((cause) => `${cause.rule}@${cause.scope.level}`).sort();

describe('infrastructure root causes: the switch port of an AP', () => {
	const flapping = [...apEvents('AP_DISCONNECTED'), ...apEvents('AP_RESTARTED')];

	it('an AP that drops and reboots on a port that just flapped → the port flaps, the AP findings are its symptoms', () => {
		const explained = explain(apFindings({ last_flapped: NOW - 300 }, flapping));
		expect(summary(explained)).toEqual(['switch_port_flap@switch_port']);
		const [cause] = explained.rootCauses;
		expect(cause).toMatchObject({
			severity: 'major',
			scope: { switch_mac: '60c78d939c0f', switch_name: 'Phoenix-Switch', port_id: 'ge-0/0/4' },
			remediation: {
				operation: 'cableTest',
				parameters: { device_id: SWITCH_ID, port: 'ge-0/0/4' },
			},
			followUp: [{ operation: 'bouncePort', parameters: { ports: ['ge-0/0/4'] } }],
		});
		expect(explained.symptoms.map((symptom) => symptom.rule).sort()).toEqual([
			'ap_repeated_reboots',
			'ap_unstable_uplink',
		]);
	});

	it("with the infrastructure step's flap finding for the port: one cause takes it over (no second root cause)", () => {
		const explained = explain([...apFindings({}, flapping), ...portFlapFinding()]);
		expect(summary(explained)).toEqual(['switch_port_flap@switch_port']);
		expect(explained.rootCauses[0].explains).toHaveLength(2);
	});

	it('a port that last flapped more than an hour ago does not explain the AP: its findings stay its own', () => {
		const explained = explain(apFindings({ last_flapped: NOW - 3601 }, flapping));
		expect(summary(explained)).toEqual(['ap_repeated_reboots@ap', 'ap_unstable_uplink@ap']);
	});

	it('reboots while the switch has spent its PoE budget → PoE on the port, a manual PoE check', () => {
		const explained = explain([
			...apFindings({ last_flapped: NOW - 300 }, apEvents('AP_RESTARTED'), 352),
			...portFlapFinding(),
		]);
		expect(summary(explained)).toEqual(['switch_port_poe@switch_port']);
		expect(explained.rootCauses[0].remediation).toMatchObject({ kind: 'manual' });
		expect(explained.rootCauses[0].remediation.description).toMatch(
			/PoE budget of switch Phoenix-Switch/,
		);
		expect(explained.rootCauses[0].summary).toContain('352 of 370 W');
	});

	it.each([
		[
			'PoE budget at 94 %: not PoE; reboots alone on a flapped port stay the AP’s (its own reboot flaps the link)',
			348,
			{},
			'ap_repeated_reboots@ap',
		],
		['the port reports its PoE off', 58, { poe_on: false }, 'switch_port_poe@switch_port'],
	])('%s', (_label, draw, port, rule) => {
		const explained = explain(
			apFindings({ last_flapped: NOW - 300, ...port }, apEvents('AP_RESTARTED'), draw),
		);
		expect(summary(explained)).toEqual([rule]);
	});

	it('reboots on a healthy port (watchdog, no flap, PoE to spare) stay an AP problem', () => {
		const explained = explain(apFindings({}, apEvents('AP_RESTARTED')));
		expect(summary(explained)).toEqual(['ap_repeated_reboots@ap']);
	});

	it('errors on the port → a bad cable, explaining the AP disconnects on it too', () => {
		const explained = explain(apFindings({ rx_errors: 52_000 }, apEvents('AP_DISCONNECTED')));
		expect(summary(explained)).toEqual(['switch_port_bad_cable@switch_port']);
		expect(explained.rootCauses[0]).toMatchObject({
			remediation: { operation: 'cableTest', parameters: { port: 'ge-0/0/4' } },
			likelyCause: expect.stringMatching(/cable/),
		});
		expect(explained.symptoms.map((symptom) => symptom.rule).sort()).toEqual([
			'ap_unstable_uplink',
			'ap_uplink_port_errors',
		]);
	});
});

describe('infrastructure root causes: fast roaming on an SSID', () => {
	const roam = (client: number, ap: number, ssid = 'Corp') => [
		clientEvent('MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND', clientMac(client), { ap: apMac(ap), ssid }),
		clientEvent('MARVIS_EVENT_CLIENT_FBT_FAILURE', clientMac(client), { ap: apMac(ap), ssid }),
	];
	const explainEvents = (events: ReturnType<typeof roam>) =>
		explain(diagnoseAssociation({ events }, thresholds(), ruleContext).findings);

	it('3 clients of one SSID failing fast roaming on 3 APs → the SSID, major, check its FT/PMK settings', () => {
		const explained = explainEvents([...roam(1, 1), ...roam(2, 2), ...roam(3, 3)]);
		expect(summary(explained)).toEqual(['fast_roaming_failures_ssid@ssid']);
		expect(explained.rootCauses[0]).toMatchObject({
			severity: 'major',
			scope: { ssid: 'Corp' },
			remediation: {
				kind: 'manual',
				description: expect.stringMatching(/802\.11r \(FT\) and PMK/),
			},
		});
		expect(explained.symptoms.map((symptom) => symptom.scope.client_mac)).toHaveLength(3);
	});

	it.each([
		['2 clients: below the minimum', [...roam(1, 1), ...roam(2, 2)]],
		[
			'3 clients on one AP only (not concentrated enough for an AP finding): not the SSID',
			[
				...roam(1, 1),
				...roam(2, 1),
				...roam(3, 1),
				...[10, 11, 12, 13].map((index) =>
					clientEvent('CLIENT_ASSOCIATION_FAILURE', clientMac(index), { ap: apMac(index) }),
				),
			],
		],
		['3 clients split over two SSIDs', [...roam(1, 1), ...roam(2, 2), ...roam(3, 3, 'Guest')]],
		[
			'a client that also fails plain association is not a roaming case',
			[
				...roam(1, 1),
				...roam(2, 2),
				...roam(3, 3),
				clientEvent('CLIENT_ASSOCIATION_FAILURE', clientMac(3), { ap: apMac(3) }),
			],
		],
	])('%s', (_label, events) => {
		const rules = summary(explainEvents(events));
		expect(rules).not.toContain('fast_roaming_failures_ssid@ssid');
		expect(rules.length).toBeGreaterThan(0);
	});
});
