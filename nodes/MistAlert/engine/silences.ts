import { DateTime } from 'luxon';

import type { Finding } from '../../shared/findings/types';
import type { MuteWindow, Silence } from './types';

function matchesValue(pattern: string | undefined, ...values: Array<string | undefined>): boolean {
	if (!pattern) return true;
	const wanted = pattern.trim().toLowerCase();
	if (wanted.endsWith('*')) {
		const prefix = wanted.slice(0, -1);
		return values.some((value) => value !== undefined && value.toLowerCase().startsWith(prefix));
	}
	return values.some((value) => value !== undefined && value.toLowerCase() === wanted);
}

/** A silence matches when every field it sets matches; `site` matches the site id or name; a trailing `*` is a prefix match. */
export function silenceMatches(silence: Silence, finding: Finding, now: number): boolean {
	if (Date.parse(silence.endsAt) <= now) return false;
	return (
		matchesValue(silence.site, finding.scope.site_id, finding.scope.site_name) &&
		matchesValue(silence.rule, finding.rule) &&
		matchesValue(silence.severity, finding.severity) &&
		matchesValue(silence.fingerprint, finding.fingerprint)
	);
}

export function isSilenced(silences: Silence[], finding: Finding, now: number): boolean {
	return silences.some((silence) => silenceMatches(silence, finding, now));
}

function minutesOf(hhmm: string): number {
	const [hours, minutes] = hhmm.split(':').map(Number);
	return hours * 60 + minutes;
}

/** Whether `now` falls in the window, read on the window's own wall clock (so DST is handled by luxon). */
export function inMuteWindow(window: MuteWindow, now: number): boolean {
	const local = DateTime.fromMillis(now, { zone: window.timezone });
	const minute = local.hour * 60 + local.minute;
	const start = minutesOf(window.start);
	const end = minutesOf(window.end);
	const days = window.weekdays.length ? window.weekdays : [1, 2, 3, 4, 5, 6, 7];
	if (start === end) return days.includes(local.weekday);
	if (start < end) return days.includes(local.weekday) && minute >= start && minute < end;
	// Spans midnight: the part after midnight belongs to the previous day's window.
	const yesterday = local.minus({ days: 1 }).weekday;
	return (
		(days.includes(local.weekday) && minute >= start) || (days.includes(yesterday) && minute < end)
	);
}

export function isMuted(windows: MuteWindow[], now: number): boolean {
	return windows.some((window) => inMuteWindow(window, now));
}
