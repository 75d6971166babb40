import type { Finding } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { normalizeMacLoose, targets } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { deviceLabel, siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds, Limits } from '../support/thresholds';
import { gradeHigherIsWorse } from '../support/thresholds';
import { normalizeBand, sortBands } from '../support/bands';
import type { ApStat } from '../support/uplink';

const overLimit = (value: number | null | undefined, limits: Limits) =>
	typeof value === 'number' && gradeHigherIsWorse(value, limits) !== 'ok';

/** Client load and CPU of a connected AP. */
export function loadFindings(
	ap: ApStat,
	siteId: string,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	// Most APs are within both limits: return before building the label and scope findings share.
	if (
		!overLimit(ap.num_clients, thresholds.clientsPerAp) &&
		!overLimit(ap.cpu_util, thresholds.apCpuPercent)
	)
		return [];
	const findings: Finding[] = [];
	const mac = normalizeMacLoose(ap.mac);
	const label = deviceLabel(context, mac, ap.name);
	// Shared by both findings. Written out in each rather than spread from one object: on Node 20,
	// `{ ...base, more }` gives every copy a hidden class of its own (see `withFields`).
	const scope = {
		level: 'ap' as const,
		...siteScope(context, siteId),
		ap_mac: mac,
		ap_name: ap.name ?? undefined,
	};
	const target = targets.mac(mac);
	const timestamps = typeof ap.last_seen === 'number' ? [ap.last_seen] : [];
	const clients = ap.num_clients;
	if (typeof clients === 'number') {
		const grade = gradeHigherIsWorse(clients, thresholds.clientsPerAp);
		if (grade !== 'ok') {
			const bands = sortBands(
				Object.keys(ap.radio_stat ?? {})
					.map(normalizeBand)
					.filter((band): band is NonNullable<typeof band> => !!band),
			);
			findings.push(
				makeFinding({
					step: 'ap_health',
					scope,
					target,
					timestamps,
					now: context.now,
					rule: 'ap_overloaded',
					severity: grade === 'crit' ? 'major' : 'minor',
					summary: `AP ${label} at ${siteLabel(context, siteId)} serves ${clients} clients (limit ${thresholds.clientsPerAp.warn}).`,
					evidence: {
						metrics: [
							{
								metric: 'num_clients',
								value: clients,
								warn: thresholds.clientsPerAp.warn,
								crit: thresholds.clientsPerAp.crit,
							},
						],
					},
					likelyCause:
						'More clients than one AP serves well: a dense area, or neighbouring APs pushing clients here.',
					remediation: manual(
						'Add capacity in this area (another AP or more 5/6 GHz radios) or enable band steering.',
					),
					followUp: [
						remediate.rrmOptimize(
							siteId,
							bands.length ? bands : ['24', '5'],
							true,
							'Let RRM rebalance transmit power so neighbours take a share of the clients.',
						),
					],
				}),
			);
		}
	}
	if (typeof ap.cpu_util === 'number') {
		const grade = gradeHigherIsWorse(ap.cpu_util, thresholds.apCpuPercent);
		if (grade !== 'ok') {
			findings.push(
				makeFinding({
					step: 'ap_health',
					scope,
					target,
					timestamps,
					now: context.now,
					rule: 'ap_high_cpu',
					severity: grade === 'crit' ? 'major' : 'minor',
					summary: `AP ${label} runs at ${ap.cpu_util}% CPU (limit ${thresholds.apCpuPercent.warn}%).`,
					evidence: {
						metrics: [
							{
								metric: 'cpu_util',
								value: ap.cpu_util,
								warn: thresholds.apCpuPercent.warn,
								crit: thresholds.apCpuPercent.crit,
								unit: '%',
							},
						],
					},
					likelyCause: 'Heavy client load, a broadcast storm, or a firmware problem.',
					remediation: manual(
						'Check the AP firmware and the traffic on its wired side (broadcast/multicast).',
					),
				}),
			);
		}
	}
	return findings;
}
