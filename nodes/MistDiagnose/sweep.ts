import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { severityRank } from '../shared/findings/severity';
import type { Severity } from '../shared/findings/types';
import type { Explained } from './rootCauses';
import type { StepsOutcome } from './run';

/** Marks the items of a sweep's Healthy output, so a chained step knows its input is a site list. */
export const HEALTHY_SITE = 'healthySite';
export const NO_HEALTHY_SITE = 'noHealthySite';
/** A sweep the API budget could not afford (it read nothing). */
export const SWEEP_SKIPPED = 'sweepSkipped';

export interface SweepOutputOptions {
	/** `sites` (one item per healthy site) or `all` (every checked entity). */
	healthyOutput: string;
	/** A site is Healthy when no root cause at or above this severity concerns it. */
	healthyBelow: Severity;
	/** Also put the symptom findings (with `rootCause` set) on Issues. */
	includeSymptoms: boolean;
	steps: string[];
	/** When each site's clients were last read (rotating coverage), for its Healthy item. */
	clientsReadAt?: Record<string, number>;
}

/**
 * The sites a chained step should examine, when its input is the Healthy output of an earlier
 * step: those sites only (possibly none). Undefined when the input is anything else (a schedule,
 * a form): then the step examines every site in scope.
 */
export function sitesFromHealthyInput(items: INodeExecutionData[]): Set<string> | undefined {
	if (items.length === 0) return undefined;
	const kinds = items.map((item) => item.json.kind);
	if (!kinds.every((kind) => kind === HEALTHY_SITE || kind === NO_HEALTHY_SITE)) return undefined;
	return new Set(
		items
			.filter((item) => item.json.kind === HEALTHY_SITE)
			.map((item) => String(item.json.site_id)),
	);
}

function healthySites(
	outcome: StepsOutcome,
	explained: Explained,
	options: SweepOutputOptions,
): IDataObject[] {
	const limit = severityRank(options.healthyBelow);
	const flagged = new Set(
		explained.rootCauses
			.filter((cause) => severityRank(cause.severity) <= limit)
			.map((cause) => cause.scope.site_id),
	);
	const orgId = outcome.healthy[0]?.org_id ?? explained.rootCauses[0]?.scope.org_id;
	const minorOnly = new Map<string, number>();
	for (const cause of explained.rootCauses)
		minorOnly.set(cause.scope.site_id, (minorOnly.get(cause.scope.site_id) ?? 0) + 1);
	return Object.entries(outcome.siteNames)
		.filter(([siteId]) => !flagged.has(siteId))
		.map(([siteId, name]) => {
			const minor = minorOnly.get(siteId) ?? 0;
			const note = minor
				? `; ${minor} finding${minor > 1 ? 's' : ''} below ${options.healthyBelow} on Issues`
				: '';
			return {
				kind: HEALTHY_SITE,
				level: 'site',
				org_id: orgId,
				site_id: siteId,
				site_name: name,
				steps: options.steps,
				...(options.clientsReadAt?.[siteId] !== undefined
					? { clients_read_at: new Date(options.clientsReadAt[siteId]).toISOString() }
					: {}),
				summary: `No ${options.healthyBelow} or worse problem on site ${name} (${options.steps.join(', ')})${note}.`,
			};
		});
}

/**
 * Sweep outputs: on Issues one finding per problem (its root cause; the symptoms only when asked);
 * on Healthy the sites with nothing at or above the Healthy severity, or every checked entity,
 * or one item saying no site passed, so that a chain of sweep steps never stops.
 */
export function sweepOutputs(
	outcome: StepsOutcome,
	explained: Explained,
	options: SweepOutputOptions,
	extra: IDataObject,
): INodeExecutionData[][] {
	const pairedItem = { item: 0 };
	const findings = options.includeSymptoms
		? [...explained.rootCauses, ...explained.symptoms]
		: explained.rootCauses;
	const issues = findings.map((finding) => ({
		json: { ...finding, ...extra } as unknown as IDataObject,
		pairedItem,
	}));
	let healthy: IDataObject[] =
		options.healthyOutput === 'all'
			? outcome.healthy.map((entity) => ({ ...entity }))
			: healthySites(outcome, explained, options);
	if (healthy.length === 0) {
		healthy = [
			{
				kind: NO_HEALTHY_SITE,
				level: 'org',
				healthy_sites: 0,
				summary: `No site passed ${options.steps.join(', ')} without a ${options.healthyBelow} or worse problem.`,
			},
		];
	}
	return [issues, healthy.map((json) => ({ json: { ...json, ...extra }, pairedItem }))];
}
