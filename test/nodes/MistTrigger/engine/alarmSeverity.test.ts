import {
	withAlarmSeverity,
	needsAlarmDefinition,
} from '../../../../nodes/MistTrigger/engine/alarmSeverity';
import {
	cachedAlarmDefinitions,
	DEFINITIONS_TTL_MS,
	forgetAlarmDefinitions,
	RETRY_AFTER_FAILURE_MS,
} from '../../../../nodes/MistTrigger/engine/definitionCache';
import { NO_FILTERS, passesSeverity } from '../../../../nodes/MistTrigger/engine/filter';

const DEFINITIONS = [
	{ key: 'rogue-ap-detected', group: 'security', severity: 'warn' },
	{ key: 'device_down', group: 'infrastructure', severity: 'critical' },
	{ key: 'odd_type', group: 'marvis', severity: null },
];
/** Juniper's own alarms sample (webhook-messages.html): no severity, no group. */
const rogue = {
	topic: 'alarms',
	type: 'rogue-ap-detected',
	aps: ['5c5b35000001'],
	count: 16,
	timestamp: 1549068202,
	site_id: '4ac1dcf4-9d8b-7211-0000-000000000001',
};

describe('Mist Trigger › alarm severity from /const/alarm_defs', () => {
	it('takes a real alarm’s severity and group from its type’s definition, and says so', () => {
		expect(needsAlarmDefinition(rogue)).toBe(true);
		expect(withAlarmSeverity(rogue, { definitions: DEFINITIONS })).toEqual({
			...rogue,
			severity: 'warn',
			group: 'security',
			severitySource: 'alarmDefinitions',
		});
	});

	it('keeps the alarm’s own severity, filling only a missing group', () => {
		const own = { ...rogue, severity: 'critical' };
		expect(withAlarmSeverity(own, { definitions: DEFINITIONS })).toEqual({
			...own,
			group: 'security',
			severitySource: 'payload',
		});
		const complete = { ...own, group: 'marvis' };
		expect(needsAlarmDefinition(complete)).toBe(false);
		expect(withAlarmSeverity(complete, undefined)).toEqual({
			...complete,
			severitySource: 'payload',
		});
	});

	it.each([
		[
			'the type is not defined',
			{ ...rogue, type: 'new_type' },
			{ definitions: DEFINITIONS },
			/"new_type" is not in \/const\/alarm_defs/,
		],
		[
			'the definition has no severity',
			{ ...rogue, type: 'odd_type' },
			{ definitions: DEFINITIONS },
			/no known severity/,
		],
		[
			'the read failed',
			rogue,
			{ failure: 'timeout of 5000ms exceeded' },
			/could not be read: timeout of 5000ms exceeded/,
		],
	])('marks the severity unknown, with the reason, when %s', (_label, event, lookup, note) => {
		const result = withAlarmSeverity(event, lookup);
		expect(result).toMatchObject({ severity: 'unknown', severitySource: 'unknown' });
		expect((result as Record<string, unknown>).severityNote).toMatch(note);
	});

	it('leaves events of other topics alone', () => {
		const updown = { topic: 'device-updowns', type: 'SW_DISCONNECTED', device_type: 'switch' };
		expect(needsAlarmDefinition(updown)).toBe(false);
		expect(withAlarmSeverity(updown, { definitions: DEFINITIONS })).toBe(updown);
	});

	it('keeps an alarm of unknown severity whatever the minimum, even when dropping severity-less events', () => {
		const filters = { ...NO_FILTERS, minSeverity: 'critical' as const, dropWithoutSeverity: true };
		const unknown = withAlarmSeverity(rogue, { failure: 'HTTP 500' });
		expect(passesSeverity(unknown, filters)).toBe(true);
		expect(passesSeverity(withAlarmSeverity(rogue, { definitions: DEFINITIONS }), filters)).toBe(
			false,
		);
		expect(passesSeverity({ topic: 'nac-events' }, filters)).toBe(false);
	});
});

describe('Mist Trigger › alarm definitions cache', () => {
	beforeEach(() => forgetAlarmDefinitions());

	it('reads once an hour per cloud', async () => {
		let now = 1_000_000;
		const read = jest.fn(async () => DEFINITIONS);
		const clock = () => now;
		await cachedAlarmDefinitions('https://api.mist.com', read, { now: clock });
		now += DEFINITIONS_TTL_MS - 1;
		expect(await cachedAlarmDefinitions('https://api.mist.com', read, { now: clock })).toEqual({
			definitions: DEFINITIONS,
		});
		expect(read).toHaveBeenCalledTimes(1);
		await cachedAlarmDefinitions('https://api.eu.mist.com', read, { now: clock });
		expect(read).toHaveBeenCalledTimes(2);
		now += 2;
		await cachedAlarmDefinitions('https://api.mist.com', read, { now: clock });
		expect(read).toHaveBeenCalledTimes(3);
	});

	it('shares one read between deliveries arriving while it is under way', async () => {
		let finish: (value: typeof DEFINITIONS) => void = () => undefined;
		const read = jest.fn(() => new Promise<typeof DEFINITIONS>((resolve) => (finish = resolve)));
		const first = cachedAlarmDefinitions('https://api.mist.com', read);
		const second = cachedAlarmDefinitions('https://api.mist.com', read);
		finish(DEFINITIONS);
		expect(await Promise.all([first, second])).toEqual([
			{ definitions: DEFINITIONS },
			{ definitions: DEFINITIONS },
		]);
		expect(read).toHaveBeenCalledTimes(1);
	});

	it('after a failure, answers with the failure and tries again only after five minutes', async () => {
		let now = 5_000_000;
		const clock = () => now;
		const read = jest
			.fn<Promise<typeof DEFINITIONS>, []>()
			.mockRejectedValueOnce(new Error('Request failed with status code 503'))
			.mockResolvedValue(DEFINITIONS);
		expect(await cachedAlarmDefinitions('https://api.mist.com', read, { now: clock })).toEqual({
			failure: 'Request failed with status code 503',
		});
		now += RETRY_AFTER_FAILURE_MS - 1;
		expect(await cachedAlarmDefinitions('https://api.mist.com', read, { now: clock })).toEqual({
			failure: 'Request failed with status code 503',
		});
		now += 2;
		expect(await cachedAlarmDefinitions('https://api.mist.com', read, { now: clock })).toEqual({
			definitions: DEFINITIONS,
		});
		expect(read).toHaveBeenCalledTimes(2);
	});
});
