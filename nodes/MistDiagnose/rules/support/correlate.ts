import type { Severity } from '../../../shared/findings/types';
import type { FailureEvent } from './failures';
import type { DiagnosisThresholds } from './thresholds';
import type { WindowPeak } from './window';
import { peakDistinctInWindow } from './window';
import { distinct, groupBy } from './collections';
import type { BaselineVerdict } from './baseline';
import { baselineEvidence, checkBaseline } from './baseline';

export interface FailureGroup {
	site_id: string;
	/** Set for VLAN groups (and for client groups whose client has a VLAN). */
	vlan?: string;
	failures: FailureEvent[];
	macs: string[];
	peak: WindowPeak;
}

export interface Correlated {
	vlanGroups: FailureGroup[];
	siteGroups: FailureGroup[];
	clientGroups: FailureGroup[];
}

function group(
	siteId: string,
	failures: FailureEvent[],
	windowSeconds: number,
	vlan?: string,
): FailureGroup {
	const peak = peakDistinctInWindow(
		failures,
		windowSeconds,
		(failure) => failure.timestamp,
		(failure) => failure.mac,
	);
	return {
		site_id: siteId,
		vlan,
		failures,
		macs: distinct(failures.map((failure) => failure.mac)),
		peak,
	};
}

/**
 * One problem per cause, not per client: a VLAN where at least `sharedMinClients` distinct clients
 * fail within the window becomes one VLAN group; the site's remaining failures become one site group
 * when they meet the same bar; whatever is left is a client's own problem.
 */
export function correlateBySiteAndVlan(
	failures: FailureEvent[],
	thresholds: DiagnosisThresholds,
	useVlan: boolean,
): Correlated {
	const result: Correlated = { vlanGroups: [], siteGroups: [], clientGroups: [] };
	for (const [siteId, siteFailures] of groupBy(failures, (failure) => failure.site_id)) {
		let leftover = siteFailures;
		if (useVlan) {
			leftover = siteFailures.filter((failure) => !failure.vlan);
			for (const [vlan, vlanFailures] of groupBy(siteFailures, (failure) => failure.vlan)) {
				const candidate = group(siteId, vlanFailures, thresholds.windowSeconds, vlan);
				if (candidate.peak.distinct >= thresholds.sharedMinClients)
					result.vlanGroups.push(candidate);
				else leftover = leftover.concat(vlanFailures);
			}
		}
		if (leftover.length === 0) continue;
		const siteGroup = group(siteId, leftover, thresholds.windowSeconds);
		if (siteGroup.peak.distinct >= thresholds.sharedMinClients) {
			result.siteGroups.push(siteGroup);
			continue;
		}
		for (const clientFailures of groupBy(leftover, (failure) => failure.mac).values()) {
			const vlan = clientFailures.find((failure) => failure.vlan)?.vlan;
			result.clientGroups.push(group(siteId, clientFailures, thresholds.windowSeconds, vlan));
		}
	}
	return result;
}

export interface BaselineOutcome {
	severity: Severity;
	/** True when the site's own history says this level is normal for it. */
	withinBaseline: boolean;
	evidence?: ReturnType<typeof baselineEvidence> & { value: number };
}

/**
 * A shared problem whose size is normal for this entity (≤ mean + k·σ of its history) is chronic,
 * not new: it is kept for visibility but downgraded to `info`. Without enough history nothing changes.
 */
export function applyBaseline(
	severity: Severity,
	value: number,
	history: number[] | undefined,
	thresholds: DiagnosisThresholds,
): BaselineOutcome {
	if (!history) return { severity, withinBaseline: false };
	const verdict: BaselineVerdict = checkBaseline(value, history, {
		k: thresholds.baselineK,
		minSamples: thresholds.baselineMinSamples,
	});
	if (!verdict.sufficient) return { severity, withinBaseline: false };
	const evidence = { ...baselineEvidence(verdict), value };
	return verdict.anomalous
		? { severity, withinBaseline: false, evidence }
		: { severity: 'info', withinBaseline: true, evidence };
}
