import {
	backoffDelayMs,
	DEFAULT_RETRY_POLICY,
	networkErrorCode,
	parseRetryAfterMs,
} from '../../../../nodes/shared/transport/retryPolicy';

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
