import type { Finding } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { targets } from '../../../shared/findings/fingerprint';
import { severityForGrade } from '../../../shared/findings/severity';
import type { DiagnosisContext } from '../support/context';
import { siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import { gradeSharedClients } from '../support/thresholds';
import type { FailureEvent } from '../support/failures';
import type { FailureGroup } from '../support/correlate';
import { correlateBySiteAndVlan } from '../support/correlate';
import { eventEvidence, windowNote } from '../support/common';
import { countBy, plural, topKey, withFields } from '../support/collections';
import type { HealthTracker } from '../support/health';
import type { Signal } from '../signals/alarms';
import { alarmFacts } from '../signals/alarms';

type Service = 'dns' | 'arp';

const WORDS: Record<
	Service,
	{ name: string; prefix: 'dns' | 'gateway_arp'; shared: string; single: string; check: string }
> = {
	dns: {
		name: 'DNS',
		prefix: 'dns',
		shared: 'The DNS servers handed out by DHCP are unreachable or not answering.',
		single: 'Only this client fails DNS: its own resolver settings, VPN or security software.',
		check: 'Check the DNS servers handed out by DHCP and the path to them.',
	},
	arp: {
		name: 'gateway ARP',
		prefix: 'gateway_arp',
		shared:
			'The default gateway does not answer ARP: gateway down, wrong VLAN on the uplink, or ARP inspection/storm control dropping it.',
		single:
			'Only this client cannot reach the gateway: a static IP in the wrong subnet, or a stale ARP entry.',
		check: 'Check the default gateway of the VLAN and the VLAN on the AP uplinks.',
	},
};

function sharedFinding(
	service: Service,
	group: FailureGroup,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding {
	const words = WORDS[service];
	const level = group.vlan ? 'vlan' : 'site';
	const grade = gradeSharedClients(group.peak.distinct, thresholds);
	const where = `${group.vlan ? `on VLAN ${group.vlan} ` : ''}at ${siteLabel(context, group.site_id)}`;
	const topAp = topKey(
		countBy(
			group.failures.filter((failure) => failure.ap),
			(failure) => failure.ap as string,
		),
	);
	return makeFinding({
		step: 'infrastructure',
		rule: `${words.prefix}_failures_${level}`,
		severity: severityForGrade(grade === 'ok' ? 'warn' : grade, level),
		scope: { level, ...siteScope(context, group.site_id), vlan: group.vlan },
		target: group.vlan ? targets.vlan(group.vlan) : targets.site(),
		summary: `${plural(group.macs.length, 'client')} failed ${words.name} ${where}${windowNote(group.macs.length, group.peak.distinct, thresholds)}.`,
		evidence: withFields(eventEvidence(group.failures, group.macs, thresholds), {
			peakClientsInWindow: group.peak.distinct,
		}),
		likelyCause: words.shared,
		remediation: topAp
			? remediate.syntheticTest(
					group.site_id,
					topAp,
					service,
					`Run a ${words.name} test from AP ${topAp}.`,
					group.vlan,
				)
			: manual(words.check),
		followUp: topAp ? [manual(words.check)] : [],
		timestamps: group.failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

function clientFinding(
	service: Service,
	group: FailureGroup,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding {
	const words = WORDS[service];
	const mac = group.macs[0];
	return makeFinding({
		step: 'infrastructure',
		rule: `client_${service}_failure`,
		severity: 'minor',
		scope: {
			level: 'client',
			...siteScope(context, group.site_id),
			client_mac: mac,
			vlan: group.vlan,
		},
		target: targets.mac(mac),
		summary: `Client ${mac} failed ${words.name} ${plural(group.failures.length, 'time')} at ${siteLabel(context, group.site_id)}; no other client is affected.`,
		evidence: eventEvidence(group.failures, group.macs, thresholds),
		likelyCause: words.single,
		remediation: remediate.reconnectClient(
			group.site_id,
			mac,
			'Disconnect the client so it reconnects and renews its settings.',
		),
		timestamps: group.failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

/** DNS and gateway-ARP failures, correlated like DHCP: many clients → one VLAN/site finding. */
export function reachabilityFindings(
	failures: FailureEvent[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	health: HealthTracker,
): Finding[] {
	const findings: Finding[] = [];
	for (const service of ['dns', 'arp'] as const) {
		const ofService = failures.filter((failure) => failure.category === `${service}_failure`);
		const correlated = correlateBySiteAndVlan(ofService, thresholds, true);
		for (const group of [...correlated.vlanGroups, ...correlated.siteGroups]) {
			findings.push(sharedFinding(service, group, thresholds, context));
			health.flagAll('client', group.macs);
		}
		for (const group of correlated.clientGroups)
			findings.push(clientFinding(service, group, thresholds, context));
	}
	return findings;
}

/** Mist alarms / Marvis actions for ARP and DNS failures, as site findings. */
export function reachabilitySignalFindings(
	signals: Signal[],
	context: DiagnosisContext,
): Finding[] {
	return signals.map((signal) => {
		const service: Service = /dns/i.test(signal.type) ? 'dns' : 'arp';
		const words = WORDS[service];
		return makeFinding({
			step: 'infrastructure',
			rule: `${words.prefix}_failures_${signal.vlan ? 'vlan' : 'site'}`,
			severity: 'major',
			scope: {
				level: signal.vlan ? 'vlan' : 'site',
				...siteScope(context, signal.site_id),
				vlan: signal.vlan,
			},
			target: signal.vlan ? targets.vlan(signal.vlan) : targets.site(),
			summary: `Mist reports ${words.name} failures at ${siteLabel(context, signal.site_id)}${signal.vlan ? ` on VLAN ${signal.vlan}` : ''}.`,
			evidence: {
				source: signal.source,
				type: signal.type,
				id: signal.id,
				affectedClients: signal.impactedClients,
				text: signal.text,
				...alarmFacts(signal),
			},
			likelyCause: words.shared,
			remediation: manual(words.check),
			timestamps: signal.timestamps,
			count: signal.count,
			now: context.now,
		});
	});
}
