import type { Finding, Remediation } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { deviceLabel, siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import { groupBy } from '../support/collections';
import type { Signal } from '../signals/alarms';
import { alarmFacts } from '../signals/alarms';
import type { DeviceEventInput } from '../support/deviceEvents';

type PortRule = 'switch_port_flap' | 'switch_port_bad_cable' | 'switch_port_missing_vlan';

/** Alarm types and Marvis topics that name a switch port problem. */
export const PORT_SIGNAL_TYPES: Record<string, PortRule> = {
	port_flap: 'switch_port_flap',
	bad_cable: 'switch_port_bad_cable',
	missing_vlan: 'switch_port_missing_vlan',
};

interface PortProblem {
	rule: PortRule;
	siteId: string;
	switchMac: string;
	portId?: string;
	vlan?: string;
	count: number;
	timestamps: number[];
	evidence: Record<string, unknown>;
}

function fixFor(
	problem: PortProblem,
	label: string,
): { remediation: Remediation; followUp: Remediation[]; cause: string } {
	const { siteId, switchMac, portId } = problem;
	if (problem.rule === 'switch_port_missing_vlan') {
		return {
			remediation: manual(
				`Add VLAN ${problem.vlan ?? '(see evidence)'} to ${portId ? `port ${portId} of ` : ''}${label} (port profile / trunk).`,
			),
			followUp: [],
			cause:
				'A VLAN used by the WLANs of the connected AP is not allowed on the switch port, so its clients get no DHCP/gateway.',
		};
	}
	if (!portId) {
		return {
			remediation: manual(`Find the affected port on ${label} and check its cable and optics.`),
			followUp: [],
			cause: 'Physical-layer errors on a switch port.',
		};
	}
	const cable = remediate.cableTest(
		siteId,
		switchMac,
		portId,
		`Run a cable test (TDR) on ${portId} of ${label}.`,
	);
	if (problem.rule === 'switch_port_bad_cable') {
		return {
			remediation: cable,
			followUp: [manual(`Replace the cable on ${portId} if the test reports a fault.`)],
			cause: 'A damaged or too-long cable: speed changes, port errors and disconnects.',
		};
	}
	return {
		remediation: cable,
		followUp: [
			remediate.bouncePort(
				siteId,
				switchMac,
				[portId],
				`Bounce ${portId} on ${label} if the cable tests good.`,
			),
		],
		cause:
			'The link goes up and down: bad cable or connector, PoE negotiation, or the connected device rebooting.',
	};
}

function toFinding(problem: PortProblem, context: DiagnosisContext): Finding {
	const label = `switch ${deviceLabel(context, problem.switchMac)}`;
	const fix = fixFor(problem, label);
	const what = {
		switch_port_flap: `flapped ${problem.count} times`,
		switch_port_bad_cable: 'shows a bad cable',
		switch_port_missing_vlan: `is missing VLAN ${problem.vlan ?? ''}`.trim(),
	}[problem.rule];
	return makeFinding({
		step: 'infrastructure',
		rule: problem.rule,
		severity: 'major',
		scope: {
			level: 'switch_port',
			...siteScope(context, problem.siteId),
			switch_mac: problem.switchMac,
			switch_name: context.deviceNames?.[problem.switchMac],
			port_id: problem.portId,
			vlan: problem.vlan,
		},
		target: targets.switchPort(problem.switchMac, problem.portId),
		summary: `${problem.portId ? `Port ${problem.portId} of ` : ''}${label} at ${siteLabel(context, problem.siteId)} ${what}.`,
		evidence: problem.evidence,
		likelyCause: fix.cause,
		remediation: fix.remediation,
		followUp: fix.followUp,
		timestamps: problem.timestamps,
		count: problem.count,
		now: context.now,
	});
}

/** Port flaps from SW_PORT_DOWN events (≥ portFlapDowns per port) plus port alarms and Marvis actions. */
export function switchPortFindings(
	deviceEvents: DeviceEventInput[],
	signals: Signal[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const problems: PortProblem[] = [];
	const downs = deviceEvents.filter(
		(event) => event.type === 'SW_PORT_DOWN' && event.mac && event.port_id && event.site_id,
	);
	for (const events of groupBy(
		downs,
		(event) => `${normalizeMacLoose(event.mac as string)}/${event.port_id}`,
	).values()) {
		if (events.length < thresholds.portFlapDowns) continue;
		const ups = deviceEvents.filter(
			(event) =>
				event.type === 'SW_PORT_UP' &&
				event.mac === events[0].mac &&
				event.port_id === events[0].port_id,
		).length;
		problems.push({
			rule: 'switch_port_flap',
			siteId: events[0].site_id as string,
			switchMac: normalizeMacLoose(events[0].mac as string),
			portId: events[0].port_id as string,
			count: events.length,
			timestamps: events.map((event) => event.timestamp),
			evidence: {
				eventCounts: { SW_PORT_DOWN: events.length, SW_PORT_UP: ups },
				limit: thresholds.portFlapDowns,
				sampleText: events[0].text,
			},
		});
	}
	for (const signal of signals) {
		const rule = PORT_SIGNAL_TYPES[signal.type];
		if (!rule || !signal.mac) continue;
		problems.push({
			rule,
			siteId: signal.site_id,
			switchMac: signal.mac,
			portId: signal.port_id,
			vlan: signal.vlan,
			count: signal.count,
			timestamps: signal.timestamps,
			evidence: {
				source: signal.source,
				type: signal.type,
				id: signal.id,
				count: signal.count,
				text: signal.text,
				...alarmFacts(signal),
			},
		});
	}
	return problems.map((problem) => toFinding(problem, context));
}
