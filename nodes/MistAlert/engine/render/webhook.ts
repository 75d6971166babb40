import type { Notice } from '../types';
import { titleOf } from './format';

/** A stable, documented JSON body for a generic webhook (HTTP Request node) or an ITSM integration. */
export function renderWebhook(notice: Notice) {
	return {
		schema: 'mist-alert/v1',
		kind: notice.kind,
		tier: notice.tier,
		status:
			notice.kind === 'resolved'
				? 'resolved'
				: notice.kind === 'acknowledge'
					? 'acknowledged'
					: 'firing',
		title: titleOf(notice),
		groupKey: notice.groupKey,
		groupKeys: notice.groupKeys,
		digest: notice.digest,
		labels: notice.labels,
		repeat: notice.repeat,
		stillOpen: notice.stillOpen,
		generatedAt: notice.generatedAt,
		incidents: notice.incidents.map(({ evidence, isNew, ...rest }) => ({
			...rest,
			new: isNew,
			evidence,
		})),
	};
}
