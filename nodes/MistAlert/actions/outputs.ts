import omit from 'lodash/omit';
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { renderNotice } from '../engine/render';
import type { AlertConfig, Notice, NoticeTier } from '../engine/types';
import type { PagerDutyRouting } from './pagerDutyKey';

/** Output order: Tier 1 Chat, Tier 2 Email, Tier 3 Pager, Resolved, Invalid. */
export const OUTPUT_OF: Record<NoticeTier, number> = { tier1: 0, tier2: 1, tier3: 2, resolved: 3 };
export const INVALID_OUTPUT = 4;

export function emptyOutputs(): INodeExecutionData[][] {
	return [[], [], [], [], []];
}

function pairedItems(indexes: number[], itemCount: number): IPairedItemData[] {
	// Resolutions come from absent findings: pair them with the run's first item.
	const list = indexes.length ? indexes : [0];
	return list.filter((index) => index < Math.max(1, itemCount)).map((item) => ({ item }));
}

/**
 * A notice rendered for its channel, paired with the items of the findings behind it. Tier 3 items
 * get the routing key (inside `pagerduty` only) and say in `pagerdutyNote` when something is off.
 */
export function noticeItem(
	notice: Notice,
	config: AlertConfig,
	itemCount: number,
	pager: PagerDutyRouting = {},
): INodeExecutionData {
	const tier3 = notice.tier === 'tier3';
	return {
		json: {
			...renderNotice(notice, config, tier3 ? pager.routingKey : undefined),
			...(tier3 && pager.note ? { pagerdutyNote: pager.note } : {}),
			incidents: notice.incidents.map((view) => omit(view, 'evidence')),
		} as unknown as IDataObject,
		pairedItem: pairedItems(notice.sourceItems, itemCount),
	};
}
