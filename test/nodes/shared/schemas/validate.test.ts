import type { INode } from 'n8n-workflow';
import { z } from 'zod';

import { deviceStatListSchema } from '../../../../nodes/shared/schemas/mist.schemas';
import { parseMistShape } from '../../../../nodes/shared/schemas/validate';

const node: INode = {
	id: 'n1',
	name: 'Mist Diagnose',
	type: 'n8n-nodes-juniper-mist.mistDiagnose',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

describe('parseMistShape', () => {
	const stats = [
		{
			mac: '5c5b35000001',
			status: 'connected',
			radio_stat: { band_5: { channel: 36, util_all: 80, vendor_field: { deep: [1, 2] } } },
			port_stat: { eth0: { up: true } },
		},
	];

	it('checks the declared fields and hands back the data as it came, every field kept', () => {
		const parsed = parseMistShape(node, deviceStatListSchema, stats, 'ap stats');
		expect(parsed).toBe(stats);
		expect(parsed[0].port_stat).toEqual({ eth0: { up: true } });
	});

	it.each([
		['a declared field of the wrong type', [{ mac: 5 }], '[0].mac', 'Expected string'],
		[
			'a nested declared field of the wrong type',
			[{ mac: 'aa', radio_stat: { band_5: { channel: 'thirty-six' } } }],
			'[0].radio_stat.band_5.channel',
			'Expected number',
		],
		['not a list', { results: [] }, '(root)', 'Expected array'],
	])('names the path of %s', (_what, data, path, message) => {
		expect(() => parseMistShape(node, deviceStatListSchema, data, 'ap stats')).toThrow(
			`Unexpected shape in Mist ap stats at "${path}": ${message}`,
		);
	});

	it.each([
		[
			'trims',
			z.object({ name: z.string().trim() }).passthrough(),
			{ name: ' a ', x: 1 },
			{ name: 'a', x: 1 },
		],
		['lowercases', z.object({ mac: z.string().toLowerCase() }), { mac: 'AB' }, { mac: 'ab' }],
		['coerces', z.object({ n: z.coerce.number() }), { n: '4' }, { n: 4 }],
		['defaults', z.object({ n: z.number().default(3) }), {}, { n: 3 }],
		[
			'transforms inside a list',
			z.array(z.object({ n: z.number().transform((n) => n * 2) })),
			[{ n: 2 }],
			[{ n: 4 }],
		],
	])('returns the parsed copy when the schema %s', (_what, schema, data, expected) => {
		expect(parseMistShape(node, schema as z.ZodTypeAny, data, 'thing')).toEqual(expected);
	});
});
