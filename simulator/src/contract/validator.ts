/**
 * Contract validator: checks a Mist response body against the response schema the OpenAPI spec
 * declares for the request's operation (ajv, JSON Schema 2020-12). Violations read
 * "<METHOD> <path>: <instancePath> <message>".
 */
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

import { isKnownGap, isKnownQueryGap, type KnownSpecGap } from './knownGaps';
import { OperationIndex, type MatchedOperation } from './operations';
import {
	loadSpec,
	normaliseComponents,
	normaliseSchema,
	resolveLocalRef,
	type JsonSchema,
	type OpenApiSpec,
} from './spec';

/** Base URI under which the spec's schemas are registered with ajv. */
const SPEC_ID = 'https://contract.mist.local/openapi.json';
const MAX_ENUM_VALUES_SHOWN = 8;

export interface ContractResult {
	ok: boolean;
	method: string;
	path: string;
	operationId?: string;
	template?: string;
	/** The schema the body was checked against, for messages. */
	schemaRef?: string;
	violations: string[];
	/** Undeclared or missing properties accepted because they are documented spec gaps (see knownGaps.ts). */
	tolerated: string[];
}

export interface MistContractOptions {
	/** Documented places where the real API is wider than the spec; none by default (fully strict). */
	knownGaps?: readonly KnownSpecGap[];
}

interface CheckOutcome {
	violations: string[];
	tolerated: string[];
}

export class MistContract {
	readonly operations: OperationIndex;
	private readonly ajv: Ajv2020;
	private readonly compiled = new Map<string, ValidateFunction>();

	private readonly knownGaps: readonly KnownSpecGap[];

	constructor(
		readonly spec: OpenApiSpec,
		options: MistContractOptions = {},
	) {
		this.knownGaps = options.knownGaps ?? [];
		normaliseComponents(spec);
		this.operations = new OperationIndex(spec);
		this.ajv = new Ajv2020({
			strict: false,
			allErrors: true,
			validateSchema: false,
			validateFormats: true,
		});
		addFormats(this.ajv);
		// OpenAPI numeric formats: int32/int64 bound integers, double/float are informative.
		this.ajv.addFormat('int32', {
			type: 'number',
			validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
		});
		this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
		this.ajv.addFormat('double', { type: 'number', validate: () => true });
		this.ajv.addFormat('float', { type: 'number', validate: () => true });
		this.ajv.addFormat('stream', { type: 'string', validate: () => true });
		this.ajv.addSchema({ $id: SPEC_ID, components: { schemas: spec.components.schemas } });
	}

	/** Loads the spec from `specPath`, or MIST_OPENAPI_PATH, or the copy in `simulator/spec/`. */
	static load(specPath?: string, options: MistContractOptions = {}): MistContract {
		return new MistContract(loadSpec(specPath), options);
	}

	findOperation(method: string, path: string): MatchedOperation | undefined {
		return this.operations.find(method, path);
	}

	/** Validates `body` as the response to `METHOD path` with HTTP `status` (default 200). */
	validateResponse(method: string, path: string, body: unknown, status = 200): ContractResult {
		const label = `${method.toUpperCase()} ${path.split('?')[0]}`;
		const base = { method: method.toUpperCase(), path, tolerated: [] };
		const operation = this.findOperation(method, path);
		if (!operation)
			return {
				...base,
				ok: false,
				violations: [`${label}: no operation in the spec matches this request`],
			};
		const found = this.operations.responseSchema(operation.operation, status);
		const described = { ...base, operationId: operation.operationId, template: operation.template };
		if (!found) {
			return {
				...described,
				ok: false,
				violations: [`${label}: status ${status} is not a response of ${operation.operationId}`],
			};
		}
		// The spec declares the status without a body (e.g. restart, ack): nothing more to check.
		if (!found.schema) return { ...described, schemaRef: 'none', ok: true, violations: [] };
		const key = `${operation.method} ${operation.template} ${found.status} ${found.contentType}`;
		const schemaRef =
			typeof found.schema.$ref === 'string'
				? found.schema.$ref.replace('#/components/schemas/', '')
				: `inline (${key})`;
		const outcome = this.check(key, found.schema, body, label, {
			where: operation.operationId,
			status,
		});
		return { ...described, schemaRef, ok: outcome.violations.length === 0, ...outcome };
	}

	/**
	 * Checks the query string of a request against the operation's declared parameters: unknown
	 * names (a parameter Mist does not have) and values of the wrong type or outside an enum.
	 */
	validateQuery(method: string, path: string): string[] {
		const label = `${method.toUpperCase()} ${path.split('?')[0]}`;
		const operation = this.findOperation(method, path);
		if (!operation) return [`${label}: no operation in the spec matches this request`];
		const declared = this.operations.queryParameters(operation);
		const query = new URLSearchParams(path.includes('?') ? path.slice(path.indexOf('?') + 1) : '');
		const violations: string[] = [];
		for (const [name, text] of query.entries()) {
			const parameter = declared.get(name);
			if (!parameter && isKnownQueryGap(this.knownGaps, operation.operationId, name)) continue;
			if (!parameter) {
				violations.push(
					`${label}: query parameter "${name}" is not a parameter of ${operation.operationId}`,
				);
				continue;
			}
			const schema = (parameter.schema as JsonSchema | undefined) ?? {};
			const value = coerceQueryValue(text, schema, this.spec);
			const key = `query ${operation.operationId} ${name}`;
			violations.push(
				...this.check(key, schema, value, `${label}: query parameter "${name}"`).violations,
			);
		}
		return violations;
	}

	/**
	 * Validates a webhook body (`{topic, events}`) against the spec's schema for that topic. Topics
	 * are hyphenated on the wire (`device-events`); the spec keys them with underscores.
	 */
	validateWebhook(topic: string, body: unknown): string[] {
		const label = `WEBHOOK ${topic}`;
		const hooks = this.spec.webhooks ?? {};
		const hook = hooks[topic] ?? hooks[topic.replace(/-/g, '_')];
		const schema = hook?.post?.requestBody?.content?.['application/json']?.schema;
		if (!schema) return [`${label}: the spec has no webhook topic "${topic}"`];
		return this.check(`webhook ${topic}`, schema, body, label, { where: `WEBHOOK ${topic}` })
			.violations;
	}

	/** Validates a value against `#/components/schemas/<name>`, or against an explicit schema from the spec. */
	validateSchema(schema: string | JsonSchema, value: unknown, label = 'value'): string[] {
		const resolved =
			typeof schema === 'string' ? { $ref: `#/components/schemas/${schema}` } : schema;
		const key =
			typeof schema === 'string' ? `schema ${schema}` : `inline ${JSON.stringify(schema)}`;
		return this.check(key, resolved, value, label).violations;
	}

	/** Throws one error listing every violation; convenient in tests. */
	assertResponse(method: string, path: string, body: unknown, status = 200): void {
		const result = this.validateResponse(method, path, body, status);
		if (!result.ok)
			throw new Error(
				`Contract violations (${result.schemaRef ?? 'no schema'}):\n${result.violations.join('\n')}`,
			);
	}

	private check(
		key: string,
		schema: JsonSchema,
		value: unknown,
		label: string,
		place?: { where: string; status?: number },
	): CheckOutcome {
		let validate = this.compiled.get(key);
		if (!validate) {
			validate = this.ajv.compile(anchorRefs(prepareInline(schema, this.spec)));
			this.compiled.set(key, validate);
		}
		if (validate(value)) return { violations: [], tolerated: [] };
		const errors = validate.errors ?? [];
		const isGap = (error: ErrorObject) => {
			if (place === undefined) return false;
			const params = error.params as { additionalProperty?: unknown; missingProperty?: unknown };
			const known = (property: unknown, kind: 'extra' | 'missing') =>
				isKnownGap(this.knownGaps, place.where, place.status, String(property), kind);
			if (error.keyword === 'additionalProperties')
				return known(params.additionalProperty, 'extra');
			return error.keyword === 'required' && known(params.missingProperty, 'missing');
		};
		const prefix = (message: string) => `${label}: ${message}`;
		return {
			violations: formatErrors(errors.filter((error) => !isGap(error))).map(prefix),
			tolerated: formatErrors(errors.filter(isGap)).map(prefix),
		};
	}
}

/** Query values arrive as text; numeric and boolean parameters are compared as such. */
function coerceQueryValue(text: string, schema: JsonSchema, spec: OpenApiSpec): unknown {
	const resolved = resolveLocalRef(schema, spec) ?? schema;
	const types = ([] as unknown[]).concat(resolved.type ?? []);
	if (
		(types.includes('integer') || types.includes('number')) &&
		text.trim() !== '' &&
		!Number.isNaN(Number(text))
	)
		return Number(text);
	if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
	return text;
}

/** Inline schemas (outside components) need the same normalisation as the components. */
function prepareInline(schema: JsonSchema, spec: OpenApiSpec): JsonSchema {
	const copy = structuredClone(schema);
	normaliseSchema(copy, spec);
	return copy;
}

/** Points local `#/components/...` references at the registered spec document. */
function anchorRefs(schema: unknown): JsonSchema {
	return JSON.parse(JSON.stringify(schema), (key, value) =>
		key === '$ref' && typeof value === 'string' && value.startsWith('#/')
			? `${SPEC_ID}${value}`
			: value,
	) as JsonSchema;
}

/**
 * Readable messages, one per distinct problem: the same problem on many array items is reported
 * once with a count. "if/then" wrappers are dropped since the branch errors say it all.
 */
export function formatErrors(errors: ErrorObject[]): string[] {
	const groups = new Map<string, { first: string; paths: Set<string> }>();
	for (const error of errors) {
		if (error.keyword === 'if') continue;
		const message = describe(error);
		const key = `${error.instancePath.replace(/\/\d+(?=\/|$)/g, '/*')} ${message}`;
		const group = groups.get(key) ?? {
			first: `${error.instancePath || '/'} ${message}`,
			paths: new Set<string>(),
		};
		group.paths.add(error.instancePath);
		groups.set(key, group);
	}
	return [...groups.values()].map(({ first, paths }) =>
		paths.size > 1 ? `${first} (and ${paths.size - 1} more like it)` : first,
	);
}

function describe(error: ErrorObject): string {
	const params = error.params as Record<string, unknown>;
	switch (error.keyword) {
		case 'additionalProperties':
			return `must NOT have additional property "${String(params.additionalProperty)}"`;
		case 'required':
			return `must have required property "${String(params.missingProperty)}"`;
		case 'enum': {
			const allowed = (params.allowedValues as unknown[]) ?? [];
			const shown = allowed
				.slice(0, MAX_ENUM_VALUES_SHOWN)
				.map((value) => JSON.stringify(value))
				.join(', ');
			return `must be one of ${shown}${allowed.length > MAX_ENUM_VALUES_SHOWN ? ', …' : ''}`;
		}
		case 'type': {
			const types = Array.isArray(params.type) ? params.type : String(params.type).split(',');
			return `must be ${types.join(' or ')}`;
		}
		case 'const':
			return `must be ${JSON.stringify(params.allowedValue)}`;
		default:
			return error.message ?? `fails ${error.keyword}`;
	}
}
