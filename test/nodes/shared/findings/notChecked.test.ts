import { notCheckedMarker, notCheckedSteps } from '../../../../nodes/shared/findings/notChecked';

describe('not-checked marker', () => {
	it('builds the marker a step puts on Issues when it did not look', () => {
		expect(notCheckedMarker(['dhcp'], 'notDue', 'dhcp waits', '2026-12-06T10:02:00.000Z')).toEqual({
			kind: 'notChecked',
			level: 'org',
			steps: ['dhcp'],
			reason: 'notDue',
			summary: 'dhcp waits',
			nextCheckAt: '2026-12-06T10:02:00.000Z',
		});
		expect(notCheckedMarker(['ap_health'], 'apiBudget', 'over budget')).not.toHaveProperty(
			'nextCheckAt',
		);
	});

	it.each([
		['a marker', { kind: 'notChecked', steps: ['dhcp', 'ap_health'] }, ['dhcp', 'ap_health']],
		['a finding', { fingerprint: 'f', step: 'dhcp' }, undefined],
		['an empty run marker', {}, undefined],
		[
			'a typo in a step',
			{ kind: 'notChecked', steps: ['dhpc'] },
			{ error: expect.stringContaining('got ["dhpc"]') },
		],
		[
			'no steps',
			{ kind: 'notChecked' },
			{ error: expect.stringContaining('"steps" must list diagnosis steps') },
		],
	])('reads %s', (_name, json, expected) => {
		expect(notCheckedSteps(json)).toEqual(expected);
	});
});
