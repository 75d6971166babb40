import type { ClientStat, DeviceStat } from '../../shared/schemas/mist.schemas';
import type { Finding, StepResult } from '../../shared/findings/types';
import { normalizeMacLoose } from '../../shared/findings/fingerprint';
import type { DiagnosisContext } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import { gradeHigherIsWorse, gradeLowerIsWorse, rssiLimits } from './support/thresholds';
import type { CommonStepInput } from './support/common';
import { commonFindings } from './support/common';
import { HealthTracker } from './support/health';
import { normalizeBand } from './support/bands';
import { apResolver } from './support/apIndex';
import type { MarvisActionInput } from './signals/marvis';
import { withFields } from './support/collections';
import { worstClientFindings } from './worstClients';
import type { Assessed } from './clientHealthFindings';
import { clientFindings, coverageSignals, weakApFinding } from './clientHealthFindings';

export interface ClientHealthInput extends CommonStepInput {
	/** Connected clients (`stats/clients`); in triage, just the clients being checked. */
	clients?: ClientStat[];
	/** Used when client stats lack `site_id` (site-scoped calls). */
	siteId?: string;
	/** AP stats, to find each client's AP by `ap_id` or `ap_mac` (real samples disagree). */
	apInventory?: DeviceStat[];
	marvisActions?: MarvisActionInput[];
	/**
	 * Sites read by rotating coverage, whose SLE looks fine: their unwell clients become one
	 * worst-clients finding per kind (worstClients.ts) rather than one finding per client.
	 */
	summarySites?: string[];
}

/** Retries as a share of packets, the worse of transmit and receive; undefined below the packet minimum. */
export function retryPercent(stat: ClientStat, minPackets: number): number | undefined {
	// Plain code rather than arrays: this runs for every client.
	const tx = retryRatio(stat.tx_retries, stat.tx_pkts, minPackets);
	const rx = retryRatio(stat.rx_retries, stat.rx_pkts, minPackets);
	if (tx === undefined || rx === undefined) return tx ?? rx;
	return Math.max(tx, rx);
}

function retryRatio(retries: unknown, packets: unknown, minPackets: number): number | undefined {
	if (typeof retries !== 'number' || typeof packets !== 'number' || !(packets >= minPackets))
		return undefined;
	return (retries / packets) * 100;
}

/** One AP's clients: how many, and those with a weak signal (an AP coverage finding needs both). */
interface ApClients {
	siteId: string;
	ap: string;
	clients: number;
	weak: Assessed[];
}

/**
 * Clients per site and AP. Nested maps rather than one map keyed `site|ap`, which built and hashed
 * a new string for every client; `inOrder` lists the APs as first seen (the findings' order).
 */
class ApClientCounts {
	readonly inOrder: ApClients[] = [];
	private readonly bySite = new Map<string, Map<string, ApClients>>();

	of(siteId: string, ap: string): ApClients {
		let aps = this.bySite.get(siteId);
		if (!aps) this.bySite.set(siteId, (aps = new Map()));
		let counts = aps.get(ap);
		if (!counts) {
			counts = { siteId, ap, clients: 0, weak: [] };
			aps.set(ap, counts);
			this.inOrder.push(counts);
		}
		return counts;
	}
}

/**
 * Grades every client and keeps only what a finding can need: per AP its client count and weak
 * clients, and the clients breaching a limit. Grading is plain comparisons; a client gets an
 * object of its own only when it breaches (most clients are healthy and are checked and let go).
 */
function gradeClients(
	input: ClientHealthInput,
	thresholds: DiagnosisThresholds,
	health: HealthTracker,
): { perAp: ApClientCounts; unwell: Assessed[] } {
	const perAp = new ApClientCounts();
	const unwell: Assessed[] = [];
	const resolveAp = apResolver(input.apInventory);
	const rssiLimit = rssiLimits(thresholds);
	for (const stat of input.clients ?? []) {
		const siteId = stat.site_id ?? input.siteId;
		if (!siteId) continue;
		const mac = normalizeMacLoose(stat.mac);
		health.check('client', mac, siteId, stat.hostname);
		const ap = resolveAp({ mac: stat.ap_mac, id: stat.ap_id })?.mac;
		const rssi = typeof stat.rssi === 'number' ? gradeLowerIsWorse(stat.rssi, rssiLimit) : 'ok';
		const snr = typeof stat.snr === 'number' ? gradeLowerIsWorse(stat.snr, thresholds.snrDb) : 'ok';
		const share = retryPercent(stat, thresholds.retriesMinPackets);
		const retries =
			share === undefined ? 'ok' : gradeHigherIsWorse(share, thresholds.retriesPercent);
		const client: Assessed | undefined =
			rssi === 'ok' && snr === 'ok' && retries === 'ok'
				? undefined
				: {
						stat,
						mac,
						siteId,
						ap,
						band: normalizeBand(stat.band),
						rssi,
						snr,
						retries,
						retryPercent: share,
					};
		if (ap) {
			const counts = perAp.of(siteId, ap);
			counts.clients++;
			if (client && rssi !== 'ok') counts.weak.push(client);
		}
		if (client) unwell.push(client);
	}
	return { perAp, unwell };
}

/** Client health step: RSSI, SNR and retries per client; many weak clients on one AP → one AP coverage finding. */
export function diagnoseClientHealth(
	input: ClientHealthInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('client_health', context);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	const { perAp, unwell } = gradeClients(input, thresholds, health);
	const findings: Finding[] = [];
	const coveredByAp = new Set<string>();
	for (const { siteId, ap, clients, weak } of perAp.inOrder) {
		if (
			weak.length >= thresholds.coverageApMinClients &&
			weak.length / clients >= thresholds.coverageApShare
		) {
			findings.push(weakApFinding(siteId, ap, weak, clients, thresholds, context));
			weak.forEach((client) => coveredByAp.add(client.mac));
			health.flagAll(
				'client',
				weak.map((client) => client.mac),
			);
		}
	}
	const summarised = new Set(input.summarySites ?? []);
	const toSummarise: Assessed[] = [];
	for (const client of unwell) {
		if (summarised.has(client.siteId)) {
			// The AP's coverage finding already names its weak clients: only their retries remain.
			if (!coveredByAp.has(client.mac)) toSummarise.push(client);
			else if (client.retries !== 'ok')
				toSummarise.push(withFields(client, { rssi: 'ok' as const, snr: 'ok' as const }));
			continue;
		}
		const own = clientFindings(client, thresholds, context);
		// A client already explained by its AP's coverage finding keeps only its non-signal findings.
		findings.push(
			...(coveredByAp.has(client.mac)
				? own.filter((finding) => finding.rule !== 'client_weak_signal')
				: own),
		);
	}
	findings.push(
		...worstClientFindings(toSummarise, thresholds, context),
		...coverageSignals(input.marvisActions, context),
		...commonFindings('client_health', input, thresholds, context),
	);
	return health.result(findings);
}
