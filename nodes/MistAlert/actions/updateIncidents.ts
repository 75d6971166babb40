import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { itemFailure } from '../../shared/utils/perItem';
import { evaluate } from '../engine/evaluate';
import type { IndexedAck } from '../engine/evaluate';
import type { RunFinding } from '../engine/incidents';
import { classifyItem } from '../engine/input';
import { changeIncidents, openIncidentMemory, reporterOf, withLocation } from './incidentStore';
import { emptyOutputs, INVALID_OUTPUT, noticeItem, OUTPUT_OF } from './outputs';
import { readPagerDutyRouting } from './pagerDutyKey';
import { readAlertConfig } from './settings';

/**
 * Evaluate and Acknowledge: sorts the items into findings, acknowledgements and invalid items,
 * updates the incidents kept in the node's memory and sends each notice now due to its tier's
 * output. Only Evaluate counts as a monitoring run (and takes findings).
 */
export async function updateIncidents(
	this: IExecuteFunctions,
	operation: 'evaluate' | 'acknowledge',
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const config = readAlertConfig(this, operation);
	// One clock reading per execution keeps every decision in this run consistent.
	const now = Date.now();
	const outputs = emptyOutputs();

	const findings: RunFinding[] = [];
	let partial = false;
	const unchecked = new Set<string>();
	const acks: IndexedAck[] = [];
	const reject = (itemIndex: number, message: string) =>
		outputs[INVALID_OUTPUT].push(
			itemFailure(this, itemIndex, message, { item: items[itemIndex].json }),
		);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const classified = classifyItem(items[itemIndex].json as Record<string, unknown>);
		if (classified.type === 'invalid') reject(itemIndex, `Item ${itemIndex}: ${classified.error}`);
		else if (classified.type === 'ack') acks.push({ ...classified.ack, itemIndex });
		else if (classified.type === 'notChecked')
			for (const step of classified.steps) unchecked.add(step);
		else if (classified.type === 'upstreamError') {
			// Already handled upstream (Continue On Fail there): keep alerting, but do not resolve on missing data.
			partial = true;
			outputs[INVALID_OUTPUT].push({
				json: { error: classified.error, upstream: true },
				pairedItem: { item: itemIndex },
			});
		} else if (classified.type === 'finding') {
			if (operation === 'acknowledge')
				reject(
					itemIndex,
					`Item ${itemIndex}: the Acknowledge operation takes only items with "ack": true`,
				);
			else findings.push({ finding: classified.finding, itemIndex });
		}
	}

	const memory = await openIncidentMemory(this);
	const reporter = operation === 'evaluate' ? reporterOf(this) : undefined;
	const input = {
		findings,
		acks,
		countsAsRun: operation === 'evaluate',
		partial,
		unchecked,
		reporter,
	};
	// An execution that stops on a bad acknowledgement changes nothing, as before the memory.
	const keepsGoing = this.continueOnFail();
	const result = await changeIncidents(this, memory, reporter, (state) => {
		const { notices, ackErrors } = evaluate(state, input, config, now);
		return { write: keepsGoing || ackErrors.length === 0, result: { notices, ackErrors } };
	});
	for (const failure of result.ackErrors)
		reject(failure.itemIndex, `Item ${failure.itemIndex}: ${failure.error}`);

	// Every run, so that a deprecated key parameter is flagged even on runs without a page.
	const pager = await readPagerDutyRouting(this);
	for (const notice of result.notices)
		outputs[OUTPUT_OF[notice.tier]].push(noticeItem(notice, config, items.length, pager));
	return withLocation(outputs, memory.location);
}
