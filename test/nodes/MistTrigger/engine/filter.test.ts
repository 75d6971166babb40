import {
	filterEvents,
	NO_FILTERS,
	normalizeSeverity,
	passesFilters,
} from '../../../../nodes/MistTrigger/engine/filter';
import type { EventFilters } from '../../../../nodes/MistTrigger/engine/filter';

const SITE_A = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
const SITE_B = '2f5b7a88-0000-4000-8000-000000000002';

const alarmCritical = {
	topic: 'alarms',
	type: 'device_down',
	severity: 'critical',
	site_id: SITE_A,
};
const alarmWarn = { topic: 'alarms', type: 'rogue_ap', severity: 'warn', site_id: SITE_B };
const alarmWarning = { topic: 'alarms', type: 'rogue_ap', severity: 'Warning', site_id: SITE_B };
const alarmMinor = { topic: 'alarms', type: 'switch_down', severity: 'minor', site_id: SITE_A };
const alarmNoSeverity = { topic: 'alarms', type: 'device_down', site_id: SITE_A };
const apDown = { topic: 'device-updowns', type: 'AP_DISCONNECTED', site_id: SITE_A };
const portDown = { topic: 'device-events', type: 'SW_PORT_DOWN', site_id: SITE_B };
const audit = { topic: 'audits', message: 'Update WLAN', site_id: null };

const all = [
	alarmCritical,
	alarmWarn,
	alarmWarning,
	alarmMinor,
	alarmNoSeverity,
	apDown,
	portDown,
	audit,
];

const filters = (overrides: Partial<EventFilters>): EventFilters => ({
	...NO_FILTERS,
	...overrides,
});

describe('Mist Trigger › filters', () => {
	it('lets everything through without filters', () => {
		expect(filterEvents(all, NO_FILTERS)).toEqual(all);
	});

	it.each<[string, Partial<EventFilters>, object[]]>([
		['topic', { topics: ['device-updowns', 'AUDITS'] }, [apDown, audit]],
		['event type (exact, case-insensitive)', { eventTypes: ['ap_disconnected'] }, [apDown]],
		[
			'event type prefix',
			{ eventTypes: ['SW_*', 'device_*'] },
			[alarmCritical, alarmNoSeverity, portDown],
		],
		[
			'alarm type (other topics untouched)',
			{ alarmTypes: ['rogue_ap'] },
			[alarmWarn, alarmWarning, apDown, portDown, audit],
		],
		[
			'site id (any case; no site_id is dropped)',
			{ siteIds: [SITE_B.toUpperCase()] },
			[alarmWarn, alarmWarning, portDown],
		],
		[
			'minimum severity major',
			{ minSeverity: 'major' },
			[alarmCritical, alarmNoSeverity, apDown, portDown, audit],
		],
		[
			'minimum severity warn (warning counts as warn)',
			{ minSeverity: 'warn' },
			[
				alarmCritical,
				alarmWarn,
				alarmWarning,
				alarmMinor,
				alarmNoSeverity,
				apDown,
				portDown,
				audit,
			],
		],
		[
			'minimum severity minor, dropping events without severity',
			{ minSeverity: 'minor', dropWithoutSeverity: true },
			[alarmCritical, alarmMinor],
		],
		[
			'several filters at once',
			{ topics: ['alarms'], siteIds: [SITE_A], minSeverity: 'minor', dropWithoutSeverity: true },
			[alarmCritical, alarmMinor],
		],
	])('filters by %s', (_label, overrides, expected) => {
		expect(filterEvents(all, filters(overrides))).toEqual(expected);
	});

	it('drops events without a type when event types are set', () => {
		expect(passesFilters(audit, filters({ eventTypes: ['*'] }))).toBe(false);
		expect(passesFilters(apDown, filters({ eventTypes: ['*'] }))).toBe(true);
	});

	it.each([
		['critical', 'critical'],
		['MAJOR', 'major'],
		['minor', 'minor'],
		['warn', 'warn'],
		['warning', 'warn'],
		['info', 'info'],
		['Informational', 'info'],
		['error', undefined],
		[3, undefined],
	])('reads severity %p as %p', (value, expected) => {
		expect(normalizeSeverity(value)).toBe(expected);
	});
});
