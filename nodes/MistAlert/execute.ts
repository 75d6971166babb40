import omit from 'lodash/omit';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { evaluate } from './engine/evaluate';
import type { IndexedAck } from './engine/evaluate';
import type { RunFinding } from './engine/incidents';
import { classifyItem } from './engine/input';
import { renderNotice } from './engine/render';
import { loadState } from './engine/state';
import type { Notice, NoticeTier } from './engine/types';
import { toView } from './engine/views';
import { readAlertConfig } from './settings';
import { itemFailure } from '../shared/utils/perItem';

/** Output order: Tier 1 Chat, Tier 2 Email, Tier 3 Pager, Resolved, Invalid. */
const OUTPUT_OF: Record<NoticeTier, number> = { tier1: 0, tier2: 1, tier3: 2, resolved: 3 };
const INVALID_OUTPUT = 4;
const STATE_KEY = 'alertState';

function pairedItems(indexes: number[], itemCount: number): IPairedItemData[] {
	// Resolutions come from absent findings: pair them with the run's first item.
	const list = indexes.length ? indexes : [0];
	return list.filter((index) => index < Math.max(1, itemCount)).map((item) => ({ item }));
}

export async function executeMistAlert(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const operation = this.getNodeParameter('operation', 0) as string;
	const config = readAlertConfig(this, operation);
	// One clock reading per execution keeps every decision in this run consistent.
	const now = Date.now();
	const outputs: INodeExecutionData[][] = [[], [], [], [], []];
	const staticData = this.getWorkflowStaticData('node');
	const state = loadState(staticData[STATE_KEY]);

	if (operation === 'getIncidents') {
		outputs[0] = Object.values(state.incidents)
			.filter((incident) => incident.status !== 'pending')
			.map((incident) => ({
				json: { kind: 'incident', groupKey: incident.groupKey, ...toView(incident, false) } as unknown as IDataObject,
				pairedItem: { item: 0 },
			}));
		return outputs;
	}

	const findings: RunFinding[] = [];
	let partial = false;
	const acks: IndexedAck[] = [];
	const reject = (itemIndex: number, message: string) =>
		outputs[INVALID_OUTPUT].push(itemFailure(this, itemIndex, message, { item: items[itemIndex].json }));
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const classified = classifyItem(items[itemIndex].json as Record<string, unknown>);
		if (classified.type === 'invalid') reject(itemIndex, `Item ${itemIndex}: ${classified.error}`);
		else if (classified.type === 'ack') acks.push({ ...classified.ack, itemIndex });
		else if (classified.type === 'upstreamError') {
			// Already handled upstream (Continue On Fail there): keep alerting, but do not resolve on missing data.
			partial = true;
			outputs[INVALID_OUTPUT].push({ json: { error: classified.error, upstream: true }, pairedItem: { item: itemIndex } });
		}
		else if (classified.type === 'finding') {
			if (operation === 'acknowledge') reject(itemIndex, `Item ${itemIndex}: the Acknowledge operation takes only items with "ack": true`);
			else findings.push({ finding: classified.finding, itemIndex });
		}
	}

	const result = evaluate(state, { findings, acks, countsAsRun: operation === 'evaluate', partial }, config, now);
	for (const failure of result.ackErrors) reject(failure.itemIndex, `Item ${failure.itemIndex}: ${failure.error}`);
	staticData[STATE_KEY] = result.state as unknown as IDataObject;

	for (const notice of result.notices) outputs[OUTPUT_OF[notice.tier]].push(toItem(notice, config, items.length));
	return outputs;
}

function toItem(notice: Notice, config: Parameters<typeof renderNotice>[1], itemCount: number): INodeExecutionData {
	return {
		json: {
			...renderNotice(notice, config),
			incidents: notice.incidents.map((view) => omit(view, 'evidence')),
		} as unknown as IDataObject,
		pairedItem: pairedItems(notice.sourceItems, itemCount),
	};
}
