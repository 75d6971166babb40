import { z } from 'zod';

import { compiledCheck } from '../../../../nodes/shared/schemas/compiledCheck';
import * as mistSchemas from '../../../../nodes/shared/schemas/mist.schemas';

/** Values of every kind zod tells apart, including the objects it does not count as objects. */
const thenable = { then: () => undefined, catch: () => undefined };
const POOL: Array<[string, unknown]> = [
	['undefined', undefined],
	['null', null],
	['zero', 0],
	['a fraction', 1.5],
	['NaN', NaN],
	['Infinity', Infinity],
	['an empty string', ''],
	['a string', 'x'],
	['true', true],
	['false', false],
	['an empty list', []],
	['a list of a number', [1]],
	['an empty object', {}],
	['an object', { a: 1 }],
	['an object without prototype', Object.create(null) as object],
	['a Date', new Date(0)],
	['a Map', new Map()],
	['a Set', new Set()],
	['a thenable', thenable],
];

/** A value the schema accepts, with every optional part present so that it can be mutated. */
function sample(schema: z.ZodTypeAny): unknown {
	if (schema instanceof z.ZodObject)
		return Object.fromEntries(
			Object.entries(schema.shape as z.ZodRawShape).map(([key, field]) => [key, sample(field)]),
		);
	if (schema instanceof z.ZodArray) return [sample(schema._def.type)];
	if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
		return sample(schema._def.innerType);
	if (schema instanceof z.ZodUnion) return sample((schema._def.options as z.ZodTypeAny[])[0]);
	if (schema instanceof z.ZodString) return 'value';
	if (schema instanceof z.ZodNumber) return 7;
	if (schema instanceof z.ZodBoolean) return true;
	if (schema instanceof z.ZodLiteral) return schema._def.value;
	if (schema instanceof z.ZodEnum) return (schema._def.values as string[])[0];
	return 'anything';
}

/** The path of every part of a value (objects' keys, lists' entries), the root first. */
function paths(value: unknown, at: Array<string | number> = []): Array<Array<string | number>> {
	const inner =
		value && typeof value === 'object'
			? Object.entries(value).flatMap(([key, part]) =>
					paths(part, [...at, Array.isArray(value) ? Number(key) : key]),
				)
			: [];
	return [at, ...inner];
}

function replaced(value: unknown, at: Array<string | number>, by: unknown): unknown {
	if (at.length === 0) return by;
	const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
		string | number,
		unknown
	>;
	copy[at[0]] = replaced(copy[at[0]], at.slice(1), by);
	return copy;
}

const mistListSchemas: Array<[string, z.ZodTypeAny]> = Object.entries(
	mistSchemas as Record<string, unknown>,
).flatMap(([name, value]) => (value instanceof z.ZodType ? [[name, value]] : []));

describe('compiledCheck agrees with zod', () => {
	it('compiles every Mist schema (a schema it cannot compile would silently stay slow)', () => {
		expect(mistListSchemas.length).toBeGreaterThan(10);
		const notCompiled = mistListSchemas.filter(([, schema]) => compiledCheck(schema) === null);
		expect(notCompiled.map(([name]) => name)).toEqual([]);
	});

	it.each(mistListSchemas)(
		'%s: accepts and refuses what safeParse does, each part replaced by each kind of value',
		(_name, schema) => {
			const check = compiledCheck(schema) as (value: unknown) => boolean;
			const base = sample(schema);
			expect(check(base)).toBe(true);
			const disagreements: string[] = [];
			let refused = 0;
			for (const at of paths(base))
				for (const [label, value] of POOL) {
					const mutated = replaced(base, at, value);
					const expected = schema.safeParse(mutated).success;
					if (!expected) refused++;
					if (check(mutated) !== expected)
						disagreements.push(`${at.join('.') || '(root)'} = ${label}: zod ${expected}`);
				}
			expect(disagreements).toEqual([]);
			// The mutations reach refusals too, so agreement is not only on good shapes.
			expect(refused).toBeGreaterThan(0);
		},
	);
});

describe('compiledCheck on the kinds of schema', () => {
	it.each([
		['a string', z.string(), ['a', ''], [1, null, undefined]],
		['a number', z.number(), [0, -1.5, Infinity], [NaN, '1', null]],
		['a boolean', z.boolean(), [true, false], [0, 'true']],
		['a literal', z.literal('ap'), ['ap'], ['AP', undefined]],
		['an enum', z.enum(['ap', 'switch']), ['switch'], ['gateway', 1]],
		['an optional number', z.number().optional(), [undefined, 3], [null]],
		['a nullable number', z.number().nullable(), [null, 3], [undefined]],
		['a union', z.union([z.string(), z.number()]), ['a', 2], [true, null]],
		['a list', z.array(z.number()), [[], [1, 2]], [[1, 'x'], {}, 'x']],
		[
			'an object, undeclared keys allowed',
			z.object({ mac: z.string() }).passthrough(),
			[{ mac: 'a', extra: 1 }],
			[{}, { mac: 1 }, [], new Date(0), thenable],
		],
		['unknown', z.unknown(), [undefined, null, {}], []],
	])('%s', (_what, schema, accepted, refused) => {
		const check = compiledCheck(schema as z.ZodTypeAny) as (value: unknown) => boolean;
		for (const value of accepted as unknown[]) expect([value, check(value)]).toEqual([value, true]);
		for (const value of refused as unknown[]) expect([value, check(value)]).toEqual([value, false]);
	});

	it.each([
		['a string with a check', z.string().min(1)],
		['a trimmed string', z.string().trim()],
		['a number with a check', z.number().int()],
		['a coerced number', z.coerce.number()],
		['a coerced boolean', z.coerce.boolean()],
		['a list with a length limit', z.array(z.string()).min(1)],
		['a strict object', z.object({ a: z.string() }).strict()],
		['an object with a catchall', z.object({ a: z.string() }).catchall(z.number())],
		['a transform', z.string().transform((value) => value.length)],
		['a refinement', z.string().refine((value) => value !== '')],
		['a default', z.number().default(1)],
		['a record', z.record(z.number())],
		['an object with one such field', z.object({ a: z.string(), b: z.number().int() })],
		['a list of such objects', z.array(z.object({ a: z.string().email() }))],
	])('leaves %s to zod (null)', (_what, schema) => {
		expect(compiledCheck(schema as z.ZodTypeAny)).toBeNull();
	});

	it('compiles a schema once', () => {
		const schema = z.object({ a: z.string() });
		expect(compiledCheck(schema)).toBe(compiledCheck(schema));
	});
});
