/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/**
 * Loading the Mist OpenAPI 3.1 spec and rewriting the few constructs ajv cannot use as they are:
 * OpenAPI 3.0 `nullable`, and `discriminator` + `oneOf` (turned into if/then chains keyed on each
 * branch's own tag value, which also keeps violation messages about the one branch that applies).
 */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiOperation {
	operationId?: string;
	parameters?: Array<Record<string, unknown>>;
	responses?: Record<string, OpenApiResponse | { $ref: string }>;
}

export interface OpenApiResponse {
	description?: string;
	content?: Record<
		string,
		{ schema?: JsonSchema; examples?: Record<string, { $ref?: string; value?: unknown }> }
	>;
}

export interface OpenApiSpec {
	openapi: string;
	paths: Record<string, Record<string, OpenApiOperation | unknown>>;
	/** Webhook topics: `webhooks.<topic>.post.requestBody` describes the body Mist posts. */
	webhooks?: Record<string, { post?: { requestBody?: OpenApiResponse } }>;
	components: {
		schemas: Record<string, JsonSchema>;
		responses: Record<string, OpenApiResponse>;
		examples: Record<string, { value?: unknown; summary?: string }>;
		parameters?: Record<string, Record<string, unknown>>;
	};
}

/** Vendored (MIT, see simulator/spec/SOURCE.txt) so that a clean clone tests offline with nothing beside it. */
const SPEC_RELATIVE_TO_REPO = 'simulator/spec/mist.openapi.json';
const PACKAGE_NAME = 'n8n-nodes-juniper-mist';

/** The repository root: the nearest parent holding this package's package.json (works from src and from build). */
export function findRepoRoot(start: string = __dirname): string {
	let directory = start;
	for (;;) {
		const manifest = path.join(directory, 'package.json');
		if (
			existsSync(manifest) &&
			readFileSync(manifest, 'utf8').includes(`"name": "${PACKAGE_NAME}"`)
		)
			return directory;
		const parent = path.dirname(directory);
		if (parent === directory)
			throw new Error(`Cannot find the ${PACKAGE_NAME} repository above ${start}`);
		directory = parent;
	}
}

/** MIST_OPENAPI_PATH when set (to try a newer spec), else the copy vendored in the repository. */
export function resolveSpecPath(repoRoot: string = findRepoRoot()): string {
	const fromEnv = process.env.MIST_OPENAPI_PATH;
	if (fromEnv) {
		if (existsSync(fromEnv)) return fromEnv;
		throw new Error(`Mist OpenAPI spec not found at MIST_OPENAPI_PATH=${fromEnv}`);
	}
	const vendored = path.resolve(repoRoot, SPEC_RELATIVE_TO_REPO);
	if (existsSync(vendored)) return vendored;
	throw new Error(
		`Mist OpenAPI spec not found at ${vendored} (set MIST_OPENAPI_PATH to use another copy)`,
	);
}

export function loadSpec(specPath: string = resolveSpecPath()): OpenApiSpec {
	const spec = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiSpec;
	if (!spec.openapi?.startsWith('3.') || !spec.paths || !spec.components?.schemas) {
		throw new Error(`${specPath} is not an OpenAPI 3 document with paths and components.schemas`);
	}
	return spec;
}

/** Rewrites every component schema in place; running it twice changes nothing. */
export function normaliseComponents(spec: OpenApiSpec): void {
	for (const schema of Object.values(spec.components.schemas)) normaliseSchema(schema, spec);
}

/** Rewrites one schema tree in place (see the file comment). */
export function normaliseSchema(schema: unknown, spec: OpenApiSpec): void {
	if (Array.isArray(schema)) {
		for (const item of schema) normaliseSchema(item, spec);
		return;
	}
	if (typeof schema !== 'object' || schema === null) return;
	const node = schema as JsonSchema;
	if (node.nullable === true) {
		delete node.nullable;
		if (typeof node.type === 'string') node.type = [node.type, 'null'];
		if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
	}
	if (isObject(node.discriminator) && Array.isArray(node.oneOf)) rewriteDiscriminator(node, spec);
	for (const [key, value] of Object.entries(node)) {
		if (DATA_KEYWORDS.has(key)) continue;
		if (SCHEMA_MAP_KEYWORDS.has(key) && isObject(value)) {
			for (const child of Object.values(value)) normaliseSchema(child, spec);
		} else {
			normaliseSchema(value, spec);
		}
	}
}

/** Keywords whose values are data, not schemas. */
const DATA_KEYWORDS = new Set([
	'examples',
	'example',
	'default',
	'enum',
	'const',
	'required',
	'discriminator',
]);
/** Keywords whose values map names to schemas (a property may be called "nullable" or "enum"). */
const SCHEMA_MAP_KEYWORDS = new Set([
	'properties',
	'patternProperties',
	'$defs',
	'definitions',
	'dependentSchemas',
]);

function rewriteDiscriminator(node: JsonSchema, spec: OpenApiSpec): void {
	const propertyName = (node.discriminator as { propertyName?: string }).propertyName;
	if (!propertyName) return;
	const branches = (node.oneOf as JsonSchema[]).map((branch) => ({
		branch,
		tag: tagValue(branch, propertyName, spec),
	}));
	if (branches.some(({ tag }) => tag === undefined)) return;
	delete node.discriminator;
	delete node.oneOf;
	node.type = 'object';
	node.required = [...new Set([...((node.required as string[]) ?? []), propertyName])];
	node.properties = {
		...((node.properties as JsonSchema) ?? {}),
		[propertyName]: { enum: branches.map(({ tag }) => tag) },
	};
	node.allOf = [
		...((node.allOf as JsonSchema[]) ?? []),
		...branches.map(({ branch, tag }) => ({
			if: { properties: { [propertyName]: { const: tag } }, required: [propertyName] },
			then: branch,
		})),
	];
}

/** The single value a branch allows for the tag property, following `$ref`s inside the spec. */
function tagValue(branch: JsonSchema, propertyName: string, spec: OpenApiSpec): unknown {
	const resolved = resolveLocalRef(branch, spec);
	const property = resolveLocalRef(
		(resolved?.properties as JsonSchema | undefined)?.[propertyName] as JsonSchema,
		spec,
	);
	if (!property) return undefined;
	if ('const' in property) return property.const;
	if (Array.isArray(property.enum) && property.enum.length === 1) return property.enum[0];
	return undefined;
}

export function resolveLocalRef(
	schema: JsonSchema | undefined,
	spec: OpenApiSpec,
): JsonSchema | undefined {
	let current = schema;
	for (let hops = 0; current && typeof current.$ref === 'string' && hops < 10; hops++) {
		current = pointer(spec, current.$ref) as JsonSchema | undefined;
	}
	return current;
}

export function pointer(document: unknown, ref: string): unknown {
	if (!ref.startsWith('#/')) return undefined;
	return ref
		.slice(2)
		.split('/')
		.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
		.reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), document);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
