/**
 * `GET /const/alarm_defs`: Mist's definition of every alarm type (its group and severity). Real
 * alarms, such as Juniper's own `rogue-ap-detected` sample, may carry neither: both Mist Diagnose
 * (alarm search results) and the Mist Trigger (alarms webhook deliveries) look them up here.
 */
import { z } from 'zod';

export const ALARM_DEFINITIONS_PATH = '/const/alarm_defs';

/** One entry of `/const/alarm_defs`, reduced to what the nodes use. */
export interface AlarmDefinition {
	key: string;
	group?: string | null;
	severity?: string | null;
}

/** The answer of `/const/alarm_defs`; other fields of an entry (display, fields…) pass through. */
export const alarmDefinitionsSchema = z.array(
	z
		.object({ key: z.string(), group: z.string().nullish(), severity: z.string().nullish() })
		.passthrough(),
);

/** Keeps only key, group and severity of validated entries. */
export function toAlarmDefinitions(
	entries: z.infer<typeof alarmDefinitionsSchema>,
): AlarmDefinition[] {
	return entries.map(({ key, group, severity }) => ({ key, group, severity }));
}

/** The definitions in a raw answer, or undefined when it is not shaped as `/const/alarm_defs`. */
export function parseAlarmDefinitions(body: unknown): AlarmDefinition[] | undefined {
	const parsed = alarmDefinitionsSchema.safeParse(body);
	return parsed.success ? toAlarmDefinitions(parsed.data) : undefined;
}

/** The definition of an alarm type; types are matched exactly, then ignoring case. */
export function findAlarmDefinition(
	definitions: AlarmDefinition[],
	type: unknown,
): AlarmDefinition | undefined {
	if (typeof type !== 'string' || type === '') return undefined;
	const lower = type.toLowerCase();
	return (
		definitions.find((definition) => definition.key === type) ??
		definitions.find((definition) => definition.key.toLowerCase() === lower)
	);
}

type Classified = { type?: unknown; severity?: string | null; group?: string | null };

/** Real alarms (Juniper's own `rogue-ap-detected` sample) may carry neither severity nor group. */
export const lacksDefinition = (alarm: Classified) => !alarm.severity || !alarm.group;

/** Gives each alarm without a severity or group those of its type's definition; others are kept as they are. */
export function withAlarmDefinitions<A extends Classified>(
	alarms: A[],
	definitions: AlarmDefinition[],
): A[] {
	return alarms.map((alarm) => {
		if (!lacksDefinition(alarm)) return alarm;
		const definition = findAlarmDefinition(definitions, alarm.type);
		if (!definition) return alarm;
		return {
			...alarm,
			severity: alarm.severity || definition.severity,
			group: alarm.group || definition.group,
		};
	});
}
