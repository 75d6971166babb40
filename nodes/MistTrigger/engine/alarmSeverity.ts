import { findAlarmDefinition, lacksDefinition } from '../../shared/alarmDefinitions';
import type { AlarmDefinition } from '../../shared/alarmDefinitions';
import { normalizeSeverity } from './filter';

/** Where an alarm's `severity` in the output came from. */
export type SeveritySource = 'payload' | 'alarmDefinitions' | 'unknown';

/** Severity marking an alarm whose severity could not be determined. */
export const UNKNOWN_SEVERITY = 'unknown';

/** The alarm definitions of the cloud, or why they could not be read. */
export type DefinitionsLookup = { definitions: AlarmDefinition[] } | { failure: string };

type Event = Record<string, unknown> & { topic: string };

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/** An alarm that does not say its severity or group itself: its type's definition has to. */
export function needsAlarmDefinition(event: Event): boolean {
	return (
		event.topic === 'alarms' &&
		lacksDefinition({ severity: text(event.severity), group: text(event.group) })
	);
}

/**
 * Gives an alarm the severity (and group) of its type's definition when it carries none, and says
 * where the severity came from. An alarm whose severity stays unknown is marked so, with the reason,
 * rather than dropped: a failed lookup must not hide alarms. Events of other topics are unchanged.
 */
export function withAlarmSeverity<E extends Event>(event: E, lookup?: DefinitionsLookup): E {
	if (event.topic !== 'alarms') return event;
	const definition =
		lookup && 'definitions' in lookup
			? findAlarmDefinition(lookup.definitions, event.type)
			: undefined;
	const group = text(event.group) ?? text(definition?.group);
	const withGroup = group ? { group } : {};
	if (text(event.severity))
		return { ...event, ...withGroup, severitySource: 'payload' satisfies SeveritySource };
	const defined = text(definition?.severity);
	if (defined && normalizeSeverity(defined)) {
		return {
			...event,
			...withGroup,
			severity: defined,
			severitySource: 'alarmDefinitions' satisfies SeveritySource,
		};
	}
	const type = typeof event.type === 'string' ? event.type.slice(0, 80) : '';
	let severityNote: string;
	if (!lookup) severityNote = 'The alarm carries no severity and /const/alarm_defs was not read';
	else if ('failure' in lookup)
		severityNote = `The alarm carries no severity and /const/alarm_defs could not be read: ${lookup.failure}`;
	else if (definition)
		severityNote = `/const/alarm_defs gives alarm type "${type}" no known severity`;
	else severityNote = `Alarm type "${type}" is not in /const/alarm_defs`;
	return {
		...event,
		...withGroup,
		severity: UNKNOWN_SEVERITY,
		severitySource: 'unknown' satisfies SeveritySource,
		severityNote,
	};
}
