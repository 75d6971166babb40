/**
 * Which events the trigger passes on. Every list is optional: an empty list lets everything through.
 */
export interface EventFilters {
	/** Envelope topics, e.g. alarms, device-updowns. */
	topics: string[];
	/** Values of the event's `type`; a trailing `*` matches a prefix (AP_*). Case-insensitive. */
	eventTypes: string[];
	/** Alarm types (`type` of events on the alarms topic); events of other topics are not affected. */
	alarmTypes: string[];
	/** Site ids; an event without `site_id` does not belong to any of them. */
	siteIds: string[];
	/** Lowest severity to keep; undefined keeps every severity. */
	minSeverity?: Severity;
	/**
	 * Whether events that carry no (known) severity are dropped when minSeverity is set. Alarms whose
	 * severity could not be looked up (severitySource 'unknown') are always kept.
	 */
	dropWithoutSeverity: boolean;
}

export const NO_FILTERS: EventFilters = {
	topics: [],
	eventTypes: [],
	alarmTypes: [],
	siteIds: [],
	dropWithoutSeverity: false,
};

/**
 * Mist alarm severities from lowest to highest. Marvis alarms are critical or warn, infrastructure
 * and security alarms use the full scale; "warning" and "information" are read as warn and info.
 */
export const SEVERITIES = ['info', 'warn', 'minor', 'major', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

const SEVERITY_ALIASES: Record<string, Severity> = {
	informational: 'info',
	information: 'info',
	warning: 'warn',
};

export function normalizeSeverity(value: unknown): Severity | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim().toLowerCase();
	if ((SEVERITIES as readonly string[]).includes(text)) return text as Severity;
	return SEVERITY_ALIASES[text];
}

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

function matchesPattern(value: unknown, patterns: string[]): boolean {
	if (typeof value !== 'string') return false;
	const text = value.toLowerCase();
	return patterns.some((pattern) => {
		const wanted = pattern.toLowerCase();
		return wanted.endsWith('*') ? text.startsWith(wanted.slice(0, -1)) : text === wanted;
	});
}

/** Whether an event is severe enough; run it after the alarm severities were looked up. */
export function passesSeverity(event: Record<string, unknown>, filters: EventFilters): boolean {
	if (!filters.minSeverity) return true;
	// A failed or unanswered lookup must not hide an alarm: it goes on, marked unknown.
	if (event.severitySource === 'unknown') return true;
	const severity = normalizeSeverity(event.severity);
	if (!severity) return !filters.dropWithoutSeverity;
	return severityRank(severity) >= severityRank(filters.minSeverity);
}

/** Whether one event passes the topic, type and site filters (everything but severity). */
export function passesScopeFilters(
	event: Record<string, unknown> & { topic: string },
	filters: EventFilters,
): boolean {
	if (filters.topics.length > 0 && !matchesPattern(event.topic, filters.topics)) return false;
	if (filters.eventTypes.length > 0 && !matchesPattern(event.type, filters.eventTypes))
		return false;
	if (
		filters.alarmTypes.length > 0 &&
		event.topic === 'alarms' &&
		!matchesPattern(event.type, filters.alarmTypes)
	) {
		return false;
	}
	if (filters.siteIds.length > 0) {
		const siteId = typeof event.site_id === 'string' ? event.site_id.toLowerCase() : '';
		if (!filters.siteIds.some((wanted) => wanted.toLowerCase() === siteId)) return false;
	}
	return true;
}

/** Whether one event (already carrying its envelope `topic`) passes every configured filter. */
export function passesFilters(
	event: Record<string, unknown> & { topic: string },
	filters: EventFilters,
): boolean {
	return passesScopeFilters(event, filters) && passesSeverity(event, filters);
}

export function filterEvents<T extends Record<string, unknown> & { topic: string }>(
	events: T[],
	filters: EventFilters,
): T[] {
	return events.filter((event) => passesFilters(event, filters));
}
