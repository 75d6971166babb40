import { NodeHelpers } from 'n8n-workflow';
import type {
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
} from 'n8n-workflow';

import { Mist } from '../../../nodes/Mist/Mist.node';
import { resources } from '../../../nodes/Mist/actions/resources';

/** Editor-facing rules for the Client, Device, Alarm, Usage and Constant resources, checked on the built descriptions. */
const OWNED = ['alarm', 'client', 'constant', 'device', 'usage'];

type Option = INodePropertyOptions | INodeProperties | INodePropertyCollection;
const label = (option: Option) => ('displayName' in option ? option.displayName : option.name);
const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b));

function everyProperty(properties: INodeProperties[], visit: (property: INodeProperties) => void) {
	for (const property of properties) {
		visit(property);
		if (property.type === 'collection')
			everyProperty((property.options ?? []) as INodeProperties[], visit);
	}
}

describe.each(OWNED)('Juniper Mist › %s description', (name) => {
	const resource = resources[name];
	const [operation, ...rest] = resource.description;

	it('lists every operation once, alphabetically, each with an action', () => {
		expect(operation.name).toBe('operation');
		expect(operation.displayOptions).toEqual({ show: { resource: [name] } });
		const options = operation.options as INodePropertyOptions[];
		expect(options.map((option) => option.name)).toEqual(
			sorted(options.map((option) => option.name)),
		);
		expect(options.map((option) => option.value).sort()).toEqual(
			Object.keys(resource.operations).sort(),
		);
		expect(
			options.every((option) => typeof option.action === 'string' && option.action.length > 0),
		).toBe(true);
		expect(Object.keys(resource.operations)).toContain(operation.default);
	});

	it('shows each parameter only for this resource and one of its operations', () => {
		for (const property of rest) {
			expect(property.displayOptions?.show?.resource).toEqual([name]);
			const ops = property.displayOptions?.show?.operation as string[];
			expect(ops).toHaveLength(1);
			expect(Object.keys(resource.operations)).toContain(ops[0]);
		}
	});

	it('keeps static options and collection entries alphabetical and uniquely named', () => {
		everyProperty(rest, (property) => {
			if (!['options', 'multiOptions', 'collection'].includes(property.type) || !property.options)
				return;
			const names = (property.options as Option[]).map(label);
			expect(names).toEqual(sorted(names));
			expect(new Set(names).size).toBe(names.length);
		});
	});

	it('gives dynamic multi-options the wording n8n expects and an empty default', () => {
		everyProperty(rest, (property) => {
			if (!property.typeOptions?.loadOptionsMethod) return;
			expect(property.displayName).toMatch(/Names or IDs$/);
			expect(property.default).toEqual([]);
			expect(property.description).toContain('expression');
		});
	});
});

describe('Juniper Mist › what the editor shows per Scope', () => {
	const description = new Mist().description;
	const shown = (values: INodeParameters) =>
		Object.keys(
			NodeHelpers.getNodeParameters(
				description.properties,
				values,
				true,
				false,
				null,
				description,
			) ?? {},
		);
	const filterOption = (resource: string, operation: string, name: string) => {
		const filters = description.properties.find(
			(property) =>
				property.name === 'filters' &&
				(property.displayOptions?.show?.resource as string[])?.includes(resource) &&
				(property.displayOptions?.show?.operation as string[])?.includes(operation),
		);
		const option = (filters?.options as INodeProperties[] | undefined)?.find(
			(candidate) => candidate.name === name,
		);
		if (!option) throw new Error(`No filter ${name} on ${resource}/${operation}`);
		return option;
	};

	it.each([
		[
			{ resource: 'client', operation: 'search', scope: 'org' },
			['org', 'filters', 'duration', 'limit'],
			['site'],
		],
		[{ resource: 'client', operation: 'search', scope: 'site' }, ['org', 'site'], []],
		[
			{ resource: 'device', operation: 'getStats', scope: 'device' },
			['site', 'device', 'simplify'],
			['returnAll', 'status', 'filters'],
		],
		[
			{ resource: 'device', operation: 'getStats', scope: 'org' },
			['deviceType', 'status', 'filters', 'limit'],
			['site', 'device'],
		],
		[
			{ resource: 'device', operation: 'searchEvents', scope: 'org' },
			['eventTypes', 'deviceType'],
			['site'],
		],
		[
			{ resource: 'device', operation: 'searchEvents', scope: 'site' },
			['eventTypes', 'site'],
			['deviceType'],
		],
		[
			{ resource: 'alarm', operation: 'acknowledge' },
			['org', 'alarmId', 'note'],
			['returnAll', 'simplify'],
		],
		[{ resource: 'usage', operation: 'getApiUsage' }, [], ['org', 'returnAll']],
	])('%j shows %j and hides %j', (values, visible, hidden) => {
		const names = shown(values);
		for (const name of visible) expect(names).toContain(name);
		for (const name of hidden) expect(names).not.toContain(name);
	});

	it.each([
		['client', 'search', 'username', { org: true, site: false }],
		['client', 'search', 'hostname', { org: true, site: true }],
		['alarm', 'search', 'acked', { org: false, site: true }],
		['alarm', 'search', 'status', { org: true, site: false }],
	])(
		'%s/%s offers the %s filter only where Mist accepts it',
		(resource, operation, name, expected) => {
			const option = filterOption(resource, operation, name);
			for (const [scope, visible] of Object.entries(expected)) {
				const values = { resource, operation, scope, filters: {} };
				expect(NodeHelpers.displayParameterPath(values, option, 'filters', null, description)).toBe(
					visible,
				);
			}
		},
	);
});
