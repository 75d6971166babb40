import type { INodeProperties } from 'n8n-workflow';

export const MAX_WAIT_SECONDS = 600;

export const optionFields: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Command Output Wait (Seconds)',
				name: 'commandOutputSeconds',
				type: 'number',
				default: 15,
				typeOptions: { minValue: 0, maxValue: 120 },
				description:
					'How long to collect the output of ping, traceroute, ARP and cable tests from the Mist WebSocket stream (needs Node.js 22 or newer); 0 returns only the session ID',
			},
			{
				displayName: 'Synthetic Test Wait (Seconds)',
				name: 'syntheticWaitSeconds',
				type: 'number',
				default: 15,
				typeOptions: { minValue: 0, maxValue: 120 },
				description: 'How long to wait before reading the synthetic test result back',
			},
			{
				displayName: 'Verify',
				name: 'verify',
				type: 'boolean',
				default: false,
				description:
					'Whether to check afterwards that a restarted device is connected again, or a reconnected client is associated again',
			},
			{
				displayName: 'Verify Within (Seconds)',
				name: 'verifyWithinSeconds',
				type: 'number',
				default: 180,
				typeOptions: { minValue: 0, maxValue: MAX_WAIT_SECONDS },
				description:
					'The target is checked every 15 seconds until it passes or this time is over (0 checks once, at once)',
				displayOptions: { show: { verify: [true] } },
			},
		],
	},
];
