/** A Mist webhook message: one topic and the events Mist batched for it. */
export interface MistEnvelope {
	topic: string;
	events: Array<Record<string, unknown>>;
}

/** One event as the trigger emits it: the event's own fields plus where and when it came from. */
export type MistEventItem = Record<string, unknown> & { topic: string; receivedAt: string };

/** A delivery the trigger refuses, with the HTTP status and a message safe to send back. */
export interface Rejection {
	status: 400 | 413 | 415;
	error: string;
}

export type ParseResult =
	| { ok: true; envelope: MistEnvelope }
	| { ok: false; rejection: Rejection };

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Mist sends `application/json`; `+json` types and a charset parameter are accepted too. */
export function isJsonContentType(contentType: unknown): boolean {
	if (typeof contentType !== 'string') return false;
	const mediaType = contentType.split(';')[0].trim().toLowerCase();
	return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** Refuses a body above the limit, judged by its real length or, before reading, by Content-Length. */
export function checkBodySize(byteLength: number, maxBytes: number): Rejection | undefined {
	if (byteLength <= maxBytes) return undefined;
	return {
		status: 413,
		error: `Body too large: ${byteLength} bytes, this trigger accepts at most ${maxBytes} bytes (option Max Body Size)`,
	};
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the raw body as a Mist envelope `{topic, events[]}`, naming what is wrong when it is not one. */
export function parseEnvelope(rawBody: Buffer, contentType: unknown): ParseResult {
	if (!isJsonContentType(contentType)) {
		const shown =
			typeof contentType === 'string' && contentType !== ''
				? `"${contentType.slice(0, 80)}"`
				: 'none';
		return reject(415, `Unsupported Content-Type ${shown}: Mist webhooks send application/json`);
	}
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return reject(400, 'Body is not valid JSON');
	}
	if (!isRecord(body))
		return reject(400, 'Body is not a Mist webhook message: expected an object {topic, events}');
	if (typeof body.topic !== 'string' || body.topic.trim() === '') {
		return reject(400, 'Body is not a Mist webhook message: "topic" is missing or not a string');
	}
	if (!Array.isArray(body.events)) {
		return reject(400, 'Body is not a Mist webhook message: "events" is missing or not an array');
	}
	const badIndex = body.events.findIndex((event) => !isRecord(event));
	if (badIndex !== -1)
		return reject(400, `Body is not a Mist webhook message: events[${badIndex}] is not an object`);
	return {
		ok: true,
		envelope: { topic: body.topic.trim(), events: body.events as Array<Record<string, unknown>> },
	};
}

function reject(status: Rejection['status'], error: string): ParseResult {
	return { ok: false, rejection: { status, error } };
}

/**
 * One item per event, each carrying the envelope's topic and the receive time. Those two are set
 * last: they describe the delivery, so they win over a same-named field inside an event.
 */
export function splitEnvelope(envelope: MistEnvelope, receivedAt: Date): MistEventItem[] {
	const stamp = receivedAt.toISOString();
	return envelope.events.map((event) => ({ ...event, topic: envelope.topic, receivedAt: stamp }));
}
