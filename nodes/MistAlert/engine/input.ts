import { parseFinding } from '../../shared/findings/schema';
import { notCheckedSteps } from '../../shared/findings/notChecked';
import type { DiagnosisStep, Finding } from '../../shared/findings/types';
import type { AckRequest } from './types';

export type ClassifiedItem =
	| { type: 'finding'; finding: Finding }
	/** A finding another one explains (`rootCause` set): its cause is paged, not it. */
	| { type: 'symptom'; rootCause: string }
	| { type: 'ack'; ack: AckRequest }
	/** `{}` from a node with Always Output Data: a run with no findings. */
	| { type: 'empty' }
	/** A sweep step that did not look this run: absent findings of its steps are not clean. */
	| { type: 'notChecked'; steps: DiagnosisStep[] }
	/** `{error}` from an upstream node that continued on fail: that part of the run is unknown. */
	| { type: 'upstreamError'; error: string }
	| { type: 'invalid'; error: string };

/**
 * Input convention: an item with `ack: true` is an acknowledgement (`fingerprint` or `groupKey`,
 * optional `by` and `note`); an empty item is a clean run marker; a `notChecked` item names steps
 * this run did not check; anything else must be a finding.
 */
export function classifyItem(json: Record<string, unknown>): ClassifiedItem {
	if (!Object.keys(json).length) return { type: 'empty' };
	if ('ack' in json) return parseAck(json);
	const unchecked = notCheckedSteps(json);
	if (Array.isArray(unchecked)) return { type: 'notChecked', steps: unchecked };
	if (unchecked) return { type: 'invalid', error: unchecked.error };
	if (typeof json.error === 'string' && !('fingerprint' in json))
		return { type: 'upstreamError', error: json.error };
	const parsed = parseFinding(json);
	if (!('finding' in parsed)) return { type: 'invalid', error: parsed.error };
	if (parsed.finding.rootCause) return { type: 'symptom', rootCause: parsed.finding.rootCause };
	return { type: 'finding', finding: parsed.finding };
}

function optionalString(
	json: Record<string, unknown>,
	field: string,
): string | undefined | { error: string } {
	const value = json[field];
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string')
		return { error: `Acknowledgement: "${field}" must be a string, got ${typeof value}` };
	return value.trim();
}

export function parseAck(json: Record<string, unknown>): ClassifiedItem {
	if (json.ack !== true)
		return {
			type: 'invalid',
			error: `Acknowledgement: "ack" must be true, got ${JSON.stringify(json.ack)}`,
		};
	const fields: Record<string, string | undefined> = {};
	for (const field of ['fingerprint', 'groupKey', 'by', 'note']) {
		const value = optionalString(json, field);
		if (typeof value === 'object') return { type: 'invalid', error: value.error };
		fields[field] = value;
	}
	if (!fields.fingerprint && !fields.groupKey) {
		return { type: 'invalid', error: 'Acknowledgement: "fingerprint" or "groupKey" is required' };
	}
	return {
		type: 'ack',
		ack: {
			fingerprint: fields.fingerprint,
			groupKey: fields.groupKey,
			by: fields.by ?? 'unknown',
			note: fields.note ?? '',
		},
	};
}
