import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { requireUuid } from '../params/identifiers';
import { splitList } from '../params/lists';
import type { SearchScope } from '../params/scope';

/**
 * One description drives both the Filters collection and the Mist query it produces, so the
 * editor and the request cannot drift apart. Each kind is validated before it reaches Mist.
 */
export type FilterKind = 'text' | 'mac' | 'uuid' | 'integer' | 'list' | 'boolean' | 'choice';

export interface FilterField {
	/** The option shown in the Filters collection. */
	property: INodeProperties;
	/** Mist query parameter; defaults to the property name. */
	query?: string;
	kind: FilterKind;
	/** Scopes whose endpoint accepts this filter; every scope when absent. */
	scopes?: SearchScope[];
}

const SCOPE_NAMES: Record<SearchScope, string> = { org: 'Organization', site: 'Site' };

export function filtersCollection(fields: FilterField[]): INodeProperties {
	const options = fields
		.map(({ property, scopes }) =>
			scopes ? { ...property, displayOptions: { show: { '/scope': scopes } } } : property,
		)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** The item's Filters as Mist query parameters; empty values are left out. */
export function filtersQuery(
	ctx: IExecuteFunctions,
	itemIndex: number,
	fields: FilterField[],
	scope?: SearchScope,
): IDataObject {
	const node = ctx.getNode();
	const chosen = ctx.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const [name, raw] of Object.entries(chosen ?? {})) {
		const field = fields.find((candidate) => candidate.property.name === name);
		if (!field) {
			throw new NodeOperationError(
				node,
				`Invalid Filters: "${name}" is not a filter of this operation`,
				{
					description: 'Remove the filter and add it again from the list.',
					itemIndex,
				},
			);
		}
		const label = field.property.displayName;
		const value = convert(node, field, raw, label, itemIndex);
		if (value === undefined) continue;
		if (scope && field.scopes && !field.scopes.includes(scope)) {
			throw new NodeOperationError(
				node,
				`Invalid ${label}: Mist accepts this filter only with Scope ${field.scopes.map((s) => SCOPE_NAMES[s]).join(' or ')}`,
				{
					description: `Remove the ${label} filter, or change the Scope.`,
					itemIndex,
				},
			);
		}
		query[field.query ?? name] = value;
	}
	return query;
}

function convert(
	node: INode,
	field: FilterField,
	raw: unknown,
	label: string,
	itemIndex: number,
): string | number | boolean | undefined {
	if (raw === undefined || raw === null) return undefined;
	switch (field.kind) {
		case 'boolean':
			if (typeof raw === 'boolean') return raw;
			if (raw === 'true' || raw === 'false') return raw === 'true';
			throw new NodeOperationError(
				node,
				`Invalid ${label}: "${String(raw).slice(0, 40)}" is not true or false`,
				{ itemIndex },
			);
		case 'integer': {
			if (raw === '') return undefined;
			const number = Number(raw);
			if (Number.isInteger(number)) return number;
			throw new NodeOperationError(
				node,
				`Invalid ${label}: "${String(raw).slice(0, 40)}" is not a whole number`,
				{ itemIndex },
			);
		}
		case 'list': {
			const list = splitList(raw);
			return list.length > 0 ? list.join(',') : undefined;
		}
		case 'uuid':
			return String(raw).trim() === '' ? undefined : requireUuid(node, raw, label, itemIndex);
		case 'mac':
			return macFilter(node, raw, label, itemIndex);
		case 'choice': {
			const text = String(raw).trim();
			if (text === '') return undefined;
			const allowed = (field.property.options ?? []).map((option) =>
				String((option as { value: unknown }).value),
			);
			if (allowed.includes(text)) return text;
			throw new NodeOperationError(
				node,
				`Invalid ${label}: "${text.slice(0, 40)}" is not one of ${allowed.join(', ')}`,
				{
					itemIndex,
				},
			);
		}
		default: {
			const text = String(raw).trim();
			return text === '' ? undefined : text;
		}
	}
}

/** Mist search filters take a full or partial MAC, with `*` as a wildcard; written the Mist way. */
export function macFilter(
	node: INode,
	raw: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	const text = String(raw).trim();
	const mac = text.toLowerCase().replace(/[:\-.\s]/g, '');
	if (mac === '') return undefined;
	if (/^[0-9a-f*]+$/.test(mac) && mac.replace(/\*/g, '').length <= 12) return mac;
	throw new NodeOperationError(
		node,
		`Invalid ${label}: "${text.slice(0, 60)}" is not a MAC address or part of one`,
		{
			description:
				'Use hex digits with or without separators, and * as a wildcard, e.g. 5c5b350e0001, 5C:5B:35:0E:00:01 or 5c5b35*.',
			itemIndex,
		},
	);
}
