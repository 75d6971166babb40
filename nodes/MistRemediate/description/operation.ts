import type { INodePropertyOptions, INodeProperties } from 'n8n-workflow';

/** Explicit actions are named as people say them; values are the finding contract's operation names. */
export const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'ARP Table', value: 'arp', action: 'Show the ARP table of a device', description: 'Start an ARP table dump on a device' },
		{ name: 'Bounce Switch Port', value: 'bouncePort', action: 'Bounce switch ports', description: 'Turn switch ports off and on again (PoE APs reboot)' },
		{ name: 'Cable Test', value: 'cableTest', action: 'Run a cable test', description: 'TDR cable test on one switch port' },
		{
			name: 'From Finding',
			value: 'fromFinding',
			action: 'Remediate a finding',
			description: 'Do what a finding of the Mist Diagnose node recommends (its remediation)',
		},
		{ name: 'Optimize RF (RRM)', value: 'rrmOptimize', action: 'Run RRM optimization', description: 'Ask RRM for a new plan; TX power only by default, so clients stay connected' },
		{ name: 'Ping From Device', value: 'ping', action: 'Ping from a device', description: 'Ping a host from an AP or switch' },
		{ name: 'Re-Authenticate Client', value: 'reauthenticateClient', action: 'Reauthenticate a client', description: 'Send an 802.1X CoA so that the client authenticates again' },
		{ name: 'Reconnect Client', value: 'reconnectClient', action: 'Reconnect clients', description: 'Disconnect one or more clients so that they re-associate' },
		{ name: 'Reset Radios to RRM', value: 'resetRadios', action: 'Reset radios to RRM', description: "Hand every AP's radio settings of the site back to RRM" },
		{ name: 'Restart Device', value: 'restartDevice', action: 'Restart devices', description: 'Restart one or more APs or switches' },
		{ name: 'Run Synthetic Test', value: 'syntheticTest', action: 'Run a synthetic test', description: 'DHCP, DNS, RADIUS, cURL or ARP test from a device, with its result' },
		{ name: 'Set AP Radio', value: 'setRadio', action: 'Set an AP radio', description: 'Change the channel, power or bandwidth of one band of an AP' },
		{ name: 'Traceroute From Device', value: 'traceroute', action: 'Traceroute from a device', description: 'Trace the route to a host from a device' },
		{ name: 'Unauthorize Guest', value: 'unauthorizeGuest', action: 'Unauthorize guests', description: 'Make guests go through the splash page again' },
	],
	default: 'fromFinding',
};

export const ACTION_OPTIONS: INodePropertyOptions[] = (operationProperty.options as INodePropertyOptions[]).filter(
	(option) => option.value !== 'fromFinding',
);

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
	options: ACTION_OPTIONS.map(({ name, value }) => ({ name, value })),
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
	description: 'Findings that recommend any other operation are passed to the Skipped output, not done',
	displayOptions: { show: { operation: ['fromFinding'] } },
};
