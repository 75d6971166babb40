import type { IDataObject } from 'n8n-workflow';

import type { ReportOptions } from '../../../nodes/MistReport/engine/types';
import type { Finding } from '../../../nodes/shared/findings/types';
import { apFinding, clientFinding, SITE_A, SITE_B } from '../MistAlert/fixtures';

export { SITE_A, SITE_B };
export const END = Date.parse('2026-11-25T12:00:00.000Z');
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const iso = (ms: number) => new Date(ms).toISOString();

/** A finding last seen at `at`. */
export function seenAt(finding: Finding, at: number): Finding {
	return { ...finding, firstSeen: iso(at - HOUR), lastSeen: iso(at) };
}

const branch = { site: SITE_B, siteName: 'Branch' };

export function currentFindings(): Finding[] {
	return [
		seenAt(clientFinding(1), END - 2 * HOUR),
		seenAt(clientFinding(1, { rule: 'client_dhcp_failure', severity: 'major' }), END - 3 * HOUR),
		seenAt(clientFinding(2), END - 4 * HOUR),
		seenAt(clientFinding(2), END - 1 * HOUR),
		seenAt(clientFinding(3), END - 5 * HOUR),
		seenAt(apFinding('aabbccddee01'), END - 6 * HOUR),
	];
}

export function previousFindings(): Finding[] {
	return [
		seenAt(clientFinding(1), END - 30 * HOUR),
		seenAt(clientFinding(7, branch), END - 30 * HOUR),
		seenAt(clientFinding(8, branch), END - 40 * HOUR),
	];
}

export function metricSnapshots(): IDataObject[] {
	const snapshots: IDataObject[] = [];
	const clients = [100, 101, 99, 100, 102, 98, 100, 101];
	clients.forEach((count, index) => {
		const at = END - (clients.length + 1 - index) * DAY + HOUR;
		snapshots.push({
			site_id: SITE_A,
			site_name: 'HQ',
			timestamp: at / 1000,
			metrics: { num_clients: count, num_aps: 10 },
		});
	});
	snapshots.push({
		site_id: SITE_A,
		site_name: 'HQ',
		timestamp: (END - 30 * HOUR) / 1000,
		metrics: { sle_coverage: 0.97, sle_successful_connect: 0.96 },
	});
	snapshots.push({
		site_id: SITE_A,
		site_name: 'HQ',
		timestamp: (END - 2 * HOUR) / 1000,
		metrics: { sle_coverage: 0.95, sle_successful_connect: 0.85, num_clients: 180, num_aps: 10 },
	});
	[50, 55, 60, 65, 70].forEach((used, index) => {
		const at = END - (4 - index) * DAY - HOUR;
		snapshots.push({
			site_id: SITE_B,
			site_name: 'Branch',
			timestamp: new Date(at).toISOString(),
			metrics: { dhcp_used: used, sle_coverage: 0.99 },
		});
	});
	return snapshots;
}

export function remediationRecords(): IDataObject[] {
	return [
		{
			operation: 'reconnectClient',
			target: '001122000001',
			decision: 'executed',
			result: 'success',
			timestamp: iso(END - 2 * HOUR),
		},
		{
			operation: 'restartDevice',
			target: 'aabbccddee01',
			decision: 'executed',
			result: { error: 'device offline' },
			timestamp: iso(END - 3 * HOUR),
		},
		{
			operation: 'bouncePort',
			target: 'switch/ge-0/0/1',
			decision: 'dry_run',
			result: 'skipped',
			timestamp: iso(END - 4 * HOUR),
		},
		{
			operation: 'reconnectClient',
			target: '001122000009',
			decision: 'executed',
			result: 'success',
			timestamp: iso(END - 30 * HOUR),
		},
	];
}

/** As the Mist Alert node emits them (a Resolved notice) and as Get Incidents lists them. */
export function incidentItems(): IDataObject[] {
	return [
		{
			notice: 'resolved',
			tier: 'resolved',
			incidents: [
				{
					fingerprint: 'mist:o:s:weak_signal:1',
					siteId: SITE_A,
					siteName: 'HQ',
					rule: 'weak_signal',
					severity: 'minor',
					status: 'resolved',
					openedAt: iso(END - 5 * HOUR),
					resolvedAt: iso(END - 4.5 * HOUR),
				},
			],
		},
		{
			kind: 'incident',
			fingerprint: 'mist:o:s:ap_offline:2',
			siteId: SITE_A,
			siteName: 'HQ',
			rule: 'ap_offline',
			severity: 'critical',
			status: 'open',
			openedAt: iso(END - 6 * HOUR),
		},
		{
			kind: 'incident',
			fingerprint: 'mist:o:s:weak_signal:3',
			siteId: SITE_B,
			siteName: 'Branch',
			rule: 'weak_signal',
			severity: 'minor',
			status: 'resolved',
			openedAt: iso(END - 30 * HOUR),
			resolvedAt: iso(END - 29 * HOUR),
		},
	];
}

export function allInputs(): IDataObject[] {
	return [
		...(currentFindings() as unknown as IDataObject[]),
		...(previousFindings() as unknown as IDataObject[]),
		...metricSnapshots(),
		...remediationRecords(),
		...incidentItems(),
		{ requests: 1200, request_limit: 5000 },
	];
}

export const OPTIONS: ReportOptions = {
	type: 'daily',
	end: END,
	timezone: 'UTC',
	sleThreshold: 90,
	topN: 10,
	anomalyK: 3,
	anomalyMinSamples: 5,
	forecasts: [{ metric: 'dhcp_used', threshold: 100, direction: 'above' }],
	forecastHorizonDays: 30,
	forecastMinSamples: 3,
};
