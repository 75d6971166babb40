import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import { z } from 'zod';

import { compiledCheck } from './compiledCheck';

/** Dotted path of a zod issue, e.g. `results[3].rssi`. */
export function issuePath(path: Array<string | number>): string {
	return path.reduce<string>(
		(out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
		'',
	);
}

/** Schemas whose check-only twin is built; `null`: the schema transforms, so it has none. */
const checkOnlyTwins = new WeakMap<z.ZodTypeAny, z.ZodTypeAny | null>();

/**
 * The same checks, without the copy: every object strips undeclared keys instead of copying them
 * through, and the caller keeps the data it passed in. A 1,000-site org's 10,000 AP stats carry
 * some 60 fields each, of which rules read 20; copying the rest tripled the time of the check.
 * Null when the schema (or a part) transforms values, so that only the parsed copy is right.
 */
function checkOnlyTwin(schema: z.ZodTypeAny): z.ZodTypeAny | null {
	if (!checkOnlyTwins.has(schema)) checkOnlyTwins.set(schema, buildTwin(schema));
	return checkOnlyTwins.get(schema) as z.ZodTypeAny | null;
}

function buildTwin(schema: z.ZodTypeAny): z.ZodTypeAny | null {
	// The twins of the parts, or null as soon as one part has none.
	const parts = (inner: z.ZodTypeAny[]) => {
		const twins = inner.map(checkOnlyTwin);
		return twins.every((twin) => twin !== null) ? (twins as z.ZodTypeAny[]) : null;
	};
	if (schema instanceof z.ZodObject && schema._def.catchall instanceof z.ZodNever) {
		const entries = Object.entries(schema.shape as z.ZodRawShape);
		const twins = parts(entries.map(([, value]) => value));
		if (!twins) return null;
		const shape = Object.fromEntries(entries.map(([key], index) => [key, twins[index]]));
		return new z.ZodObject({ ...schema._def, shape: () => shape, unknownKeys: 'strip' });
	}
	if (schema instanceof z.ZodArray) {
		const type = parts([schema._def.type])?.[0];
		return type ? new z.ZodArray({ ...schema._def, type }) : null;
	}
	if (schema instanceof z.ZodOptional) {
		const innerType = parts([schema._def.innerType])?.[0];
		return innerType ? new z.ZodOptional({ ...schema._def, innerType }) : null;
	}
	if (schema instanceof z.ZodNullable) {
		const innerType = parts([schema._def.innerType])?.[0];
		return innerType ? new z.ZodNullable({ ...schema._def, innerType }) : null;
	}
	if (schema instanceof z.ZodUnion) {
		const options = parts(schema._def.options as z.ZodTypeAny[]);
		return options
			? new z.ZodUnion({ ...schema._def, options: options as [z.ZodTypeAny, ...z.ZodTypeAny[]] })
			: null;
	}
	if (schema instanceof z.ZodString || schema instanceof z.ZodNumber) {
		// trim(), toLowerCase() and coercion change the value.
		const checks = schema._def.checks as Array<{ kind: string }>;
		const changes = checks.some((check) =>
			['trim', 'toLowerCase', 'toUpperCase'].includes(check.kind),
		);
		return schema._def.coerce || changes ? null : schema;
	}
	const unchanged =
		(schema instanceof z.ZodBoolean && !schema._def.coerce) ||
		schema instanceof z.ZodLiteral ||
		schema instanceof z.ZodEnum ||
		schema instanceof z.ZodUnknown ||
		schema instanceof z.ZodAny;
	// Effects, defaults, records, lazies…: not known to leave values as they are.
	return unchanged ? schema : null;
}

/**
 * Validates the fields diagnosis relies on; unknown fields pass through untouched.
 * A broken shape names the first failing path so the user can see what Mist changed.
 */
export function parseMistShape<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	data: unknown,
	what: string,
	itemIndex?: number,
): z.infer<S> {
	const twin = checkOnlyTwin(schema);
	// The compiled check answers the common case (a good shape) fast; zod explains a bad one.
	if (twin && compiledCheck(schema)?.(data)) return data as z.infer<S>;
	const result = (twin ?? schema).safeParse(data);
	if (result.success) return (twin ? data : result.data) as z.infer<S>;
	const issue = result.error.issues[0];
	const at = issuePath(issue.path) || '(root)';
	const more =
		result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
	throw new NodeOperationError(
		node,
		`Unexpected shape in Mist ${what} at "${at}": ${issue.message}${more}`,
		{
			description:
				'The Mist API answered with a shape this node does not understand. The API may have changed, or the endpoint differs on this cloud.',
			itemIndex,
		},
	);
}
