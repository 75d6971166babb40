import type { Finding } from '../../shared/findings/types';
import type { GroupLabel } from './types';
import { GROUP_LABELS } from './types';

function labelValue(finding: Finding, label: GroupLabel): string {
	switch (label) {
		case 'ap':
			return finding.scope.ap_mac ?? '-';
		case 'org':
			return finding.scope.org_id;
		case 'rule':
			return finding.rule;
		case 'severity':
			return finding.severity;
		case 'site':
			return finding.scope.site_id || '-';
		case 'step':
			return finding.step;
	}
}

/** Labels in a fixed order, so the same finding always lands in the same group whatever the option order. */
export function groupLabels(finding: Finding, groupBy: GroupLabel[]): Record<string, string> {
	const labels: Record<string, string> = { org: finding.scope.org_id };
	for (const label of GROUP_LABELS) {
		if (groupBy.includes(label)) labels[label] = labelValue(finding, label);
	}
	if (groupBy.includes('site') && finding.scope.site_name)
		labels.site_name = finding.scope.site_name;
	return labels;
}

export function groupKeyOf(finding: Finding, groupBy: GroupLabel[]): string {
	const parts = GROUP_LABELS.filter((label) => groupBy.includes(label)).map(
		(label) => `${label}=${labelValue(finding, label)}`,
	);
	return parts.length ? parts.join('|') : 'all';
}

/** The entity part of `mist:{org}:{site}:{rule}:{target}` (a target may itself contain colons). */
export function targetOf(fingerprint: string): string {
	return fingerprint.split(':').slice(4).join(':');
}

/**
 * A readable name for what the finding is about, chosen by its level first: an offline AP's scope
 * also names its uplink switch, yet the AP is what the message is about.
 */
export function entityName(finding: Finding): string {
	const scope = finding.scope;
	const client = scope.client_hostname ?? scope.client_mac;
	const ap = scope.ap_name ?? scope.ap_mac;
	const device = scope.switch_name ?? scope.switch_mac;
	const port = device && scope.port_id ? `${device} ${scope.port_id}` : device;
	const byLevel: Partial<Record<Finding['scope']['level'], string | undefined>> = {
		client,
		ap,
		switch_port: port,
		ssid: scope.ssid && `SSID ${scope.ssid}`,
		vlan: scope.vlan && `VLAN ${scope.vlan}`,
	};
	const fallback = client ?? port ?? ap ?? byLevel.ssid ?? byLevel.vlan ?? scope.username;
	return byLevel[scope.level] ?? fallback ?? scope.site_name ?? scope.site_id ?? scope.org_id;
}
