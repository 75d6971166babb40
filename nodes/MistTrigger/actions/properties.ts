import type { INodeProperties } from 'n8n-workflow';

import { orgLocator, siteLocator } from '../../shared/descriptions/locators';
import { memoryProperties } from '../../shared/memory/description';
import { DEFAULT_DEDUP_WINDOW_SECONDS } from '../engine/dedup';

const automatic = { show: { webhookRegistration: ['automatic'] } };

/**
 * The shared Memory and Namespace parameters, with the trigger's own words for "This Workflow
 * Only": its seen events never go to static data (n8n would save the workflow on every delivery).
 */
const dedupMemoryProperties: INodeProperties[] = memoryProperties('the events already seen').map(
	(property) =>
		property.name !== 'memory'
			? property
			: {
					...property,
					description:
						'Where the Deduplication Window remembers the events it let through. Shared catches the org and site copy of an event even when different n8n processes (main, workers, webhook processors) receive them.',
					options: (property.options ?? []).map((option) =>
						'value' in option && option.value === 'workflow'
							? {
									...option,
									description:
										'Remember the events already seen in this n8n process only: forgotten at a restart, not seen by other webhook processes',
								}
							: option,
					),
				},
);

export const mistTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Webhook Registration',
		name: 'webhookRegistration',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Register Webhook Automatically',
				value: 'automatic',
				description:
					'Create a Mist webhook when the workflow is activated, and delete it when it is deactivated. Its secret is derived from the Mist API credential, never stored.',
			},
			{
				name: 'Use Existing Webhook',
				value: 'existing',
				description:
					'You registered this node’s webhook URL in Mist yourself; nothing is created or deleted',
			},
		],
		default: 'automatic',
	},
	{
		displayName:
			'In Mist, create an http-post webhook whose URL is this node’s webhook URL (shown above) and give it a secret; put the same secret in a Mist Webhook Secret API credential (above)',
		name: 'existingWebhookNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { webhookRegistration: ['existing'] } },
	},
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Organization', value: 'org', description: 'An org webhook (org-level topics only)' },
			{ name: 'Site', value: 'site', description: 'A webhook of one site' },
		],
		default: 'org',
		description: 'Where the webhook is registered in Mist',
		displayOptions: automatic,
	},
	{ ...orgLocator, displayOptions: automatic },
	{
		...siteLocator,
		displayOptions: { show: { webhookRegistration: ['automatic'], scope: ['site'] } },
	},
	{
		displayName: 'Topic Names or IDs',
		name: 'topics',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getWebhookTopics', loadOptionsDependsOn: ['scope'] },
		default: [],
		required: true,
		description:
			'Event topics Mist sends, e.g. alarms, device-updowns. Org webhooks accept only topics not marked "Site-level only". Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: automatic,
	},
	{
		displayName: 'Verify Signature',
		name: 'verifySignature',
		type: 'boolean',
		default: true,
		description:
			'Whether to accept only deliveries whose X-Mist-Signature-v2 header (HMAC-SHA256 of the body) matches the secret (or, with the option Accept SHA-1 Signatures, the older X-Mist-Signature when v2 is absent); others get 401 and start nothing. Mist signs only http-post webhooks that have a secret.',
	},
	{
		// Shown only while it holds a value, so that older workflows can clear it; new ones use the credential.
		displayName: 'Secret (Deprecated)',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'Deprecated: this field is stored in the workflow and copied into every execution, so anyone who can read executions could sign deliveries. Put the secret in a Mist Webhook Secret API credential and clear this field; while it holds a value and no such credential is selected, it is still used.',
		displayOptions: {
			show: {
				webhookRegistration: ['existing'],
				verifySignature: [true],
				secret: [{ _cnd: { exists: true } }],
			},
		},
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Only events passing every filter start the workflow',
		options: [
			{
				displayName: 'Alarm Type Names or IDs',
				name: 'alarmTypes',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAlarmTypes' },
				default: [],
				description:
					'Keep only alarms of these types (events of other topics are not affected). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Drop Events Without Severity',
				name: 'dropWithoutSeverity',
				type: 'boolean',
				default: false,
				description:
					'Whether events that carry no severity (most topics other than alarms) are dropped when Minimum Severity is set. Alarms always get one: their own, else their type’s from Mist’s alarm definitions; an alarm whose severity cannot be found is kept with severity "unknown".',
			},
			{
				displayName: 'Event Types',
				name: 'eventTypes',
				type: 'string',
				default: '',
				placeholder: 'AP_DISCONNECTED, SW_PORT_*',
				description:
					'Keep only events whose type is in this comma-separated list; a trailing * matches a prefix. Events without a type are dropped.',
			},
			{
				displayName: 'Minimum Severity',
				name: 'minSeverity',
				type: 'options',
				options: [
					{ name: 'Critical', value: 'critical' },
					{ name: 'Info', value: 'info', description: 'Every severity' },
					{ name: 'Major', value: 'major', description: 'Major and critical' },
					{ name: 'Minor', value: 'minor', description: 'Minor, major and critical' },
					{
						name: 'Warn',
						value: 'warn',
						description: 'Warn (also written warning), minor, major and critical',
					},
				],
				default: 'info',
				description:
					'Lowest alarm severity to keep, on the scale info < warn < minor < major < critical. Alarms Mist sends without a severity get their type’s from /const/alarm_defs (read with the Mist credential, at most once an hour); the output field severitySource says which.',
			},
			{
				displayName: 'Site IDs',
				name: 'siteIds',
				type: 'string',
				default: '',
				placeholder: '978c48e6-6ef6-11e6-8bbf-02e208b2d34f',
				description:
					'Keep only events of these sites (comma-separated IDs); events without a site_id are dropped',
			},
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'string',
				default: '',
				placeholder: 'alarms, device-updowns',
				description:
					'Keep only events of these topics (comma-separated), e.g. when an existing webhook sends more',
			},
		],
	},
	...dedupMemoryProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Accept SHA-1 Signatures',
				name: 'acceptSha1Signatures',
				type: 'boolean',
				default: false,
				description:
					'Whether a delivery that carries only the older X-Mist-Signature header (HMAC-SHA1), without X-Mist-Signature-v2, is accepted when its signature matches. Exists because Juniper’s own delivery sample shows only that header. Off by default: Mist normally sends both, and SHA-256 is the stronger check. When X-Mist-Signature-v2 is present, it alone decides.',
			},
			{
				displayName: 'Deduplication Window (Seconds)',
				name: 'dedupWindowSeconds',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 3600 },
				default: DEFAULT_DEDUP_WINDOW_SECONDS,
				description:
					'Drop an event identical to one received this many seconds before, as happens when a topic is configured at both org and site level. 0 turns it off. Not applied while listening for a test event.',
			},
			{
				displayName: 'Emit Ping Events',
				name: 'emitPingEvents',
				type: 'boolean',
				default: false,
				description:
					'Whether Mist’s test pings (topic ping) start the workflow when it is active. While listening for a test event they are always shown.',
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodySizeKb',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 16384 },
				default: 1024,
				description: 'Larger deliveries are refused with 413 and start nothing',
			},
			{
				displayName: 'Verify TLS Certificate',
				name: 'verifyCertificate',
				type: 'boolean',
				default: true,
				description:
					'Whether Mist checks the TLS certificate of the n8n webhook URL (turn off only for self-signed certificates; used when registering automatically)',
			},
		],
	},
];
