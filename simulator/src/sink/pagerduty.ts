/** Shape check of a PagerDuty Events API v2 event, with the error wording kept short and specific. */
import { createHash } from 'crypto';

const ACTIONS = ['trigger', 'acknowledge', 'resolve'];
const SEVERITIES = ['critical', 'error', 'warning', 'info'];
const MAX_DEDUP_KEY = 255;
const MAX_SUMMARY = 1024;

export type PagerDutyCheck = { ok: true; dedupKey: string } | { ok: false; errors: string[] };

export function validatePagerDutyEvent(event: unknown): PagerDutyCheck {
	if (typeof event !== 'object' || event === null || Array.isArray(event)) {
		return { ok: false, errors: ['Body must be a JSON object'] };
	}
	const body = event as Record<string, unknown>;
	const errors: string[] = [];
	if (typeof body.routing_key !== 'string' || body.routing_key.trim() === '') {
		errors.push("'routing_key' is missing or blank");
	}
	const action = body.event_action;
	if (typeof action !== 'string' || !ACTIONS.includes(action)) {
		errors.push(`'event_action' must be one of ${ACTIONS.join(', ')}`);
	}
	const dedupKey = body.dedup_key;
	if (dedupKey !== undefined && (typeof dedupKey !== 'string' || dedupKey.length > MAX_DEDUP_KEY)) {
		errors.push(`'dedup_key' must be a string of at most ${MAX_DEDUP_KEY} characters`);
	}
	if (action === 'trigger') {
		errors.push(...payloadErrors(body.payload));
	} else if (
		typeof action === 'string' &&
		ACTIONS.includes(action) &&
		typeof dedupKey !== 'string'
	) {
		errors.push(`'dedup_key' is required for event_action ${action}`);
	}
	if (errors.length > 0) return { ok: false, errors };
	// PagerDuty generates a key for a trigger without one; derive it from the body so it stays stable.
	const key =
		typeof dedupKey === 'string'
			? dedupKey
			: createHash('sha1').update(JSON.stringify(body)).digest('hex');
	return { ok: true, dedupKey: key };
}

function payloadErrors(payload: unknown): string[] {
	if (typeof payload !== 'object' || payload === null)
		return ["'payload' is required for event_action trigger"];
	const fields = payload as Record<string, unknown>;
	const errors: string[] = [];
	if (typeof fields.summary !== 'string' || fields.summary.trim() === '')
		errors.push("'payload.summary' is missing or blank");
	else if (fields.summary.length > MAX_SUMMARY)
		errors.push(`'payload.summary' is longer than ${MAX_SUMMARY} characters`);
	if (typeof fields.source !== 'string' || fields.source.trim() === '')
		errors.push("'payload.source' is missing or blank");
	if (typeof fields.severity !== 'string' || !SEVERITIES.includes(fields.severity)) {
		errors.push(`'payload.severity' must be one of ${SEVERITIES.join(', ')}`);
	}
	if (
		fields.timestamp !== undefined &&
		(typeof fields.timestamp !== 'string' || Number.isNaN(Date.parse(fields.timestamp)))
	) {
		errors.push("'payload.timestamp' must be an ISO 8601 date-time");
	}
	return errors;
}
