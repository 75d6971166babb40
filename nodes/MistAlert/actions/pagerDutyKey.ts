import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IExecuteFunctions,
	INodeCredentialTestResult,
	INodeProperties,
} from 'n8n-workflow';
import { warnInOutputPane } from '../../shared/utils/hints';

/** Mist Alert's own credential type (n8n's `pagerDutyApi` is a REST API token, not this). */
export const PAGERDUTY_CREDENTIAL = 'mistPagerDutyEventsApi';
/** The parameter that held the key in plain text before the credential; read only for old workflows. */
export const LEGACY_ROUTING_KEY = 'pagerDutyRoutingKey';

const CREDENTIAL_NAME = 'PagerDuty Events API';
const CLEAR_LEGACY = `move the key to a ${CREDENTIAL_NAME} credential and clear "PagerDuty Routing Key (Deprecated)", which keeps it in plain text in the workflow`;

/** What Tier 3 items say about their routing key; none when the credential gave one. */
export const PAGERDUTY_NOTES = {
	missing: `No ${CREDENTIAL_NAME} credential on this Mist Alert node: the pagerduty body has no routing_key. Select the credential, or set routing_key in the node that sends the page.`,
	empty: `The ${CREDENTIAL_NAME} credential has an empty Routing Key: the pagerduty body has no routing_key.`,
	unreadable: (reason: string) =>
		`The ${CREDENTIAL_NAME} credential could not be read (${reason}): the pagerduty body has no routing_key.`,
	legacyUsed: `Deprecated: the routing key comes from the "PagerDuty Routing Key" parameter because no ${CREDENTIAL_NAME} credential is selected; ${CLEAR_LEGACY}.`,
	legacyIgnored: `The deprecated "PagerDuty Routing Key" parameter is ignored: the ${CREDENTIAL_NAME} credential gives the key; clear the parameter, it keeps the key in plain text in the workflow.`,
};

/*
 * Shown only while an old workflow still holds a key (hidden when empty, so new nodes never show
 * it). The parameter must stay declared: n8n drops undeclared parameters before the node runs, and
 * a page would then go out without its key and without a word.
 */
const showWhileSet = { hide: { [LEGACY_ROUTING_KEY]: [''] } };

export const legacyRoutingKeyProperties: INodeProperties[] = [
	{
		displayName: `This node still keeps the PagerDuty routing key in plain text. ${CLEAR_LEGACY[0].toUpperCase()}${CLEAR_LEGACY.slice(1)}.`,
		name: 'pagerDutyRoutingKeyDeprecated',
		type: 'notice',
		default: '',
		displayOptions: showWhileSet,
	},
	{
		displayName: 'PagerDuty Routing Key (Deprecated)',
		name: LEGACY_ROUTING_KEY,
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: `Deprecated: use the ${CREDENTIAL_NAME} credential. Used only when no such credential is selected.`,
		displayOptions: showWhileSet,
	},
];

export interface PagerDutyRouting {
	/** For the routing_key of Tier 3 PagerDuty bodies only. */
	routingKey?: string;
	/** Said on every Tier 3 item (why there is no key, or that the old parameter is in use). */
	note?: string;
}

async function credentialKey(ctx: IExecuteFunctions): Promise<PagerDutyRouting> {
	try {
		const credential = await ctx.getCredentials<{ routingKey?: unknown }>(PAGERDUTY_CREDENTIAL);
		const routingKey = String(credential.routingKey ?? '').trim();
		return routingKey ? { routingKey } : { note: PAGERDUTY_NOTES.empty };
	} catch (error) {
		// PagerDuty is one channel of several: a broken credential must not stop chat and email.
		return { note: PAGERDUTY_NOTES.unreadable((error as Error).message) };
	}
}

/** The routing key for Tier 3: the credential if selected, else the deprecated parameter (with a warning). */
export async function readPagerDutyRouting(ctx: IExecuteFunctions): Promise<PagerDutyRouting> {
	const legacy = String(ctx.getNodeParameter(LEGACY_ROUTING_KEY, 0, '') ?? '').trim();
	const selected = Boolean(ctx.getNode().credentials?.[PAGERDUTY_CREDENTIAL]);
	const routing: PagerDutyRouting = selected
		? await credentialKey(ctx)
		: legacy
			? { routingKey: legacy, note: PAGERDUTY_NOTES.legacyUsed }
			: { note: PAGERDUTY_NOTES.missing };
	if (legacy) {
		const message = selected ? PAGERDUTY_NOTES.legacyIgnored : PAGERDUTY_NOTES.legacyUsed;
		warnInOutputPane(ctx, message);
		if (selected && routing.routingKey) routing.note = message;
	}
	return routing;
}

/** PagerDuty's Events API v2 routing key: "the 32 character Integration Key". */
const ROUTING_KEY_SHAPE = /^[A-Za-z0-9]{32}$/;

/**
 * The credential test: the key's shape only, offline. Any event sent to check it would reach the
 * service (a trigger opens an incident), so PagerDuty checks the key itself at the first page.
 */
export async function testPagerDutyRoutingKey(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const key = String(credential.data?.routingKey ?? '').trim();
	if (ROUTING_KEY_SHAPE.test(key))
		return {
			status: 'OK',
			message:
				'The key has the shape of a PagerDuty integration key; PagerDuty checks it at the first page',
		};
	return {
		status: 'Error',
		message: `A PagerDuty Events API v2 integration key is 32 letters and digits; this one has ${key.length} characters${/[^A-Za-z0-9]/.test(key) ? ' and others than letters and digits' : ''}. Copy it from the service's Integrations tab (Events API v2).`,
	};
}
