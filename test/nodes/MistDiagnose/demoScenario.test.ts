import type { IDataObject } from 'n8n-workflow';

import { startSimulator } from '../../../simulator/src';
import type { RunningSimulator } from '../../../simulator/src';
import type { FaultKind } from '../../../simulator/src/types';
import { runDiagnose } from './helpers';

/**
 * Every fault of the shipped demo scenario must be found by the right step, with the right rule,
 * severity and scope, and nothing may be reported on the healthy control site.
 */
type Expectation = {
	step: string;
	rule: string;
	severity: string;
	level: string;
	target: (sim: RunningSimulator, fault: Fault) => Partial<Record<string, unknown>>;
	/** The cause the evidence must name, where the fault has a specific one. */
	cause?: string;
};
type Fault = RunningSimulator['world']['faults'][number];

const apName = (sim: RunningSimulator, fault: Fault) => ({
	ap_name: sim.world.aps.get(fault.apIds[0])?.name,
});
const EXPECTED: Partial<Record<FaultKind, Expectation>> = {
	association_failure: {
		step: 'association',
		rule: 'association_failures_ap',
		severity: 'major',
		level: 'ap',
		target: apName,
	},
	radius_reject: {
		step: 'authentication',
		rule: 'auth_failures_ssid',
		severity: 'critical',
		level: 'ssid',
		target: (_s, f) => ({ ssid: f.ssid }),
	},
	expired_certificate: {
		step: 'authentication',
		rule: 'auth_failures_ssid',
		severity: 'major',
		level: 'ssid',
		target: (_s, f) => ({ ssid: f.ssid }),
		cause: 'certificate',
	},
	wrong_psk: {
		step: 'authentication',
		rule: 'client_auth_failure',
		severity: 'minor',
		level: 'client',
		target: (_s, f) => ({ client_mac: f.clientMacs[0] }),
		cause: 'psk',
	},
	dhcp_unresponsive: {
		step: 'dhcp',
		rule: 'dhcp_server_unresponsive',
		severity: 'major',
		level: 'vlan',
		target: (_s, f) => ({ vlan: String(f.vlan) }),
	},
	dhcp_nak: {
		step: 'dhcp',
		rule: 'client_dhcp_failure',
		severity: 'minor',
		level: 'client',
		target: (_s, f) => ({ client_mac: f.clientMacs[0] }),
	},
	dhcp_pool_exhausted: {
		step: 'dhcp',
		rule: 'dhcp_pool_exhausted',
		severity: 'critical',
		level: 'vlan',
		target: () => ({}),
	},
	switch_port_flap: {
		step: 'infrastructure',
		rule: 'switch_port_flap',
		severity: 'major',
		level: 'switch_port',
		target: (_s, f) => ({ port_id: f.portId }),
	},
	ap_offline: {
		step: 'ap_health',
		rule: 'ap_offline',
		severity: 'critical',
		level: 'ap',
		target: apName,
	},
	ap_rebooting: {
		step: 'ap_health',
		rule: 'ap_repeated_reboots',
		severity: 'major',
		level: 'ap',
		target: apName,
	},
	overloaded_ap: {
		step: 'ap_health',
		rule: 'ap_overloaded',
		severity: 'major',
		level: 'ap',
		target: apName,
	},
	high_channel_utilisation: {
		step: 'rf_environment',
		rule: 'high_channel_utilization',
		severity: 'major',
		level: 'ap',
		target: apName,
	},
	high_noise_floor: {
		step: 'rf_environment',
		rule: 'high_noise_floor',
		severity: 'major',
		level: 'ap',
		target: apName,
	},
	weak_coverage: {
		step: 'client_health',
		rule: 'client_weak_signal',
		severity: 'major',
		level: 'client',
		target: (_s, f) => ({ client_mac: f.clientMacs[0] }),
	},
	low_snr: {
		step: 'client_health',
		rule: 'client_low_snr',
		severity: 'major',
		level: 'client',
		target: () => ({}),
	},
	high_retries: {
		step: 'client_health',
		rule: 'client_high_retries',
		severity: 'major',
		level: 'client',
		target: () => ({}),
	},
};

describe('Mist Diagnose against the demo scenario', () => {
	let sim: RunningSimulator;
	const issuesByStep = new Map<string, IDataObject[]>();
	const healthyByStep = new Map<string, IDataObject[]>();

	beforeAll(async () => {
		sim = await startSimulator({ port: 0, scenario: 'demo' });
		for (const step of [
			'association',
			'authentication',
			'dhcp',
			'client_health',
			'ap_health',
			'rf_environment',
			'infrastructure',
		]) {
			const run = await runDiagnose(sim, { step });
			issuesByStep.set(step, run.issues);
			healthyByStep.set(step, run.healthy);
		}
	});
	afterAll(async () => sim?.close());

	it('covers every fault kind of the scenario', () => {
		const kinds = new Set(sim.world.faults.map((fault) => fault.kind));
		expect([...kinds].filter((kind) => !EXPECTED[kind])).toEqual([]);
	});

	it.each(Object.entries(EXPECTED))(
		'finds %s with the right rule, severity and scope',
		(kind, expected) => {
			const fault = sim.world.faults.find((candidate) => candidate.kind === kind) as Fault;
			const findings = (issuesByStep.get(expected!.step) ?? []).filter(
				(finding) => finding.rule === expected!.rule,
			);
			const wanted = {
				level: expected!.level,
				site_name: fault.siteName,
				...expected!.target(sim, fault),
			};
			const match = findings.find((finding) =>
				Object.entries(wanted).every(
					([key, value]) => (finding.scope as IDataObject)[key] === value,
				),
			);
			expect(match).toBeDefined();
			expect(match?.severity).toBe(expected!.severity);
			if (expected!.cause) expect((match?.evidence as IDataObject).cause).toBe(expected!.cause);
			expect(String(match?.summary)).toMatch(/\w+.*\.$/);
			expect(match?.fingerprint).toMatch(
				new RegExp(`^mist:${sim.orgId}:${fault.siteId}:${expected!.rule}:`),
			);
		},
	);

	it('reports nothing on the healthy control site, and lists it healthy in every step', () => {
		const control = sim.world.sites.find((site) => site.name === 'Branch-Control');
		for (const [step, issues] of issuesByStep) {
			expect({
				step,
				onControl: issues.filter(
					(finding) => (finding.scope as IDataObject).site_id === control?.id,
				),
			}).toEqual({ step, onControl: [] });
			expect(healthyByStep.get(step)?.map((site) => site.site_name)).toContain('Branch-Control');
		}
	});

	it('gives each finding a person-readable summary, evidence, cause and a remediation', () => {
		for (const finding of [...issuesByStep.values()].flat()) {
			expect(finding).toEqual(
				expect.objectContaining({
					summary: expect.any(String),
					likelyCause: expect.any(String),
					evidence: expect.any(Object),
					remediation: expect.objectContaining({
						kind: expect.stringMatching(/^(action|manual)$/),
					}),
					firstSeen: expect.any(String),
					lastSeen: expect.any(String),
					count: expect.any(Number),
				}),
			);
		}
	});

	it('recommends a Mist Remediate operation with its parameters for the offline AP', () => {
		const offline = issuesByStep.get('ap_health')?.find((finding) => finding.rule === 'ap_offline');
		const remediations = [
			offline?.remediation,
			...((offline?.followUp as IDataObject[]) ?? []),
		] as IDataObject[];
		expect(
			remediations.some(
				(remediation) => remediation.kind === 'action' || remediation.kind === 'manual',
			),
		).toBe(true);
	});
});
