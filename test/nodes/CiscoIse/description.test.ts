import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CiscoIse } from '../../../nodes/CiscoIse/CiscoIse.node';
import { resources } from '../../../nodes/CiscoIse/actions/resources';

const description = new CiscoIse().description;
const operationProperties = description.properties.filter(
	(property) => property.name === 'operation',
);

describe('Cisco ISE › node description', () => {
	it('is the ciscoIse node with light and dark icons', () => {
		expect(description).toMatchObject({
			name: 'ciscoIse',
			displayName: 'Cisco ISE',
			usableAsTool: true,
		});
		expect(description.icon).toEqual({
			light: 'file:../../icons/ciscoIse.svg',
			dark: 'file:../../icons/ciscoIse.dark.svg',
		});
	});

	it('offers exactly the operations the router can run, each with an action', () => {
		const offered = operationProperties.flatMap((property) => {
			const resource = (property.displayOptions?.show?.resource as string[])[0];
			return (property.options as INodePropertyOptions[]).map((option) => {
				expect(option.action).toEqual(expect.any(String));
				return `${resource}.${String(option.value)}`;
			});
		});
		const runnable = Object.entries(resources).flatMap(([resource, { operations }]) =>
			Object.keys(operations).map((operation) => `${resource}.${operation}`),
		);
		expect(offered.sort()).toEqual(runnable.sort());
		expect(offered).toEqual(
			expect.arrayContaining([
				'session.getByMac',
				'session.getActiveCount',
				'authentication.getStatus',
				'authentication.getRecentFailures',
				'authentication.getFailureReasons',
				'coa.reauthenticate',
				'coa.disconnect',
			]),
		);
	});

	it('shows every operation parameter only for its resource and operation', () => {
		const parameters = description.properties.filter(
			(property: INodeProperties) => !['resource', 'operation'].includes(property.name),
		);
		for (const parameter of parameters) {
			expect(parameter.displayOptions?.show?.resource).toHaveLength(1);
			expect(parameter.displayOptions?.show?.operation).toHaveLength(1);
		}
	});
});
