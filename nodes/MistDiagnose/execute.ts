import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { SEVERITIES, STEPS } from '../shared/findings/types';
import type { DiagnosisStep, Severity } from '../shared/findings/types';
import { notCheckedMarker } from '../shared/findings/notChecked';
import { recordCallsInBudget } from '../shared/budget/recordCalls';
import { MistClient } from '../shared/transport/MistClient';
import { itemFailure } from '../shared/utils/perItem';
import { normalizeMac } from '../shared/params/identifiers';
import { resolveOrgId } from '../shared/params/scope';
import { executionReads } from './collect/executionReads';
import { MistDataCollector } from './collect/MistDataCollector';
import { checkSiteFilter, readSweepScope, readThresholds, readWindow } from './parameters';
import { openSweepBudget, recordSweepBudget } from './budget';
import { explainOutcome, runSteps } from './run';
import { notDueOutputs, recordCheck, stepCadence } from './cadence';
import { closeCoverage, openCoverage } from './coverageMemory';
import { openSlowCache } from './slowCache';
import type { OpenedSlowCache } from './slowCache';
import { isDiagnosisStep } from './steps';
import { SWEEP_SKIPPED, sitesFromHealthyInput, sweepOutputs } from './sweep';
import { triage } from './triage';
import type { ItemKind, TriageTarget } from './triage';
import { warnInOutputPane } from '../shared/utils/hints';
import { worstClientsMode } from './worstClientsMode';

/** Outputs: [Issues, Healthy]. */
export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const nowMs = Date.now();
	const client = new MistClient(this);
	const mode = this.getNodeParameter('mode', 0) as string;
	let failure: Error | undefined;
	try {
		if (mode === 'worstClients') return await worstClientsMode.call(this, client, nowMs);
		return mode === 'triage'
			? await triageMode.call(this, client, nowMs)
			: await sweepMode.call(this, client, nowMs);
	} catch (error) {
		failure = error as Error;
	}
	return [[itemFailure(this, 0, failure)], []];
}

function readSteps(ctx: IExecuteFunctions, itemIndex: number): DiagnosisStep[] {
	const step = String(ctx.getNodeParameter('step', itemIndex));
	const steps = step === 'all' ? [...STEPS] : [step];
	if (!steps.every(isDiagnosisStep)) {
		throw new NodeOperationError(ctx.getNode(), `Invalid Step: "${step}" is not a diagnosis step`, {
			itemIndex,
		});
	}
	return steps;
}

async function prepare(
	ctx: IExecuteFunctions,
	client: MistClient,
	nowMs: number,
	itemIndex: number,
	mode: 'sweep' | 'triage',
	opened?: OpenedSlowCache,
) {
	const steps = readSteps(ctx, itemIndex);
	const thresholds = readThresholds(ctx, itemIndex);
	const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
	// Before any Mist call: a refused n8n API key stops the node without spending Mist's rate limit.
	const { cache, location, memory } = opened ?? (await openSlowCache(ctx, nowMs, client));
	const orgId = await resolveOrgId(ctx, client, itemIndex);
	const window = readWindow(ctx, itemIndex);
	const executionId = ctx.getExecutionId?.();
	const credentialId = ctx.getNode().credentials?.mistApi?.id ?? undefined;
	const reads = executionReads({ executionId, credentialId, orgId, window });
	// Triage answers for a few items at a time and lives in the budget's reserve; sweeps are paced.
	const budget =
		mode === 'sweep' ? await openSweepBudget(ctx, client, memory, reads, options) : undefined;
	const scope = { ...readSweepScope(ctx, itemIndex, thresholds), budget };
	const collector = new MistDataCollector(
		client,
		ctx.getNode(),
		orgId,
		window,
		itemIndex,
		cache,
		reads,
		budget,
		// Like the execution's reads, only in a real execution: a bare call reads the whole window.
		executionId ? { key: JSON.stringify([credentialId ?? '', orgId]), nowMs } : undefined,
	);
	await checkSiteFilter(ctx, collector, scope, itemIndex);
	/** Added to every output item: how the event reads were made, where the cache lives, the API cost when asked, and the budget. */
	const extra = async (): Promise<IDataObject> => {
		const eventReads = await collector.eventReadReport();
		return {
			...(eventReads ? { _eventReads: eventReads } : {}),
			_cache: { ...location },
			...(options.includeRequestStats === false ? {} : { _requestStats: { ...client.stats } }),
			...(budget ? { _budget: budget.report() } : {}),
		};
	};
	return { steps, thresholds, scope, collector, options, extra, budget, memory };
}

async function sweepMode(
	this: IExecuteFunctions,
	client: MistClient,
	nowMs: number,
): Promise<INodeExecutionData[][]> {
	const opened = await openSlowCache(this, nowMs, client);
	const cadence = await stepCadence(
		this,
		opened.memory,
		this.getNodeParameter('options', 0, {}) as IDataObject,
		nowMs,
	);
	// Its turn has not come (Check At Most Every): nothing read, not even the budget's ledger.
	if (!cadence.due) return notDueOutputs(this, readSteps(this, 0), cadence);
	const { steps, thresholds, scope, collector, options, extra, budget, memory } = await prepare(
		this,
		client,
		nowMs,
		0,
		'sweep',
		opened,
	);
	const budgetProblem = budget?.startProblem();
	if (budgetProblem) {
		await recordSweepBudget(this, budget);
		return skippedSweep(this, steps, budgetProblem, await extra());
	}
	const outputOptions = {
		healthyOutput: String(options.healthyOutput ?? 'sites'),
		healthyBelow: readHealthySeverity(this, options),
		includeSymptoms: options.includeSymptoms === true,
		steps,
	};
	// Chained after an earlier step's Healthy output: examine the sites that passed it, and only those.
	const passed = sitesFromHealthyInput(this.getInputData());
	const sites = passed ? restrictSites(scope.siteFilter, passed) : scope.siteFilter;
	const emptyRun = { findings: [], healthy: [], siteNames: {}, deviceNames: {} };
	const nothingToCheck = passed && sites.size === 0;
	const coverage = nothingToCheck
		? undefined
		: await openCoverage(this, opened.cache, collector.orgId, steps, options, nowMs);
	// The site list is at most one coverage period old: a new site is in the next period's rotation.
	if (coverage) collector.keepSiteListAtMost(coverage.periodMs);
	const stepScope = { ...scope, siteFilter: sites, coverage };
	const outcome = nothingToCheck
		? emptyRun
		: await runSteps(collector, steps, stepScope, thresholds, nowMs);
	const explained = await explainOutcome(collector, outcome, thresholds, nowMs);
	const covered = coverage
		? await closeCoverage(opened.cache, collector, stepScope, coverage, outcome.findings)
		: undefined;
	await recordSweepBudget(this, budget);
	await recordCheck(this, memory, cadence, nowMs);
	return sweepOutputs(
		outcome,
		explained,
		{ ...outputOptions, clientsReadAt: covered?.readAt },
		{ ...(await extra()), ...(covered ? { _coverage: covered.summary } : {}) },
	);
}

/**
 * A sweep the API budget cannot afford: nothing read; on Issues a not-checked marker (alerts do
 * not count the run as clean), on Healthy one item saying why (a chain goes on).
 */
function skippedSweep(
	ctx: IExecuteFunctions,
	steps: DiagnosisStep[],
	problem: string,
	extra: IDataObject,
): INodeExecutionData[][] {
	const summary = `Sweep of ${steps.join(', ')} skipped to stay within the Mist API budget: ${problem}.`;
	warnInOutputPane(ctx, summary);
	return [
		[
			{
				json: { ...notCheckedMarker(steps, 'apiBudget', summary), ...extra },
				pairedItem: { item: 0 },
			},
		],
		[
			{
				json: { kind: SWEEP_SKIPPED, level: 'org', steps, summary, ...extra },
				pairedItem: { item: 0 },
			},
		],
	];
}

/** The sites that passed the earlier step, within the node's own Site IDs (when it has any). */
function restrictSites(configured: Set<string>, passed: Set<string>): Set<string> {
	if (configured.size === 0) return passed;
	return new Set([...passed].filter((siteId) => configured.has(siteId)));
}

function readHealthySeverity(ctx: IExecuteFunctions, options: IDataObject): Severity {
	const value = String(options.healthyBelow ?? 'major');
	if ((SEVERITIES as readonly string[]).includes(value)) return value as Severity;
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid Healthy Below: "${value.slice(0, 40)}" is not one of ${SEVERITIES.join(', ')}`,
	);
}

async function triageMode(
	this: IExecuteFunctions,
	client: MistClient,
	nowMs: number,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const {
		steps,
		thresholds,
		scope,
		collector,
		options,
		extra: outputExtra,
	} = await prepare(this, client, nowMs, 0, 'triage');
	const kind = this.getNodeParameter('itemKind', 0, 'client') as ItemKind;
	const issues: INodeExecutionData[] = [];
	const healthy: INodeExecutionData[] = [];
	const targets: TriageTarget[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const rawMac = String(this.getNodeParameter('itemMac', itemIndex, '') ?? '');
		const mac = normalizeMac(rawMac);
		if (!mac) {
			const error = new NodeOperationError(
				this.getNode(),
				`Invalid MAC: ${rawMac.trim() ? `"${rawMac.slice(0, 40)}" is not a MAC address` : 'it is empty'}`,
				{
					description:
						'Set MAC to the field holding the client or AP MAC of each item, e.g. {{ $json.mac }}.',
					itemIndex,
				},
			);
			issues.push(itemFailure(this, itemIndex, error));
			continue;
		}
		const siteId =
			String(this.getNodeParameter('itemSiteId', itemIndex, '') ?? '').trim() || undefined;
		targets.push({ itemIndex, mac, siteId });
	}
	// A site a webhook or an item names that the cached site list lacks is read again.
	collector.noteSites(targets.map((target) => target.siteId));
	const outcome = await triage(collector, steps, scope, thresholds, nowMs, kind, targets);
	const extra = await outputExtra();
	const includeSymptoms = options.includeSymptoms === true;
	for (const target of targets) {
		const own = outcome.findingsByItem.get(target.itemIndex) ?? [];
		const explained = await explainOutcome(
			collector,
			{ ...outcome, findings: own },
			thresholds,
			nowMs,
		);
		const findings = includeSymptoms
			? [...explained.rootCauses, ...explained.symptoms]
			: explained.rootCauses;
		const pairedItem = { item: target.itemIndex };
		for (const finding of findings)
			issues.push({ json: { ...finding, ...extra } as unknown as IDataObject, pairedItem });
		if (findings.length === 0) {
			const notChecked = outcome.notChecked.get(target.itemIndex);
			healthy.push({
				json: {
					...items[target.itemIndex].json,
					diagnosis: { steps, healthy: true, ...(notChecked ? { notChecked } : {}) },
					...extra,
				},
				pairedItem,
			});
		}
	}
	// Triage is not paced (it answers in the reserve), but its calls count against the sweeps' room.
	await recordCallsInBudget(this, client.stats);
	return [issues, healthy];
}
