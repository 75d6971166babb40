/**
 * Places where the Mist OpenAPI spec is known to be narrower than the real API, so a response
 * may carry properties the spec does not declare. Each entry says why; everything else stays strict.
 * A validator built with these gaps reports such properties as "tolerated" instead of violations.
 */

export interface KnownSpecGap {
	/** operationIds, `WEBHOOK <topic>` (hyphenated), or `<operationId> <status>` for an error response. */
	where: string[];
	/** Properties the real API returns although the spec's `additionalProperties: false` forbids them. */
	properties?: string[];
	/** Query parameters the real API takes although the operation does not declare them. */
	queryParameters?: string[];
	reason: string;
}

const CLIENT_EVENT_OPERATIONS = ['searchOrgWirelessClientEvents', 'searchSiteWirelessClientEvents', 'getSiteEventsForClient'];

export const KNOWN_SPEC_GAPS: readonly KnownSpecGap[] = [
	{
		where: CLIENT_EVENT_OPERATIONS,
		properties: ['mac', 'reason_code', 'status_code', 'rssi', 'snr'],
		reason:
			'The response_events_search schema omits mac, reason_code, status_code, rssi and snr; real client events carry them and third-party code reads them.',
	},
	{
		where: ['WEBHOOK alarms'],
		properties: ['group', 'severity', 'hostnames'],
		reason:
			'The alarms webhook schema omits group, severity and hostnames; real alarm events carry them (listAlarmDefinitions, /const/alarm_defs, lists each type with its group and severity).',
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
		reason: "The spec's response_http404 declares only `id`; Mist answers errors as {detail} (simulator design, same shape as 400/401/429).",
	},
];

/** True when response `property` on the operation/topic `where` is a documented spec gap. */
export function isKnownGap(gaps: readonly KnownSpecGap[], where: string, status: number | undefined, property: string): boolean {
	return gaps.some(
		(gap) =>
			(gap.properties ?? []).includes(property) &&
			gap.where.some((place) => place === where || (status !== undefined && (place === `${where} ${status}` || place === `* ${status}`))),
	);
}

/** True when query parameter `name` of operation `operationId` is a documented spec gap. */
export function isKnownQueryGap(gaps: readonly KnownSpecGap[], operationId: string, name: string): boolean {
	return gaps.some((gap) => (gap.queryParameters ?? []).includes(name) && gap.where.includes(operationId));
}
