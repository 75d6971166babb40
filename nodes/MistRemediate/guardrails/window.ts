import { DateTime } from 'luxon';

import type { MaintenanceWindow, Weekday } from './types';
import { WEEKDAYS } from './types';

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight for HH:mm, or undefined when malformed. */
export function parseClock(value: string): number | undefined {
	const match = CLOCK.exec(value.trim());
	return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function isValidTimezone(zone: string): boolean {
	return DateTime.now().setZone(zone).isValid;
}

export interface WindowCheck {
	open: boolean;
	/** Local time of the site when checked, e.g. "Tue 23:40 Asia/Singapore". */
	localTime: string;
}

/**
 * Whether `now` lies inside the window in the site's zone. A window that crosses midnight belongs
 * to the day it starts: "Mon–Fri 22:00–05:00" is open on Saturday at 02:00 (Friday's night) and
 * closed on Monday at 02:00 (Sunday's night).
 */
export function checkWindow(window: MaintenanceWindow, now: number, timezone: string): WindowCheck {
	const zone = isValidTimezone(timezone) ? timezone : 'UTC';
	const local = DateTime.fromMillis(now, { zone });
	const localTime = `${local.toFormat('ccc HH:mm')} ${zone}`;
	if (window.mode === 'always') return { open: true, localTime };
	const start = parseClock(window.start);
	const end = parseClock(window.end);
	if (start === undefined || end === undefined) return { open: false, localTime };
	const minute = local.hour * 60 + local.minute;
	const today = weekdayOf(local);
	const yesterday = weekdayOf(local.minus({ days: 1 }));
	const days = new Set(window.days);
	let open: boolean;
	if (start === end) open = days.has(today);
	else if (start < end) open = days.has(today) && minute >= start && minute < end;
	else open = (days.has(today) && minute >= start) || (days.has(yesterday) && minute < end);
	return { open, localTime };
}

function weekdayOf(date: DateTime): Weekday {
	return WEEKDAYS[date.weekday - 1];
}

export function describeWindow(window: MaintenanceWindow): string {
	if (window.mode === 'always') return 'always';
	const days = WEEKDAYS.filter((day) => window.days.includes(day));
	const dayText = days.length === 7 ? 'every day' : days.length ? days.join(',') : 'no day';
	return `${window.start}–${window.end} ${dayText}`;
}
