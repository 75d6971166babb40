import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { actionOptions } from '../actions';

const fromFindingOption: INodePropertyOptions = {
	name: 'From Finding',
	value: 'fromFinding',
	action: 'Remediate a finding',
	description: 'Do what a finding of the Mist Diagnose node recommends (its remediation)',
};

/** Explicit actions are named as people say them; values are the finding contract's operation names. */
export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [fromFindingOption, ...actionOptions].sort((a, b) => a.name.localeCompare(b.name)),
	default: 'fromFinding',
};

export const dryRunProperty: INodeProperties = {
	displayName: 'Dry Run',
	name: 'dryRun',
	type: 'boolean',
	default: true,
	description:
		'Whether to only report what would be done (method, path, body, target and the guardrail decision) without changing anything in Mist. Reads needed for the guardrails still happen.',
};

export const allowedOperationsProperty: INodeProperties = {
	displayName: 'Allowed Operations',
	name: 'allowedOperations',
	type: 'multiOptions',
	options: actionOptions.map(({ name, value }) => ({ name, value })),
	// Every action (a unit test keeps it equal to the registry); written out because the n8n lint
	// rule for multi-option defaults only reads a literal list.
	default: [
		'arp',
		'bouncePort',
		'cableTest',
		'ping',
		'reauthenticateClient',
		'reconnectClient',
		'resetRadios',
		'restartDevice',
		'rrmOptimize',
		'setRadio',
		'syntheticTest',
		'traceroute',
		'unauthorizeGuest',
	],
	description:
		'Findings that recommend any other operation are passed to the Skipped output, not done',
	displayOptions: { show: { operation: ['fromFinding'] } },
};
