import { round } from './stats';
import type { Trend } from './types';

/** Current against previous; `flatWithin` is the change still called flat (same unit as the values). */
export function trend(current: number | null, previous: number | null, flatWithin = 0): Trend {
	if (current === null || previous === null)
		return { current, previous, change: null, changePercent: null, direction: 'n/a' };
	const change = round(current - previous, 2);
	const changePercent =
		previous === 0 ? null : round(((current - previous) / Math.abs(previous)) * 100, 1);
	const direction = Math.abs(change) <= flatWithin ? 'flat' : change > 0 ? 'up' : 'down';
	return { current, previous, change, changePercent, direction };
}

/** SLE values arrive as fractions (0.97) or percents (97); reports use percents. */
export function slePercent(value: number): number {
	return value <= 1 ? value * 100 : value;
}
