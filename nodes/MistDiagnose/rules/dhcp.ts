import type { DeviceStat } from '../../shared/schemas/mist.schemas';
import type { Finding, StepResult } from '../../shared/findings/types';
import { makeFinding } from '../../shared/findings/build';
import { manual, remediate } from '../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../shared/findings/fingerprint';
import { severityForGrade } from '../../shared/findings/severity';
import type { DiagnosisContext } from './support/context';
import { siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import { gradeHigherIsWorse, gradeSharedClients } from './support/thresholds';
import type { EventCatalogueEntry } from './support/eventClassifier';
import { createEventClassifier } from './support/eventClassifier';
import type { ClientEventInput, EventDefaults, FailureEvent } from './support/failures';
import { toFailures } from './support/failures';
import type { FailureGroup } from './support/correlate';
import { applyBaseline, correlateBySiteAndVlan } from './support/correlate';
import type { CommonStepInput } from './support/common';
import { commonFindings, eventEvidence, windowNote } from './support/common';
import { HealthTracker } from './support/health';
import type { ClientRecord } from './support/directory';
import { clientDirectory, vlanLookup } from './support/directory';
import { countBy, plural, round, topKey, withFields } from './support/collections';
import type { AlarmInput } from './signals/alarms';
import { alarmFacts, alarmSignals } from './signals/alarms';
import type { MarvisActionInput } from './signals/marvis';
import { marvisSignals } from './signals/marvis';

/** Switch or gateway stats with the DHCP server pools they serve. */
export type DhcpServerStat = DeviceStat & {
	dhcpd_stat?: Record<string, { num_ips?: number | null; num_leased?: number | null }> | null;
};

export interface DhcpInput extends CommonStepInput {
	events?: ClientEventInput[];
	catalogue?: EventCatalogueEntry[];
	defaults?: EventDefaults;
	/** Clients in scope (client stats or search); gives VLANs and, in triage, the clients to report healthy. */
	clients?: ClientRecord[];
	dhcpServers?: DhcpServerStat[];
	alarms?: AlarmInput[];
	marvisActions?: MarvisActionInput[];
	/** Site id → history of distinct DHCP-failing clients per window (baseline). */
	baseline?: Record<string, number[]>;
}

function causeOf(failures: FailureEvent[], where: string): string {
	const naks = failures.filter((failure) => /NAK/i.test(failure.type)).length;
	const staticBlocked = failures.filter((failure) =>
		/STATIC_IP_BLOCKED/i.test(failure.type),
	).length;
	if (staticBlocked * 2 > failures.length) {
		return `Clients ${where} use a static IP address the WLAN blocks: they were configured statically, or fell back to one after DHCP failed earlier.`;
	}
	if (naks * 2 > failures.length) {
		return `The DHCP server refuses leases (NAK) ${where}: the relay points to a scope of another subnet, or the pool is exhausted.`;
	}
	return `DHCP requests ${where} get no answer: the DHCP server or the relay (ip helper) is down or unreachable, or the VLAN is missing on the AP uplinks.`;
}

/** DHCPv6 failures seen with the DHCP (v4) ones: evidence only, never a finding of their own. */
const dhcpv6Evidence = (count: number | undefined) => (count ? { dhcpv6Failures: count } : {});

function sharedFinding(
	group: FailureGroup,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	history?: number[],
	dhcpv6Failures?: number,
): Finding {
	const level = group.vlan ? 'vlan' : 'site';
	const grade = gradeSharedClients(group.peak.distinct, thresholds);
	const outcome = applyBaseline(
		severityForGrade(grade === 'ok' ? 'warn' : grade, level),
		group.peak.distinct,
		history,
		thresholds,
	);
	const where = group.vlan
		? `on VLAN ${group.vlan} at ${siteLabel(context, group.site_id)}`
		: `at ${siteLabel(context, group.site_id)}`;
	const topAp = topKey(
		countBy(
			group.failures.filter((failure) => failure.ap),
			(failure) => failure.ap as string,
		),
	);
	const test = topAp
		? remediate.syntheticTest(
				group.site_id,
				topAp,
				'dhcp',
				`Run a DHCP test from AP ${topAp}${group.vlan ? ` on VLAN ${group.vlan}` : ''}.`,
				group.vlan,
			)
		: manual('Check the DHCP server and the relay (ip helper) for the affected VLANs.');
	return makeFinding({
		step: 'dhcp',
		rule: group.vlan ? 'dhcp_failures_vlan' : 'dhcp_failures_site',
		severity: outcome.severity,
		scope: { level, ...siteScope(context, group.site_id), vlan: group.vlan },
		target: group.vlan ? targets.vlan(group.vlan) : targets.site(),
		summary: `${plural(group.macs.length, 'client')} failed DHCP ${where}${windowNote(group.macs.length, group.peak.distinct, thresholds, outcome.withinBaseline ? 'usual for this site' : undefined)}.`,
		evidence: withFields(eventEvidence(group.failures, group.macs, thresholds), {
			peakClientsInWindow: group.peak.distinct,
			baseline: outcome.evidence,
			...dhcpv6Evidence(dhcpv6Failures),
		}),
		likelyCause: causeOf(group.failures, where),
		remediation: test,
		followUp: [
			manual(
				'Check the DHCP server logs and the scope for this subnet; verify the ip helper on the VLAN interface.',
			),
		],
		timestamps: group.failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

function clientFinding(
	group: FailureGroup,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	hostname?: string,
	dhcpv6Failures?: number,
): Finding {
	const mac = group.macs[0];
	const username = group.failures.find((failure) => failure.username)?.username;
	return makeFinding({
		step: 'dhcp',
		rule: 'client_dhcp_failure',
		severity: 'minor',
		scope: {
			level: 'client',
			...siteScope(context, group.site_id),
			client_mac: mac,
			client_hostname: hostname,
			username,
			vlan: group.vlan,
		},
		target: targets.mac(mac),
		summary: `Client ${hostname ? `${hostname} (${mac})` : mac} failed DHCP ${plural(group.failures.length, 'time')} at ${siteLabel(context, group.site_id)}; no other client there is affected.`,
		evidence: withFields(
			eventEvidence(group.failures, group.macs, thresholds),
			dhcpv6Evidence(dhcpv6Failures),
		),
		likelyCause: group.failures.every((failure) => /STATIC_IP_BLOCKED/i.test(failure.type))
			? 'This client uses a static IP address that the WLAN blocks.'
			: 'Only this client fails: a client-side problem (driver, static settings, MAC randomisation) or a reservation for its MAC.',
		remediation: remediate.reconnectClient(
			group.site_id,
			mac,
			'Disconnect the client so it reconnects and requests a new lease.',
		),
		followUp: [
			manual("Check the client's network settings and any DHCP reservation or block for its MAC."),
		],
		timestamps: group.failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

function poolFindings(
	servers: DhcpServerStat[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	health: HealthTracker,
): Finding[] {
	const findings: Finding[] = [];
	for (const server of servers) {
		const siteId = server.site_id;
		if (!siteId) continue;
		for (const [network, pool] of Object.entries(server.dhcpd_stat ?? {})) {
			health.check('vlan', network, siteId);
			const size = pool.num_ips ?? 0;
			if (size <= 0) continue;
			const usage = (pool.num_leased ?? 0) / size;
			const grade = gradeHigherIsWorse(usage, thresholds.dhcpPoolUsage);
			if (grade === 'ok') continue;
			health.flag('vlan', network);
			const mac = normalizeMacLoose(server.mac);
			findings.push(
				makeFinding({
					step: 'dhcp',
					rule: 'dhcp_pool_exhausted',
					severity: severityForGrade(grade, 'vlan'),
					scope: { level: 'vlan', ...siteScope(context, siteId), vlan: network },
					target: targets.vlan(network),
					summary: `DHCP pool ${network} on ${server.name ?? mac} is ${round(usage * 100)}% used (${pool.num_leased} of ${size} addresses) at ${siteLabel(context, siteId)}.`,
					evidence: {
						metrics: [
							{
								metric: 'dhcp_pool_usage',
								value: round(usage, 3),
								warn: thresholds.dhcpPoolUsage.warn,
								crit: thresholds.dhcpPoolUsage.crit,
								unit: 'share',
							},
						],
						server: { mac, name: server.name ?? undefined },
						num_ips: size,
						num_leased: pool.num_leased ?? 0,
					},
					likelyCause:
						'The DHCP pool is (nearly) exhausted: too small for the clients, or leases too long for a transient population.',
					remediation: manual(
						`Enlarge the ${network} pool or shorten its lease time on ${server.name ?? mac}.`,
					),
					timestamps: [server.last_seen ?? context.now],
					now: context.now,
				}),
			);
		}
	}
	return findings;
}

function signalFindings(input: DhcpInput, context: DiagnosisContext): Finding[] {
	const signals = [
		...alarmSignals(input.alarms, ['dhcp_failure']),
		...marvisSignals(input.marvisActions, ['dhcp_failure']),
	];
	return signals.map((signal) =>
		makeFinding({
			step: 'dhcp',
			rule: signal.vlan ? 'dhcp_failures_vlan' : 'dhcp_failures_site',
			severity: 'major',
			scope: {
				level: signal.vlan ? 'vlan' : 'site',
				...siteScope(context, signal.site_id),
				vlan: signal.vlan,
			},
			target: signal.vlan ? targets.vlan(signal.vlan) : targets.site(),
			summary: `Mist ${signal.source === 'alarm' ? 'raised a DHCP failure alarm' : 'Marvis reports a DHCP failure'} at ${siteLabel(context, signal.site_id)}${signal.vlan ? ` on VLAN ${signal.vlan}` : ''}.`,
			evidence: {
				source: signal.source,
				id: signal.id,
				count: signal.count,
				affectedClients: signal.impactedClients,
				text: signal.text,
				...alarmFacts(signal),
			},
			likelyCause: 'DHCP server or relay not answering for many clients (Mist baseline deviation).',
			remediation: manual(
				'Check the DHCP server and the relay (ip helper) for the affected VLANs.',
			),
			timestamps: signal.timestamps,
			count: signal.count,
			now: context.now,
		}),
	);
}

/**
 * DHCP step: many clients failing on one VLAN/site → one shared finding; a lone client → a client finding.
 * DHCPv6 failures never make a finding alone; they are counted in the evidence of the v4 ones.
 */
export function diagnoseDhcp(
	input: DhcpInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('dhcp', context);
	const directory = clientDirectory(input.clients);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	directory.forEachClient(input.defaults?.site_id, (mac, siteId, hostname) => {
		// A directory's MACs are distinct.
		if (siteId) health.checkDistinct('client', mac, siteId, hostname);
	});
	const classify = createEventClassifier(input.catalogue);
	const defaults = {
		...input.defaults,
		vlanOf: vlanLookup(directory, input.defaults?.vlanByMac),
	};
	const failures = toFailures(input.events ?? [], classify, ['dhcp_failure'], defaults);
	// DHCPv6 failures are frequent noise on dual-stack networks: counted next to v4 failures only.
	const v6 = toFailures(input.events ?? [], classify, ['dhcpv6_failure'], defaults);
	const v6BySite = countBy(v6, (failure) => failure.site_id);
	const v6ByMac = countBy(v6, (failure) => failure.mac);
	const correlated = correlateBySiteAndVlan(failures, thresholds, true);
	const findings: Finding[] = [];
	for (const group of [...correlated.vlanGroups, ...correlated.siteGroups]) {
		findings.push(
			sharedFinding(
				group,
				thresholds,
				context,
				input.baseline?.[group.site_id],
				v6BySite[group.site_id],
			),
		);
		health.flagAll('client', group.macs);
	}
	for (const group of correlated.clientGroups) {
		const mac = group.macs[0];
		findings.push(clientFinding(group, thresholds, context, directory.hostname(mac), v6ByMac[mac]));
	}
	findings.push(...poolFindings(input.dhcpServers ?? [], thresholds, context, health));
	findings.push(
		...signalFindings(input, context),
		...commonFindings('dhcp', input, thresholds, context),
	);
	return health.result(findings);
}
