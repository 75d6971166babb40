/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Realistic Mist payloads from the OpenAPI spec (`components.examples`), used as test fixtures.
 * Every call returns a fresh deep copy, so a test can change its fixture freely.
 */
import { readFileSync } from 'fs';

import { resolveSpecPath } from '../../../simulator/src/contract/spec';

export const SPEC_PATH = resolveSpecPath();

interface OpenApiSpec {
	components: { examples: Record<string, { value?: unknown }> };
	webhooks?: Record<string, unknown>;
}

let spec: OpenApiSpec | undefined;

export function openApiSpec(): OpenApiSpec {
	spec ??= JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as OpenApiSpec;
	return spec;
}

/** `components.examples.<name>.value`, deep-copied; throws on an unknown name so typos fail loudly. */
export function example<T = unknown>(name: string): T {
	const entry = openApiSpec().components.examples[name];
	if (!entry || entry.value === undefined) throw new Error(`No example "${name}" in ${SPEC_PATH}`);
	return structuredClone(entry.value) as T;
}

/** The first record of a search example's `results`, or of an array example. */
export function firstRecord<T = Record<string, unknown>>(name: string): T {
	const value = example<unknown>(name);
	const list = Array.isArray(value) ? value : (value as { results?: unknown[] }).results;
	if (!Array.isArray(list) || list.length === 0)
		throw new Error(`Example "${name}" has no records`);
	return list[0] as T;
}

/** The sample body of a webhook topic: `webhooks.<topic>.post.requestBody.content["application/json"].examples.Example.value`. */
export function webhookExample<T = unknown>(topic: string): T {
	const hook = openApiSpec().webhooks?.[topic] as
		| {
				post?: {
					requestBody?: {
						content?: Record<string, { examples?: Record<string, { value?: unknown }> }>;
					};
				};
		  }
		| undefined;
	const value = hook?.post?.requestBody?.content?.['application/json']?.examples?.Example?.value;
	if (value === undefined) throw new Error(`No webhook example "${topic}" in ${SPEC_PATH}`);
	return structuredClone(value) as T;
}

/** A search answer shaped like the named example, with its `results` replaced and `next` set or removed. */
export function searchPage(
	name: string,
	results: unknown[],
	next?: string,
): Record<string, unknown> {
	const page = example<Record<string, unknown>>(name);
	page.results = results;
	if (next) page.next = next;
	else delete page.next;
	return page;
}
