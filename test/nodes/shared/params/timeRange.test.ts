import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';

import {
	durationSeconds,
	timeRangeQuery,
	toEpochSeconds,
} from '../../../../nodes/shared/params/timeRange';

const node = { name: 'Juniper Mist' } as INode;

describe('time ranges', () => {
	it.each([
		['10m', 600],
		['1h', 3600],
		['1d', 86400],
		['2w', 1209600],
		['1 h', undefined],
		['1y', undefined],
		['', undefined],
		['-1d', undefined],
	])('Mist duration %p is %p seconds', (text, seconds) => {
		expect(durationSeconds(text)).toBe(seconds);
	});

	it.each([
		['2026-11-25T08:00:00Z', 1795593600],
		['2026-11-25T09:00:00+01:00', 1795593600],
		[1795593600, 1795593600],
		[1795593600000, 1795593600],
		['1795593600', 1795593600],
		[DateTime.fromISO('2026-11-25T08:00:00Z'), 1795593600],
		[new Date('2026-11-25T08:00:00Z'), 1795593600],
	])('date-time %p is epoch %p', (value, epoch) => {
		expect(toEpochSeconds(node, value, 'Start')).toBe(epoch);
	});

	it('names the field and the value when a date-time is unreadable', () => {
		expect(() => toEpochSeconds(node, 'yesterday-ish', 'Start')).toThrow(
			'Invalid Start: "yesterday-ish" is not a date-time',
		);
	});

	it('builds duration and range queries, rejecting an inverted range', () => {
		expect(timeRangeQuery(node, { mode: 'duration', duration: '1h' })).toEqual({ duration: '1h' });
		expect(
			timeRangeQuery(node, {
				mode: 'range',
				start: '2026-11-25T08:00:00Z',
				end: '2026-11-25T09:00:00Z',
			}),
		).toEqual({
			start: 1795593600,
			end: 1795597200,
		});
		expect(() => timeRangeQuery(node, { mode: 'duration', duration: '90 minutes' })).toThrow(
			'Invalid Duration: "90 minutes" is not a Mist duration',
		);
		expect(() =>
			timeRangeQuery(node, {
				mode: 'range',
				start: '2026-11-25T09:00:00Z',
				end: '2026-11-25T08:00:00Z',
			}),
		).toThrow('Invalid End: it must be later than Start');
	});
});
