import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { StepsOutcome } from './run';

/** Sweep outputs: every finding on Issues; on Healthy, sites (or every checked entity) without findings. */
export function sweepOutputs(outcome: StepsOutcome, healthyOutput: string, extra: IDataObject): INodeExecutionData[][] {
	const pairedItem = { item: 0 };
	const issues = outcome.findings.map((finding) => ({ json: { ...finding, ...extra } as unknown as IDataObject, pairedItem }));
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
	return [issues, healthy.map((json) => ({ json: { ...json, ...extra }, pairedItem }))];
}
