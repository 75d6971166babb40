import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { wholeNumberInRange } from '../shared/params/readers';
import type { MistDataCollector } from './collect/MistDataCollector';
import { clientMeasurementsOf } from '../shared/findings/clientMeasurements';
import type { DiagnosisStep, Finding } from '../shared/findings/types';
import { coverageSummary, recordCoverage, rememberWorstClients } from './coverage';
import type { CoverageRecord } from './coverage';
import type { SlowDataCache } from './slowCache';
import { inScope } from './steps/loaders';
import type { SweepCoverage, SweepScope } from './steps/types';

const WEEK_MS = 7 * 24 * 3_600_000;
export const coverageKey = (orgId: string) => `${orgId}:clientCoverage`;
/** How old a coverage record may be and still count (the org's worst clients read from it too). */
export const COVERAGE_MAX_AGE_MS = WEEK_MS;

/**
 * The rotating coverage of this sweep (option Cover Every Site Within), with the record of when
 * each site's clients were last read, from the node's memory; undefined when the sweep has no
 * client health step or the option is 0.
 */
export async function openCoverage(
	ctx: IExecuteFunctions,
	cache: SlowDataCache,
	orgId: string,
	steps: DiagnosisStep[],
	options: IDataObject,
	nowMs: number,
): Promise<SweepCoverage | undefined> {
	if (!steps.includes('client_health')) return undefined;
	const minutes = wholeNumberInRange(
		ctx.getNode(),
		options.coverEveryMinutes ?? 60,
		'Cover Every Site Within (Minutes)',
		0,
		10_080,
	);
	if (minutes === 0) return undefined;
	const record = await cache.get<CoverageRecord>(coverageKey(orgId), COVERAGE_MAX_AGE_MS);
	return { record, periodMs: minutes * 60_000, nowMs, read: [] };
}

/**
 * Writes what the sweep read into the record, with the worst clients its findings measured on
 * those sites, and returns for the output what it read and how
 * much of the org the period has covered, with when each site's clients were last read.
 */
export async function closeCoverage(
	cache: SlowDataCache,
	collector: MistDataCollector,
	scope: SweepScope,
	coverage: SweepCoverage,
	findings: Finding[],
): Promise<{ summary: IDataObject; readAt: Record<string, number> }> {
	const orgSites = (await collector.sitesSeenInData()).map((site) => site.id);
	const read = [...new Set(coverage.read)];
	const measured = findings
		.filter((finding) => finding.step === 'client_health')
		.flatMap(clientMeasurementsOf);
	const record = {
		...recordCoverage(coverage.record, orgSites, read, coverage.nowMs),
		worstClients: rememberWorstClients(
			coverage.record?.worstClients,
			orgSites,
			read,
			measured,
			coverage.nowMs,
		),
	};
	await cache.set(coverageKey(collector.orgId), record);
	const inScopeSites = orgSites.filter((siteId) => inScope(scope, siteId));
	return {
		summary: coverageSummary(record, inScopeSites, read, coverage.nowMs, coverage.periodMs),
		readAt: record.readAt,
	};
}
