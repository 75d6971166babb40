import type { Finding, StepResult } from '../../shared/findings/types';
import { makeFinding } from '../../shared/findings/build';
import { manual, remediate } from '../../shared/findings/remediation';
import { targets } from '../../shared/findings/fingerprint';
import type { DiagnosisContext } from './support/context';
import { apScope, deviceLabel, siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import type { EventCatalogueEntry } from './support/eventClassifier';
import { createEventClassifier } from './support/eventClassifier';
import type { ClientEventInput, EventDefaults, FailureEvent } from './support/failures';
import { toFailures } from './support/failures';
import type { CommonStepInput } from './support/common';
import { commonFindings, eventEvidence } from './support/common';
import { HealthTracker } from './support/health';
import type { ClientRecord } from './support/directory';
import { clientDirectory } from './support/directory';
import { countBy, distinct, groupBy, plural, round, withFields } from './support/collections';

export interface AssociationInput extends CommonStepInput {
	events?: ClientEventInput[];
	catalogue?: EventCatalogueEntry[];
	defaults?: EventDefaults;
	clients?: ClientRecord[];
}

function reasonCodes(failures: FailureEvent[]): Record<string, number> {
	return countBy(
		failures.filter((failure) => failure.reason_code !== undefined),
		(failure) => String(failure.reason_code),
	);
}

function apFinding(
	siteId: string,
	ap: string,
	failures: FailureEvent[],
	siteClients: number,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding {
	const macs = distinct(failures.map((failure) => failure.mac));
	const share = macs.length / siteClients;
	return makeFinding({
		step: 'association',
		rule: 'association_failures_ap',
		severity: macs.length > thresholds.sharedCriticalClients ? 'critical' : 'major',
		scope: apScope(context, siteId, ap),
		target: targets.mac(ap),
		summary: `${plural(macs.length, 'client')} failed to associate with AP ${deviceLabel(context, ap)} at ${siteLabel(context, siteId)} (${round(share * 100, 0)}% of the site's failing clients).`,
		evidence: withFields(eventEvidence(failures, macs, thresholds), {
			shareOfSiteFailingClients: round(share, 2),
			limits: {
				minClients: thresholds.apConcentrationMinClients,
				minShare: thresholds.apConcentrationShare,
			},
		}),
		likelyCause:
			'Failures concentrate on this AP: a radio or software fault on the AP, or a WLAN setting it serves (e.g. 11r/WPA3) that clients reject.',
		remediation: remediate.restartDevice(siteId, ap, `Restart AP ${deviceLabel(context, ap)}.`),
		followUp: [
			manual(
				'If failures continue, compare the AP radio and WLAN settings with its neighbours and check its firmware.',
			),
		],
		timestamps: failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

function clientFinding(
	siteId: string,
	failures: FailureEvent[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	hostname?: string,
): Finding {
	const mac = failures[0].mac;
	const aps = distinct(failures.map((failure) => failure.ap));
	return makeFinding({
		step: 'association',
		rule: 'client_association_failure',
		severity: 'minor',
		scope: {
			level: 'client',
			...siteScope(context, siteId),
			client_mac: mac,
			client_hostname: hostname,
			ssid: failures.find((f) => f.ssid)?.ssid,
		},
		target: targets.mac(mac),
		summary: `Client ${hostname ? `${hostname} (${mac})` : mac} failed to associate ${plural(failures.length, 'time')} on ${plural(aps.length, 'AP')} at ${siteLabel(context, siteId)}.`,
		evidence: withFields(eventEvidence(failures, [mac], thresholds), {
			aps: aps.slice(0, thresholds.maxSampleMacs),
			reasonCodes: reasonCodes(failures),
			// Fast-roaming failures alone: the root-cause layer looks for many of them on one SSID.
			categories: countBy(failures, (failure) => failure.category),
		}),
		likelyCause: failures.every((failure) => failure.category === 'roaming_failure')
			? 'The client fails fast roaming (802.11r/FT, OKC or PMK caching): its driver mishandles the cached or FT key, ' +
				'or the key was not shared with the AP it roamed to.'
			: 'The failures follow this client: its driver, supported security (WPA3/11r/PMF) or band does not match the WLAN.',
		remediation: manual(
			"Check the client's driver and whether it supports the WLAN security (WPA3, 11r, PMF) and band.",
		),
		followUp: [
			remediate.reconnectClient(
				siteId,
				mac,
				'Disconnect the client so it tries a fresh association.',
			),
		],
		timestamps: failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

/**
 * Association step: failures concentrated on one AP → AP finding; spread across APs → client findings.
 * Fast-roaming key failures (11r/FT, OKC) are re-association failures and count with them.
 */
export function diagnoseAssociation(
	input: AssociationInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('association', context);
	const directory = clientDirectory(input.clients);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	directory.forEachClient(input.defaults?.site_id, (mac, siteId, hostname) => {
		// A directory's MACs are distinct.
		if (siteId) health.checkDistinct('client', mac, siteId, hostname);
	});
	const classify = createEventClassifier(input.catalogue);
	const failures = toFailures(
		input.events ?? [],
		classify,
		['association_failure', 'roaming_failure'],
		input.defaults,
	);
	const findings: Finding[] = [];
	for (const [siteId, siteFailures] of groupBy(failures, (failure) => failure.site_id)) {
		const siteClients = distinct(siteFailures.map((failure) => failure.mac)).length;
		const concentrated = new Set<string>();
		for (const [ap, apFailures] of groupBy(siteFailures, (failure) => failure.ap)) {
			const clients = distinct(apFailures.map((failure) => failure.mac));
			if (
				clients.length >= thresholds.apConcentrationMinClients &&
				clients.length / siteClients >= thresholds.apConcentrationShare
			) {
				concentrated.add(ap);
				findings.push(apFinding(siteId, ap, apFailures, siteClients, thresholds, context));
				health.flagAll('client', clients);
			}
		}
		const spread = siteFailures.filter((failure) => !failure.ap || !concentrated.has(failure.ap));
		for (const clientFailures of groupBy(spread, (failure) => failure.mac).values()) {
			findings.push(
				clientFinding(
					siteId,
					clientFailures,
					thresholds,
					context,
					directory.hostname(clientFailures[0].mac),
				),
			);
		}
	}
	findings.push(...commonFindings('association', input, thresholds, context));
	return health.result(findings);
}
