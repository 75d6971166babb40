/**
 * Where the trigger finds the secret deliveries are signed with. Nothing here is stored in the
 * workflow or its static data: the secret is derived from, or read from, a credential each time.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { MIST_CREDENTIAL } from '../../shared/transport/MistClient';
import { deriveWebhookSecret, secretFingerprint } from '../engine/webhookSecret';
import { triggerStaticData } from './settings';
import type { Registration, TriggerFunctions, TriggerStaticData } from './settings';

export const WEBHOOK_SECRET_CREDENTIAL = 'mistWebhookSecretApi';

/**
 * `derived`: automatic registration, from the Mist API token. `credential`: the user's Mist Webhook
 * Secret credential. `legacyParameter`: the deprecated Secret parameter of workflows made before
 * that credential. `legacyStatic`: a webhook registered before the secret was derived, not yet
 * replaced (the next activation replaces it). `none`: nothing to verify with.
 */
export type SecretSource = 'derived' | 'credential' | 'legacyParameter' | 'legacyStatic' | 'none';

export interface ExpectedSecret {
	secret: string;
	source: SecretSource;
}

const NONE: ExpectedSecret = { secret: '', source: 'none' };

/** What the secret is derived from besides the key: n8n's webhook id of this node (in its URL). */
function webhookKey(ctx: TriggerFunctions): string {
	const node = ctx.getNode();
	return node.webhookId || `${ctx.getWorkflow().id ?? ''}:${node.id}`;
}

/** The secret of the webhook this node registers: HMAC of its webhook id keyed with the API token. */
export async function derivedSecret(ctx: TriggerFunctions): Promise<string> {
	const credentials = (await ctx.getCredentials(MIST_CREDENTIAL)) as IDataObject;
	const token = typeof credentials?.apiToken === 'string' ? credentials.apiToken : '';
	return token === '' ? '' : deriveWebhookSecret(token, webhookKey(ctx));
}

export function hasSecretCredential(ctx: TriggerFunctions): boolean {
	return Boolean(ctx.getNode().credentials?.[WEBHOOK_SECRET_CREDENTIAL]);
}

/** The deprecated Secret parameter (Use Existing Webhook before the credential existed). */
export function legacySecretParameter(ctx: TriggerFunctions): string {
	const value = ctx.getNodeParameter('secret', '');
	return typeof value === 'string' ? value : '';
}

async function existingSecret(ctx: TriggerFunctions): Promise<ExpectedSecret> {
	if (hasSecretCredential(ctx)) {
		const credentials = (await ctx.getCredentials(WEBHOOK_SECRET_CREDENTIAL)) as IDataObject;
		const secret = typeof credentials?.secret === 'string' ? credentials.secret : '';
		return secret === '' ? NONE : { secret, source: 'credential' };
	}
	const legacy = legacySecretParameter(ctx);
	return legacy === '' ? NONE : { secret: legacy, source: 'legacyParameter' };
}

/**
 * The secret deliveries must be signed with. A failure to read a credential counts as no secret:
 * the delivery is then refused, and the caller says why without any secret value.
 */
export async function expectedSecret(
	ctx: TriggerFunctions,
	registration: Registration,
): Promise<ExpectedSecret> {
	try {
		if (registration === 'existing') return await existingSecret(ctx);
		const legacy = triggerStaticData(ctx).webhookSecret;
		if (typeof legacy === 'string' && legacy !== '')
			return { secret: legacy, source: 'legacyStatic' };
		const secret = await derivedSecret(ctx);
		return secret === '' ? NONE : { secret, source: 'derived' };
	} catch {
		return NONE;
	}
}

/**
 * Why the registered webhook's secret is no longer the one deliveries are checked against: an
 * older version stored a generated one, or the API token (the key of the derived one) changed.
 */
export function staleSecret(data: TriggerStaticData, secret: string): string | undefined {
	if (data.webhookSecret !== undefined)
		return 'its secret was kept in the workflow; the new one is derived from the Mist API credential';
	if (data.secretFingerprint && data.secretFingerprint !== secretFingerprint(secret))
		return 'the Mist API token changed since it was registered, and the secret with it';
	return undefined;
}

/** With "Use Existing Webhook" and Verify Signature: a secret must be known; says where it comes from. */
export async function requireExistingSecret(ctx: IHookFunctions): Promise<void> {
	const { source } = await expectedSecret(ctx, 'existing');
	if (source === 'none') {
		throw new NodeOperationError(
			ctx.getNode(),
			'No webhook secret: select a Mist Webhook Secret API credential while Verify Signature is on',
			{
				description:
					'Create a Mist Webhook Secret API credential holding the secret of the Mist webhook you registered, select it in the node, or turn off Verify Signature.',
			},
		);
	}
	if (source === 'legacyParameter') {
		ctx.logger.warn(
			'Mist Trigger: the Secret parameter is deprecated (it is stored in the workflow and copied into every execution); move the secret into a Mist Webhook Secret API credential and clear the parameter',
			{ workflowId: ctx.getWorkflow().id, node: ctx.getNode().name },
		);
	} else if (hasSecretCredential(ctx) && legacySecretParameter(ctx) !== '') {
		ctx.logger.warn(
			'Mist Trigger: the deprecated Secret parameter is ignored because a Mist Webhook Secret API credential is selected; clear it, it is copied into every execution',
			{ workflowId: ctx.getWorkflow().id, node: ctx.getNode().name },
		);
	}
}
