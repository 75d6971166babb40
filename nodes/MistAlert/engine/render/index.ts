import type { AlertConfig, Notice } from '../types';
import { renderEmail } from './email';
import { titleOf } from './format';
import { renderPagerDuty } from './pagerduty';
import { renderSlack } from './slack';
import { renderTeams } from './teams';
import { renderWebhook } from './webhook';

/**
 * Everything one output item carries: ready-to-send bodies for each supported channel. The
 * PagerDuty routing key is a secret: only Tier 3 (pages, their acknowledgements and resolves) gets
 * it, so chat, email and resolved items never carry it.
 */
export function renderNotice(
	notice: Notice,
	config: Pick<AlertConfig, 'maxListed' | 'dashboardUrl'>,
	pagerDutyRoutingKey?: string,
) {
	return {
		notice: notice.kind,
		tier: notice.tier,
		title: titleOf(notice),
		groupKey: notice.groupKey,
		groupKeys: notice.groupKeys,
		digest: notice.digest,
		labels: notice.labels,
		incidentCount: notice.incidents.length,
		fingerprints: notice.incidents.map((incident) => incident.fingerprint),
		slack: renderSlack(notice, config.maxListed, config.dashboardUrl),
		teams: renderTeams(notice, config.maxListed, config.dashboardUrl),
		email: renderEmail(notice, config.maxListed, config.dashboardUrl),
		pagerduty: renderPagerDuty(notice, notice.tier === 'tier3' ? pagerDutyRoutingKey : undefined),
		webhook: renderWebhook(notice),
	};
}

export { dedupKey, PAGERDUTY_SEVERITY } from './pagerduty';
