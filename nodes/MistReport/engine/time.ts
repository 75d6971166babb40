import { DateTime } from 'luxon';

/** Epoch ms from Mist epoch seconds, epoch ms, an ISO string or a Date; NaN when unreadable. */
export function toMillis(value: unknown): number {
	if (value instanceof Date) return value.getTime();
	if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
	if (typeof value === 'string' && value.trim()) {
		const numeric = Number(value);
		if (Number.isFinite(numeric)) return toMillis(numeric);
		return Date.parse(value);
	}
	return NaN;
}

export function dayOf(ms: number, timezone: string): string {
	return (
		DateTime.fromMillis(ms, { zone: timezone }).toISODate() ??
		new Date(ms).toISOString().slice(0, 10)
	);
}

export interface Periods {
	current: { start: number; end: number };
	previous: { start: number; end: number };
}

/** The report period ending at `end` and the one before it, counted on the site's calendar (DST-safe). */
export function periodsFor(type: 'daily' | 'weekly', end: number, timezone: string): Periods {
	const days = type === 'weekly' ? 7 : 1;
	const endTime = DateTime.fromMillis(end, { zone: timezone });
	const start = endTime.minus({ days }).toMillis();
	const previousStart = endTime.minus({ days: 2 * days }).toMillis();
	return { current: { start, end }, previous: { start: previousStart, end: start } };
}

export function within(ms: number | undefined, range: { start: number; end: number }): boolean {
	return ms !== undefined && ms >= range.start && ms < range.end;
}
