/**
 * Places where the Mist OpenAPI spec is known to differ from the real API: a response may carry
 * properties the spec does not declare, or leave out properties it requires. Each entry says why,
 * with its evidence (test/fixtures/real-shapes/ holds the real samples); everything else stays
 * strict. A validator built with these gaps reports such properties as "tolerated", not violations.
 */

export interface KnownSpecGap {
	/** operationIds, `WEBHOOK <topic>` (hyphenated), or `<operationId> <status>` for an error response. */
	where: string[];
	/** Properties the real API returns although the spec's `additionalProperties: false` forbids them. */
	properties?: string[];
	/** Properties the spec requires that real payloads leave out. */
	missing?: string[];
	/** Query parameters the real API takes although the operation does not declare them. */
	queryParameters?: string[];
	reason: string;
}

const CLIENT_EVENT_OPERATIONS = [
	'searchOrgWirelessClientEvents',
	'searchSiteWirelessClientEvents',
	'getSiteEventsForClient',
];

export const KNOWN_SPEC_GAPS: readonly KnownSpecGap[] = [
	{
		where: CLIENT_EVENT_OPERATIONS,
		properties: ['mac', 'reason_code', 'status_code', 'rssi', 'snr'],
		reason:
			'The response_events_search schema omits mac, reason_code, status_code, rssi and snr; real client events carry them and third-party code reads them.',
	},
	{
		where: CLIENT_EVENT_OPERATIONS,
		properties: ['site_id', 'has_pcap', 'pcap_url'],
		reason:
			'test/fixtures/real-shapes/client-events-search.md §2 (code run against a live org): "each event includes a site_id"; auth failures come in up to three copies differing in has_pcap/pcap_url.',
	},
	{
		where: ['WEBHOOK alarms'],
		properties: ['group', 'severity', 'hostnames'],
		reason:
			'The alarms webhook schema omits group, severity and hostnames; real alarm events carry them (listAlarmDefinitions, /const/alarm_defs, lists each type with its group and severity).',
	},
	{
		where: ['searchOrgAlarms', 'searchSiteAlarms'],
		missing: ['group', 'severity'],
		reason:
			'test/fixtures/real-shapes/webhooks.md (Juniper doc sample): a rogue-ap-detected alarm carries neither group nor severity; they are looked up by type in /const/alarm_defs.',
	},
	{
		where: ['WEBHOOK device-updowns'],
		properties: ['mac', 'device_name', 'device_type', 'reason', 'ev_type', 'text'],
		missing: ['ap', 'ap_name'],
		reason:
			'test/fixtures/real-shapes/webhooks.md: parsers of real device-updowns payloads (mist-lib, mwtt) require mac and device_name and read device_type, reason, ev_type and text; switch (SW_*) and gateway (GW_*) up/downs name no AP.',
	},
	{
		where: ['listSiteSleImpactedWirelessClients', 'listSiteSleImpactedAps'],
		queryParameters: ['limit', 'page'],
		reason:
			'The SLE impacted-* operations declare no page or limit parameter, although their responses report page, limit and total_count; the real endpoints page with them.',
	},
	{
		where: ['* 404'],
		properties: ['detail'],
		reason:
			"The spec's response_http404 declares only `id`; Mist answers errors as {detail} (simulator design, same shape as 400/401/429).",
	},
];

/**
 * True when response `property` on the operation/topic `where` is a documented spec gap: an extra
 * property (`kind` 'extra', the default) or a required one real payloads leave out ('missing').
 */
export function isKnownGap(
	gaps: readonly KnownSpecGap[],
	where: string,
	status: number | undefined,
	property: string,
	kind: 'extra' | 'missing' = 'extra',
): boolean {
	return gaps.some(
		(gap) =>
			((kind === 'extra' ? gap.properties : gap.missing) ?? []).includes(property) &&
			gap.where.some(
				(place) =>
					place === where ||
					(status !== undefined && (place === `${where} ${status}` || place === `* ${status}`)),
			),
	);
}

/** True when query parameter `name` of operation `operationId` is a documented spec gap. */
export function isKnownQueryGap(
	gaps: readonly KnownSpecGap[],
	operationId: string,
	name: string,
): boolean {
	return gaps.some(
		(gap) => (gap.queryParameters ?? []).includes(name) && gap.where.includes(operationId),
	);
}
