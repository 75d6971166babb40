import {
	checkBodySize,
	isJsonContentType,
	parseEnvelope,
	splitEnvelope,
} from '../../../../nodes/MistTrigger/engine/envelope';

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const RECEIVED = new Date('2026-11-25T10:00:00.000Z');

describe('Mist Trigger › envelope', () => {
	it.each([
		['application/json', true],
		['application/json; charset=utf-8', true],
		['Application/JSON', true],
		['application/vnd.mist+json', true],
		['text/plain', false],
		['application/x-www-form-urlencoded', false],
		['', false],
		[undefined, false],
	])('content type %p is JSON: %p', (contentType, expected) => {
		expect(isJsonContentType(contentType)).toBe(expected);
	});

	it('accepts a body at the limit and refuses one byte more with 413', () => {
		expect(checkBodySize(1024, 1024)).toBeUndefined();
		expect(checkBodySize(1025, 1024)).toEqual({
			status: 413,
			error: expect.stringContaining('1025 bytes'),
		});
	});

	it('parses a Mist envelope', () => {
		const result = parseEnvelope(
			json({ topic: 'alarms', events: [{ id: 'a' }] }),
			'application/json',
		);
		expect(result).toEqual({ ok: true, envelope: { topic: 'alarms', events: [{ id: 'a' }] } });
	});

	it.each([
		[
			'wrong content type',
			json({ topic: 'alarms', events: [] }),
			'text/plain',
			415,
			/Content-Type "text\/plain"/,
		],
		['no content type', json({ topic: 'alarms', events: [] }), undefined, 415, /Content-Type none/],
		['not JSON', Buffer.from('topic=alarms'), 'application/json', 400, /not valid JSON/],
		[
			'truncated JSON',
			Buffer.from('{"topic":"alarms","events":[{'),
			'application/json',
			400,
			/not valid JSON/,
		],
		['a JSON array', json([{ topic: 'alarms' }]), 'application/json', 400, /expected an object/],
		['no topic', json({ events: [] }), 'application/json', 400, /"topic" is missing/],
		[
			'an empty topic',
			json({ topic: ' ', events: [] }),
			'application/json',
			400,
			/"topic" is missing/,
		],
		[
			'a numeric topic',
			json({ topic: 5, events: [] }),
			'application/json',
			400,
			/"topic" is missing/,
		],
		['no events', json({ topic: 'alarms' }), 'application/json', 400, /"events" is missing/],
		[
			'events as an object',
			json({ topic: 'alarms', events: { id: 1 } }),
			'application/json',
			400,
			/"events" is missing/,
		],
		[
			'an event that is not an object',
			json({ topic: 'alarms', events: [{ id: 1 }, 'x'] }),
			'application/json',
			400,
			/events\[1\]/,
		],
	])('refuses %s', (_label, body, contentType, status, message) => {
		const result = parseEnvelope(body, contentType);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.rejection.status).toBe(status);
		expect(result.rejection.error).toMatch(message);
	});

	it('splits the envelope into one item per event with topic and receivedAt', () => {
		const items = splitEnvelope(
			{
				topic: 'device-updowns',
				events: [
					{ type: 'AP_DISCONNECTED', ap: 'a1' },
					{ type: 'AP_CONNECTED', ap: 'a2' },
				],
			},
			RECEIVED,
		);
		expect(items).toEqual([
			{
				type: 'AP_DISCONNECTED',
				ap: 'a1',
				topic: 'device-updowns',
				receivedAt: '2026-11-25T10:00:00.000Z',
			},
			{
				type: 'AP_CONNECTED',
				ap: 'a2',
				topic: 'device-updowns',
				receivedAt: '2026-11-25T10:00:00.000Z',
			},
		]);
	});

	it('keeps the envelope topic over a same-named field of an event', () => {
		const [item] = splitEnvelope(
			{ topic: 'alarms', events: [{ topic: 'other', id: 'x' }] },
			RECEIVED,
		);
		expect(item.topic).toBe('alarms');
	});

	it('splits a 500-event message into 500 items, in order', () => {
		const events = Array.from({ length: 500 }, (_, index) => ({
			id: `e${index}`,
			type: 'device_down',
			count: index,
		}));
		const parsed = parseEnvelope(json({ topic: 'alarms', events }), 'application/json');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		const items = splitEnvelope(parsed.envelope, RECEIVED);
		expect(items).toHaveLength(500);
		expect(items[0]).toMatchObject({ id: 'e0', topic: 'alarms' });
		expect(items[499]).toMatchObject({ id: 'e499', count: 499, topic: 'alarms' });
	});

	it('gives no items for an empty events array', () => {
		expect(splitEnvelope({ topic: 'alarms', events: [] }, RECEIVED)).toEqual([]);
	});
});
