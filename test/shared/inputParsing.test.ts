import { DateTime } from 'luxon';
import type { INode } from 'n8n-workflow';

import { backoffDelayMs, DEFAULT_RETRY_POLICY, networkErrorCode, parseRetryAfterMs } from '../../nodes/shared/transport/retryPolicy';
import { normalizeMac, requireMac, requireUuid } from '../../nodes/shared/params/identifiers';
import { splitList } from '../../nodes/shared/params/lists';
import { durationSeconds, timeRangeQuery, toEpochSeconds } from '../../nodes/shared/params/timeRange';

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
		expect(() => toEpochSeconds(node, 'yesterday-ish', 'Start')).toThrow('Invalid Start: "yesterday-ish" is not a date-time');
	});

	it('builds duration and range queries, rejecting an inverted range', () => {
		expect(timeRangeQuery(node, { mode: 'duration', duration: '1h' })).toEqual({ duration: '1h' });
		expect(timeRangeQuery(node, { mode: 'range', start: '2026-11-25T08:00:00Z', end: '2026-11-25T09:00:00Z' })).toEqual({
			start: 1795593600,
			end: 1795597200,
		});
		expect(() => timeRangeQuery(node, { mode: 'duration', duration: '90 minutes' })).toThrow('Invalid Duration: "90 minutes" is not a Mist duration');
		expect(() => timeRangeQuery(node, { mode: 'range', start: '2026-11-25T09:00:00Z', end: '2026-11-25T08:00:00Z' })).toThrow(
			'Invalid End: it must be later than Start',
		);
	});
});

describe('identifiers', () => {
	it.each([
		['5c5b350e0001', '5c5b350e0001'],
		['5C:5B:35:0E:00:01', '5c5b350e0001'],
		['5c-5b-35-0e-00-01', '5c5b350e0001'],
		['5c5b.350e.0001', '5c5b350e0001'],
		['5c5b350e000', undefined],
		['5c5b350e00zz', undefined],
	])('MAC %p normalises to %p', (text, mac) => {
		expect(normalizeMac(text)).toBe(mac);
	});

	it('names the field for a bad MAC or id', () => {
		expect(() => requireMac(node, 'printer', 'Client MAC')).toThrow('Invalid Client MAC: "printer" is not a MAC address');
		expect(() => requireMac(node, '', 'Client MAC')).toThrow('Invalid Client MAC: it is empty');
		expect(() => requireUuid(node, 'abc/../x', 'Site')).toThrow('Invalid Site: "abc/../x" is not a Mist id (a UUID)');
		expect(requireUuid(node, ' 978C48E6-6EF6-11E6-8BBF-02E208B2D34F ', 'Site')).toBe('978c48e6-6ef6-11e6-8bbf-02e208b2d34f');
	});

	it('splits lists on commas, spaces and newlines', () => {
		expect(splitList('a, b\nc  d,,')).toEqual(['a', 'b', 'c', 'd']);
		expect(splitList(['x ', ' y'])).toEqual(['x', 'y']);
		expect(splitList(undefined)).toEqual([]);
	});
});

describe('retry policy', () => {
	it('backs off exponentially with jitter inside [half, full] of the step, capped', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 8000 };
		expect(backoffDelayMs(0, policy, () => 0)).toBe(500);
		expect(backoffDelayMs(0, policy, () => 1)).toBe(1000);
		expect(backoffDelayMs(2, policy, () => 1)).toBe(4000);
		expect(backoffDelayMs(10, policy, () => 1)).toBe(8000);
		expect(backoffDelayMs(10, policy, () => 0)).toBe(4000);
	});

	it.each([
		['5', 5000],
		['0', 0],
		['1.5', 1500],
		[['7'], 7000],
		['', undefined],
		['soon', undefined],
		[undefined, undefined],
	])('Retry-After %p is %p ms', (value, ms) => {
		expect(parseRetryAfterMs(value)).toBe(ms);
	});

	it('reads an HTTP-date Retry-After relative to now', () => {
		const now = Date.parse('2026-11-25T08:00:00Z');
		expect(parseRetryAfterMs('Wed, 25 Nov 2026 08:01:00 GMT', now)).toBe(60000);
	});

	it('finds network codes however deeply they are wrapped', () => {
		expect(networkErrorCode({ cause: { code: 'ETIMEDOUT' } })).toBe('ETIMEDOUT');
		expect(networkErrorCode(new Error('socket hang up'))).toBe('ECONNRESET');
		expect(networkErrorCode({ message: 'timeout of 60000ms exceeded' })).toBe('ETIMEDOUT');
		expect(networkErrorCode({ message: 'Bad request' })).toBeUndefined();
	});
});
