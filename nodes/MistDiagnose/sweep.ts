import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { StepsOutcome } from './run';

/**
 * Sweep outputs: every finding on Issues; on Healthy, sites (or every checked entity) without
 * findings, or one summary item when there are none, so that a chain of sweep steps never stops.
 */
export function sweepOutputs(
	outcome: StepsOutcome,
	healthyOutput: string,
	extra: IDataObject,
): INodeExecutionData[][] {
	const pairedItem = { item: 0 };
	const issues = outcome.findings.map((finding) => ({
		json: { ...finding, ...extra } as unknown as IDataObject,
		pairedItem,
	}));
	const flaggedSites = new Set(outcome.findings.map((finding) => finding.scope.site_id));
	let healthy: IDataObject[];
	if (healthyOutput === 'all') {
		healthy = outcome.healthy.map((entity) => ({ ...entity }));
	} else {
		const checked = new Map<string, Set<string>>();
		for (const entity of outcome.healthy) {
			if (entity.level !== 'site' || flaggedSites.has(entity.site_id)) continue;
			if (!checked.has(entity.site_id)) checked.set(entity.site_id, new Set());
			checked.get(entity.site_id)?.add(entity.step);
		}
		healthy = [...checked.entries()].map(([siteId, steps]) => ({
			level: 'site',
			org_id: outcome.healthy.find((entity) => entity.site_id === siteId)?.org_id,
			site_id: siteId,
			site_name: outcome.siteNames[siteId],
			steps: [...steps],
			summary: `No problem found on site ${outcome.siteNames[siteId] ?? siteId} (${[...steps].join(', ')}).`,
		}));
	}
	if (healthy.length === 0) {
		// The next step of a sweep chain hangs off Healthy: keep it running even when no site passed.
		healthy.push({
			level: 'org',
			healthy_sites: 0,
			summary: `No site passed ${[...new Set(outcome.healthy.map((entity) => entity.step))].join(', ') || 'this step'} without a finding.`,
		});
	}
	return [issues, healthy.map((json) => ({ json: { ...json, ...extra }, pairedItem }))];
}
