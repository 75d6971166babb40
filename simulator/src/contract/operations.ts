/** Finding the spec operation of a concrete request, and the response schema and examples of an operation. */
import type { JsonSchema, OpenApiOperation, OpenApiResponse, OpenApiSpec } from './spec';
import { pointer } from './spec';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export interface MatchedOperation {
	method: string;
	/** The spec's path template, e.g. /api/v1/sites/{site_id}/stats/devices. */
	template: string;
	operationId: string;
	operation: OpenApiOperation;
	pathParameters: Record<string, string>;
}

export interface ResponseSchema {
	/** The response key of the spec that applies (e.g. "200"). */
	status: string;
	/** Absent when the spec declares the status without a JSON body. */
	contentType?: string;
	schema?: JsonSchema;
}

interface CompiledTemplate {
	template: string;
	pattern: RegExp;
	names: string[];
	literalSegments: number;
}

export class OperationIndex {
	private readonly templates: CompiledTemplate[];

	constructor(private readonly spec: OpenApiSpec) {
		this.templates = Object.keys(spec.paths)
			.map(compileTemplate)
			// Most literal first, so /devices/search wins over /devices/{device_id}.
			.sort(
				(a, b) => b.literalSegments - a.literalSegments || a.template.localeCompare(b.template),
			);
	}

	find(method: string, requestPath: string): MatchedOperation | undefined {
		const lowerMethod = method.toLowerCase();
		const path = stripQuery(requestPath);
		for (const candidate of this.templates) {
			const match = candidate.pattern.exec(path);
			if (!match) continue;
			const operation = this.spec.paths[candidate.template][lowerMethod] as
				| OpenApiOperation
				| undefined;
			if (!operation) continue;
			const pathParameters = Object.fromEntries(
				candidate.names.map((name, index) => [name, decodeURIComponent(match[index + 1])]),
			);
			return {
				method: method.toUpperCase(),
				template: candidate.template,
				operationId: operation.operationId ?? `${lowerMethod} ${candidate.template}`,
				operation,
				pathParameters,
			};
		}
		return undefined;
	}

	/**
	 * The response the spec declares for `status` (a 2xx status falls back to the operation's
	 * 200/201), with its JSON schema when it has one; undefined when the status is not declared.
	 */
	responseSchema(operation: OpenApiOperation, status = 200): ResponseSchema | undefined {
		const responses = operation.responses ?? {};
		const candidates =
			status >= 200 && status < 300 ? [String(status), '200', '201', '2XX'] : [String(status)];
		const key = candidates.find((candidate) => responses[candidate] !== undefined);
		if (key === undefined) return undefined;
		const content = this.resolveResponse(responses[key])?.content ?? {};
		const contentType = Object.keys(content).find((type) => /json/.test(type));
		const schema = contentType ? content[contentType].schema : undefined;
		return schema ? { status: key, contentType, schema } : { status: key };
	}

	/** The query parameters an operation declares (its own and its path item's), by name. */
	queryParameters(matched: MatchedOperation): Map<string, Record<string, unknown>> {
		const pathItem = this.spec.paths[matched.template] as {
			parameters?: Array<Record<string, unknown>>;
		};
		const all = [...(pathItem.parameters ?? []), ...(matched.operation.parameters ?? [])].map(
			(parameter) =>
				typeof parameter.$ref === 'string'
					? (pointer(this.spec, parameter.$ref) as Record<string, unknown> | undefined)
					: parameter,
		);
		return new Map(
			all
				.filter(
					(parameter): parameter is Record<string, unknown> =>
						parameter?.in === 'query' && typeof parameter.name === 'string',
				)
				.map((parameter) => [parameter.name as string, parameter]),
		);
	}

	/** Every (operation, response) whose examples reference `#/components/examples/<name>`. */
	examplesIndex(): Map<string, Array<{ method: string; template: string; schema: JsonSchema }>> {
		const index = new Map<
			string,
			Array<{ method: string; template: string; schema: JsonSchema }>
		>();
		for (const [template, item] of Object.entries(this.spec.paths)) {
			for (const method of HTTP_METHODS) {
				const operation = item[method] as OpenApiOperation | undefined;
				for (const reference of Object.values(operation?.responses ?? {})) {
					const response = this.resolveResponse(reference);
					for (const media of Object.values(response?.content ?? {})) {
						if (!media.schema) continue;
						for (const example of Object.values(media.examples ?? {})) {
							const name = example.$ref?.replace('#/components/examples/', '');
							if (!name) continue;
							const uses = index.get(name) ?? [];
							if (!uses.some((use) => use.method === method && use.template === template)) {
								uses.push({ method: method.toUpperCase(), template, schema: media.schema });
							}
							index.set(name, uses);
						}
					}
				}
			}
		}
		return index;
	}

	private resolveResponse(
		response: OpenApiResponse | { $ref: string } | undefined,
	): OpenApiResponse | undefined {
		if (response && '$ref' in response && typeof response.$ref === 'string') {
			return pointer(this.spec, response.$ref) as OpenApiResponse | undefined;
		}
		return response as OpenApiResponse | undefined;
	}
}

function compileTemplate(template: string): CompiledTemplate {
	const names: string[] = [];
	let literalSegments = 0;
	const source = template
		.split('/')
		.map((segment) => {
			if (!segment.includes('{')) {
				literalSegments++;
				return escapeRegExp(segment);
			}
			return segment
				.split(/(\{[^}]+\})/)
				.map((part) => {
					const name = /^\{([^}]+)\}$/.exec(part)?.[1];
					if (!name) return escapeRegExp(part);
					names.push(name);
					return '([^/]+)';
				})
				.join('');
		})
		.join('/');
	return { template, pattern: new RegExp(`^${source}/?$`), names, literalSegments };
}

function stripQuery(requestPath: string): string {
	const withoutOrigin = requestPath.replace(/^https?:\/\/[^/]+/, '');
	return withoutOrigin.split('?')[0];
}

function escapeRegExp(value: string): string {
	return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
