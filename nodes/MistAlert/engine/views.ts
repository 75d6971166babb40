import { ruleTitle } from '../../shared/findings/titles';
import { entityName, targetOf } from './grouping';
import type { IncidentRecord, IncidentView } from './types';

export function toView(incident: IncidentRecord, isNew: boolean): IncidentView {
	const finding = incident.finding;
	return {
		fingerprint: incident.fingerprint,
		rule: finding.rule,
		title: ruleTitle(finding.rule),
		severity: finding.severity,
		summary: finding.summary,
		orgId: finding.scope.org_id,
		siteId: finding.scope.site_id,
		siteName: finding.scope.site_name ?? finding.scope.site_id,
		target: targetOf(incident.fingerprint),
		entity: entityName(finding),
		level: finding.scope.level,
		step: finding.step,
		likelyCause: finding.likelyCause,
		remediation: finding.remediation.description,
		evidence: finding.evidence,
		status: incident.status,
		firstSeen: incident.firstSeen,
		lastSeen: incident.lastSeen,
		openedAt: incident.openedAt,
		resolvedAt: incident.resolvedAt,
		runsSeen: incident.runsSeen,
		findingCount: finding.count,
		acknowledged: incident.acknowledged,
		isNew,
	};
}
