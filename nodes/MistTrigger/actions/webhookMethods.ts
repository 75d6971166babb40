/**
 * n8n's webhook methods of the trigger: on activation it checks for, or creates, the Mist webhook
 * this node registers (with a secret derived from the Mist API credential); on deactivation it
 * deletes it.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { MistClient } from '../../shared/transport/MistClient';
import { asNodeError } from '../../shared/utils/errors';
import { requireUuid } from '../../shared/params/identifiers';
import { resolveOrgIdForHook } from '../../shared/params/scope';
import { requireTopics, webhookCollectionPath } from '../../shared/webhooks';
import { secretFingerprint } from '../engine/webhookSecret';
import { prepareSharedMemory } from './dedupMemory';
import { derivedSecret, requireExistingSecret, staleSecret } from './secret';
import { readReceiveSettings, readRegistration, triggerStaticData } from './settings';
import type { TriggerStaticData } from './settings';

const isNotFound = (error: unknown) =>
	String((error as { httpCode?: unknown } | undefined)?.httpCode) === '404';

function logContext(ctx: IHookFunctions) {
	return { workflowId: ctx.getWorkflow().id, node: ctx.getNode().name };
}

/** `/orgs/{org}/webhooks` or `/sites/{site}/webhooks`, from the node's Scope. */
async function webhookCollection(ctx: IHookFunctions, client: MistClient): Promise<string> {
	const scope = ctx.getNodeParameter('scope', 'org');
	if (scope === 'site')
		return webhookCollectionPath(
			'site',
			requireUuid(ctx.getNode(), ctx.getNodeParameter('site', '', { extractValue: true }), 'Site'),
		);
	if (scope !== 'org')
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid Scope: "${String(scope).slice(0, 40)}" is not one of org, site`,
		);
	return webhookCollectionPath('org', await resolveOrgIdForHook(ctx, client));
}

function readTopics(ctx: IHookFunctions): string[] {
	return requireTopics(ctx.getNode(), ctx.getNodeParameter('topics', []));
}

function webhookUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(ctx.getNode(), 'n8n did not provide a webhook URL for this node');
	return url;
}

/** Org webhooks accept only topics flagged for_org in Mist's own catalogue; say which one is not, before Mist does. */
async function checkOrgTopics(ctx: IHookFunctions, client: MistClient, topics: string[]) {
	let catalogue: IDataObject[];
	try {
		catalogue = await client.request<IDataObject[]>({ path: '/const/webhook_topics' });
	} catch (error) {
		ctx.logger.warn(
			`Mist Trigger could not load /const/webhook_topics (${(error as Error).message}); Mist checks the topics itself`,
			logContext(ctx),
		);
		return;
	}
	if (!Array.isArray(catalogue)) return;
	const siteOnly = topics.filter((topic) =>
		catalogue.some((entry) => entry.key === topic && entry.for_org !== true),
	);
	if (siteOnly.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Invalid Topics: ${siteOnly.join(', ')} can only be sent by a site webhook`,
			{
				description: 'Set Scope to Site, or remove these topics.',
			},
		);
	}
}

function forgetWebhook(data: TriggerStaticData) {
	delete data.webhookId;
	delete data.webhookSecret;
	delete data.webhookCollection;
	delete data.secretFingerprint;
}

/** Deletes the webhook this node created earlier; 404 means it is already gone. */
async function deleteRemote(
	ctx: IHookFunctions,
	client: MistClient,
	data: TriggerStaticData,
	collection: string,
): Promise<boolean> {
	try {
		await client.request({ method: 'DELETE', path: `${collection}/${String(data.webhookId)}` });
	} catch (error) {
		if (!isNotFound(error)) {
			ctx.logger.warn(
				`Mist Trigger could not delete webhook ${String(data.webhookId)} in ${collection}: ${(error as Error).message}`,
				logContext(ctx),
			);
			return false;
		}
		ctx.logger.debug(
			`Mist Trigger: webhook ${String(data.webhookId)} was already deleted in Mist`,
			logContext(ctx),
		);
	}
	forgetWebhook(data);
	return true;
}

/** Why the webhook in Mist no longer fits the node, or undefined when it does. */
function mismatch(
	remote: IDataObject,
	url: string,
	topics: string[],
	secret: string,
	verifySignature: boolean,
): string | undefined {
	if (remote.url !== url) return 'its URL differs from this node’s webhook URL';
	const remoteTopics = new Set(Array.isArray(remote.topics) ? remote.topics.map(String) : []);
	if (remoteTopics.size !== topics.length || topics.some((topic) => !remoteTopics.has(topic)))
		return 'its topics differ';
	if (remote.type !== undefined && remote.type !== 'http-post')
		return `its type is ${String(remote.type)}, not http-post`;
	if (!verifySignature) return undefined;
	if (remote.secret === null || remote.secret === '')
		return 'it has no secret, so Mist would not sign deliveries';
	// Only a secret shown in clear can be compared; a masked one is trusted.
	if (typeof remote.secret === 'string' && !/^\*+$/.test(remote.secret) && remote.secret !== secret)
		return 'its secret was changed';
	return undefined;
}

/** Whether the webhook this node registered still exists in Mist and fits the node; false makes n8n call create. */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	// Reading the settings here makes a bad filter or option fail the activation, not every delivery.
	const settings = readReceiveSettings(this);
	await prepareSharedMemory(this);
	const data = triggerStaticData(this);
	// Older versions kept their dedup memory here; it now stays in memory.
	delete data.recentEvents;
	if (settings.registration === 'existing') {
		if (settings.verifySignature) await requireExistingSecret(this);
		// A webhook this node registered before the switch to "existing" would deliver twice.
		if (data.webhookId && data.webhookCollection)
			await deleteRemote(this, new MistClient(this), data, data.webhookCollection);
		else if (data.webhookId) forgetWebhook(data);
		return true;
	}
	if (!data.webhookId) return false;
	const client = new MistClient(this);
	const secret = await derivedSecret(this);
	const stale = staleSecret(data, secret);
	if (stale) {
		this.logger.info(
			`Mist Trigger: replacing webhook ${data.webhookId} because ${stale}`,
			logContext(this),
		);
		const registeredIn = data.webhookCollection ?? (await webhookCollection(this, client));
		await deleteRemote(this, client, data, registeredIn);
		forgetWebhook(data);
		return false;
	}
	const collection = await webhookCollection(this, client);
	const storedCollection = data.webhookCollection ?? collection;
	if (storedCollection !== collection) {
		this.logger.info(
			`Mist Trigger: scope changed, replacing webhook ${data.webhookId}`,
			logContext(this),
		);
		await deleteRemote(this, client, data, storedCollection);
		forgetWebhook(data);
		return false;
	}
	let remote: IDataObject;
	try {
		remote = await client.request<IDataObject>({ path: `${collection}/${data.webhookId}` });
	} catch (error) {
		if (isNotFound(error)) {
			this.logger.info(
				`Mist Trigger: webhook ${data.webhookId} no longer exists in Mist; creating it again`,
				logContext(this),
			);
			forgetWebhook(data);
			return false;
		}
		throw asNodeError(this.getNode(), error as Error, 0);
	}
	const problem = mismatch(
		remote ?? {},
		webhookUrl(this),
		readTopics(this),
		secret,
		settings.verifySignature,
	);
	if (!problem) return true;
	this.logger.info(
		`Mist Trigger: replacing webhook ${data.webhookId} because ${problem}`,
		logContext(this),
	);
	await deleteRemote(this, client, data, collection);
	forgetWebhook(data);
	return false;
}

/**
 * Registers the Mist webhook (org or site) with the derived secret; static data keeps its id,
 * collection and a one-way fingerprint of the secret, never the secret.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	if (readRegistration(this) === 'existing') return true;
	const client = new MistClient(this);
	const collection = await webhookCollection(this, client);
	const topics = readTopics(this);
	if (collection.startsWith('/orgs/')) await checkOrgTopics(this, client, topics);
	const options = (this.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const secret = await derivedSecret(this);
	if (secret === '')
		throw new NodeOperationError(this.getNode(), 'The Mist API credential has no API token', {
			description: 'The webhook secret is derived from the token: enter it in the credential.',
		});
	const workflow = this.getWorkflow();
	const body: IDataObject = {
		name: `n8n ${workflow.name || `workflow ${workflow.id ?? ''}`}`.trim(),
		type: 'http-post',
		url: webhookUrl(this),
		topics,
		enabled: true,
		secret,
		verify_cert: options.verifyCertificate !== false,
	};
	const created = await client.request<IDataObject>({ method: 'POST', path: collection, body });
	if (!created || typeof created.id !== 'string' || created.id === '') {
		throw new NodeOperationError(
			this.getNode(),
			`Mist answered POST ${collection} without a webhook id`,
			{
				description:
					'The webhook may or may not exist now; check the webhooks of the org or site in Mist.',
			},
		);
	}
	const data = triggerStaticData(this);
	data.webhookId = created.id;
	data.webhookCollection = collection;
	data.secretFingerprint = secretFingerprint(secret);
	return true;
}

async function deleteWebhook(this: IHookFunctions): Promise<boolean> {
	// Whatever the mode is now, a webhook this node created must go.
	const data = triggerStaticData(this);
	if (!data.webhookId) return true;
	const client = new MistClient(this);
	const collection = data.webhookCollection ?? (await webhookCollection(this, client));
	return await deleteRemote(this, client, data, collection);
}

// `delete` is a reserved word, so the function has another name inside this module.
export { deleteWebhook as delete };
