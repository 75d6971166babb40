import { z } from 'zod';

/** Says whether a value has the schema's shape, without building a result or an error. */
export type ShapeCheck = (value: unknown) => boolean;

/**
 * A zod schema turned into plain nested predicates that accept exactly what `safeParse` accepts.
 * zod spends some 150 µs on one AP stat (60 fields with the radio bands); at 10,000 APs that was
 * half of an All Steps sweep. The predicate takes a few µs; zod still explains a failure.
 * Null for anything outside the plain data types the Mist schemas use (checks on strings and
 * numbers, length limits, strict objects, effects, …): those stay with zod.
 */
export function compiledCheck(schema: z.ZodTypeAny): ShapeCheck | null {
	if (!compiled.has(schema)) compiled.set(schema, compile(schema));
	return compiled.get(schema) as ShapeCheck | null;
}

const compiled = new WeakMap<z.ZodTypeAny, ShapeCheck | null>();

/** zod's notion of a plain object: not null, an array, a promise-like, a Map, Set or Date. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const thenable = value as { then?: unknown; catch?: unknown };
	if (typeof thenable.then === 'function' && typeof thenable.catch === 'function') return false;
	return !(value instanceof Map || value instanceof Set || value instanceof Date);
}

function compileObject(schema: z.AnyZodObject): ShapeCheck | null {
	// strict() refuses undeclared keys and a catchall checks them: not modelled here.
	if (schema._def.unknownKeys === 'strict' || !(schema._def.catchall instanceof z.ZodNever))
		return null;
	const fields: Array<[string, ShapeCheck]> = [];
	for (const [key, field] of Object.entries(schema.shape as z.ZodRawShape)) {
		const check = compiledCheck(field);
		if (!check) return null;
		fields.push([key, check]);
	}
	return (value) => {
		if (!isPlainObject(value)) return false;
		for (const [key, check] of fields) if (!check(value[key])) return false;
		return true;
	};
}

function compileArray(schema: z.ZodArray<z.ZodTypeAny>): ShapeCheck | null {
	const { minLength, maxLength, exactLength } = schema._def;
	if (minLength || maxLength || exactLength) return null;
	const element = compiledCheck(schema._def.type);
	if (!element) return null;
	return (value) => {
		if (!Array.isArray(value)) return false;
		for (const entry of value) if (!element(entry)) return false;
		return true;
	};
}

function compileUnion(options: z.ZodTypeAny[]): ShapeCheck | null {
	const checks = options.map(compiledCheck);
	if (checks.some((check) => check === null)) return null;
	const all = checks as ShapeCheck[];
	return (value) => all.some((check) => check(value));
}

function wrapped(inner: z.ZodTypeAny, passes: (value: unknown) => boolean): ShapeCheck | null {
	const check = compiledCheck(inner);
	return check ? (value) => passes(value) || check(value) : null;
}

function compile(schema: z.ZodTypeAny): ShapeCheck | null {
	if (schema instanceof z.ZodObject) return compileObject(schema);
	if (schema instanceof z.ZodArray) return compileArray(schema);
	if (schema instanceof z.ZodUnion) return compileUnion(schema._def.options as z.ZodTypeAny[]);
	if (schema instanceof z.ZodOptional)
		return wrapped(schema._def.innerType, (value) => value === undefined);
	if (schema instanceof z.ZodNullable)
		return wrapped(schema._def.innerType, (value) => value === null);
	// Checks (min, regex, int, …) and coercion stay with zod.
	if (schema instanceof z.ZodString)
		return schema._def.checks.length || schema._def.coerce
			? null
			: (value) => typeof value === 'string';
	if (schema instanceof z.ZodNumber)
		return schema._def.checks.length || schema._def.coerce
			? null
			: (value) => typeof value === 'number' && !Number.isNaN(value);
	if (schema instanceof z.ZodBoolean)
		return schema._def.coerce ? null : (value) => typeof value === 'boolean';
	if (schema instanceof z.ZodLiteral) {
		const literal: unknown = schema._def.value;
		return (value) => value === literal;
	}
	if (schema instanceof z.ZodEnum) {
		const values = new Set<unknown>(schema._def.values as string[]);
		return (value) => typeof value === 'string' && values.has(value);
	}
	if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) return () => true;
	return null;
}
