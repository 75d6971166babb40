import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { withDedupKey } from '../engine/dedup';
import { checkBodySize, parseEnvelope, splitEnvelope } from '../engine/envelope';
import { passesScopeFilters, passesSeverity } from '../engine/filter';
import { describeSignatureFailure, verifyDelivery } from '../engine/signature';
import { secretFingerprint } from '../engine/webhookSecret';
import { addAlarmSeverities } from './alarmSeverity';
import { deduplicate } from './dedupMemory';
import { expectedSecret } from './secret';
import { readReceiveSettings, triggerStaticData } from './settings';
import type { ReceiveSettings } from './settings';

export { forgetRecentEvents } from './dedupMemory';

function logContext(ctx: IWebhookFunctions) {
	return { workflowId: ctx.getWorkflow().id, node: ctx.getNode().name };
}

/** Answers the sender with a status and a JSON `{error}`; no execution starts. */
function refuse(ctx: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ error });
	return { noWebhookResponse: true };
}

async function readRawBody(ctx: IWebhookFunctions): Promise<Buffer | undefined> {
	const request = ctx.getRequestObject();
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function')
		await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** Checks the signature; a refusal to send back, or undefined when the delivery may go on. */
async function refuseUnsigned(
	ctx: IWebhookFunctions,
	rawBody: Buffer,
	headers: Record<string, unknown>,
	settings: ReceiveSettings,
): Promise<IWebhookResponseData | undefined> {
	const { secret, source } = await expectedSecret(ctx, settings.registration);
	if (secret === '') {
		ctx.logger.warn(
			`Mist Trigger refused a delivery: no secret is known to verify it with (${missingSecretHint(settings.registration)})`,
			logContext(ctx),
		);
		return refuse(ctx, 401, 'This trigger has no secret to verify X-Mist-Signature-v2 with');
	}
	const check = verifyDelivery(rawBody, headers, secret, settings.acceptSha1);
	if (check.valid) return undefined;
	ctx.logger.warn(
		`Mist Trigger refused a delivery: signature ${check.reason}${staleSecretHint(ctx, secret, source)}`,
		logContext(ctx),
	);
	return refuse(ctx, 401, describeSignatureFailure(check.reason));
}

function missingSecretHint(registration: ReceiveSettings['registration']): string {
	return registration === 'existing'
		? 'select a Mist Webhook Secret API credential in the node'
		: 'the Mist API credential could not be read';
}

/** Names the likely cause when the API token, and so the derived secret, changed since registration. */
function staleSecretHint(ctx: IWebhookFunctions, secret: string, source: string): string {
	const registered = triggerStaticData(ctx).secretFingerprint;
	if (source !== 'derived' || !registered || registered === secretFingerprint(secret)) return '';
	return '; the Mist API token changed since the webhook was registered: deactivate and activate the workflow to register it again';
}

/**
 * Handles one POST from Mist: size, signature, content type and shape are checked before anything
 * is parsed into items, then the envelope is split into one item per event (each with its
 * `dedupKey`), filtered, deduplicated and every alarm given its severity (looked up by type when
 * Mist did not send it).
 */
export async function webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readReceiveSettings(this);
	const headers = this.getHeaderData();
	const declaredLength = Number(headers['content-length']);
	const tooLargeDeclared = Number.isFinite(declaredLength)
		? checkBodySize(declaredLength, settings.maxBodyBytes)
		: undefined;
	if (tooLargeDeclared) return refuse(this, tooLargeDeclared.status, tooLargeDeclared.error);

	const rawBody = await readRawBody(this);
	if (!rawBody || rawBody.length === 0)
		return refuse(this, 400, 'Empty body: expected a Mist webhook message {topic, events}');
	const tooLarge = checkBodySize(rawBody.length, settings.maxBodyBytes);
	if (tooLarge) return refuse(this, tooLarge.status, tooLarge.error);

	if (settings.verifySignature) {
		const refusal = await refuseUnsigned(this, rawBody, headers, settings);
		if (refusal) return refusal;
	}

	const parsed = parseEnvelope(rawBody, headers['content-type']);
	if (!parsed.ok) return refuse(this, parsed.rejection.status, parsed.rejection.error);

	const now = new Date();
	const items = splitEnvelope(parsed.envelope, now).map(withDedupKey);
	const manual = this.getMode() === 'manual';
	if (parsed.envelope.topic === 'ping') {
		// A ping proves the connection: always shown while testing, in production only on request.
		if (manual || settings.emitPingEvents)
			return { workflowData: [this.helpers.returnJsonArray(items as IDataObject[])] };
		return { webhookResponse: { status: 'ok', topic: 'ping' } };
	}
	const inScope = items.filter((item) => passesScopeFilters(item, settings.filters));
	// While testing, a repeated test event must still show up, so nothing is deduplicated.
	// Duplicates go before the severity lookup: the copies are judged on what Mist sent.
	const fresh =
		manual || settings.dedupWindowMs <= 0
			? inScope
			: await deduplicate(this, inScope, settings.dedupWindowMs, now.getTime());
	const matching = (await addAlarmSeverities(this, fresh)).filter((item) =>
		passesSeverity(item, settings.filters),
	);
	if (matching.length === 0)
		return { webhookResponse: { status: 'ok', received: items.length, emitted: 0 } };
	return { workflowData: [this.helpers.returnJsonArray(matching as IDataObject[])] };
}
