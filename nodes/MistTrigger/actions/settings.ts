import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { isUuid } from '../../shared/params/identifiers';
import { splitList } from '../../shared/params/lists';
import { DEFAULT_DEDUP_WINDOW_SECONDS } from '../engine/dedup';
import { DEFAULT_MAX_BODY_BYTES } from '../engine/envelope';
import { normalizeSeverity } from '../engine/filter';
import type { EventFilters } from '../engine/filter';

export type TriggerFunctions = IHookFunctions | IWebhookFunctions;

export type Registration = 'automatic' | 'existing';

/** How deliveries are received, read once per request (or at activation, to fail early). */
export interface ReceiveSettings {
	registration: Registration;
	verifySignature: boolean;
	/** Whether a delivery signed only with the SHA-1 X-Mist-Signature (no v2 header) is accepted. */
	acceptSha1: boolean;
	filters: EventFilters;
	dedupWindowMs: number;
	maxBodyBytes: number;
	emitPingEvents: boolean;
}

function invalid(ctx: TriggerFunctions, message: string, description?: string): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), message, { description });
}

export function readRegistration(ctx: TriggerFunctions): Registration {
	const value = ctx.getNodeParameter('webhookRegistration', 'automatic');
	if (value === 'automatic' || value === 'existing') return value;
	throw invalid(
		ctx,
		`Invalid Webhook Registration: "${String(value).slice(0, 40)}" is not one of automatic, existing`,
	);
}

function readNumber(
	ctx: TriggerFunctions,
	value: unknown,
	field: string,
	min: number,
	max: number,
): number {
	const number = Number(value);
	if (Number.isFinite(number) && number >= min && number <= max) return number;
	throw invalid(
		ctx,
		`Invalid ${field}: "${String(value).slice(0, 40)}" is not a number from ${min} to ${max}`,
	);
}

export function readFilters(ctx: TriggerFunctions): EventFilters {
	const raw = (ctx.getNodeParameter('filters', {}) ?? {}) as IDataObject;
	const siteIds = splitList(raw.siteIds);
	const badSite = siteIds.find((siteId) => !isUuid(siteId));
	if (badSite) {
		throw invalid(
			ctx,
			`Invalid Filters › Site IDs: "${badSite.slice(0, 60)}" is not a Mist site id (a UUID)`,
			'Separate several ids with commas.',
		);
	}
	let minSeverity: EventFilters['minSeverity'];
	if (raw.minSeverity !== undefined && raw.minSeverity !== '') {
		minSeverity = normalizeSeverity(raw.minSeverity);
		if (!minSeverity) {
			throw invalid(
				ctx,
				`Invalid Filters › Minimum Severity: "${String(raw.minSeverity).slice(0, 40)}" is not one of info, warn, minor, major, critical`,
			);
		}
	}
	return {
		topics: splitList(raw.topics),
		eventTypes: splitList(raw.eventTypes),
		alarmTypes: splitList(raw.alarmTypes),
		siteIds,
		minSeverity,
		dropWithoutSeverity: raw.dropWithoutSeverity === true,
	};
}

export function readReceiveSettings(ctx: TriggerFunctions): ReceiveSettings {
	const options = (ctx.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const dedupSeconds = readNumber(
		ctx,
		options.dedupWindowSeconds ?? DEFAULT_DEDUP_WINDOW_SECONDS,
		'Deduplication Window',
		0,
		3600,
	);
	const maxBodyKb = readNumber(
		ctx,
		options.maxBodySizeKb ?? DEFAULT_MAX_BODY_BYTES / 1024,
		'Max Body Size',
		1,
		16384,
	);
	return {
		registration: readRegistration(ctx),
		verifySignature: ctx.getNodeParameter('verifySignature', true) !== false,
		acceptSha1: options.acceptSha1Signatures === true,
		filters: readFilters(ctx),
		dedupWindowMs: Math.round(dedupSeconds * 1000),
		maxBodyBytes: Math.round(maxBodyKb * 1024),
		emitPingEvents: options.emitPingEvents === true,
	};
}

/**
 * The static-data slots of this node. None holds a secret: `webhookSecret` and `recentEvents` are
 * what older versions kept, removed at the next activation.
 */
export interface TriggerStaticData extends IDataObject {
	webhookId?: string;
	/** `/orgs/{id}/webhooks` or `/sites/{id}/webhooks`, the collection the webhook was created in. */
	webhookCollection?: string;
	/** One-way tag of the secret the webhook was registered with, to notice a replaced API token. */
	secretFingerprint?: string;
	/** @deprecated a generated secret stored by older versions; replaced at the next activation. */
	webhookSecret?: string;
	/** @deprecated the dedup memory of older versions; deduplication now stays in memory. */
	recentEvents?: IDataObject;
}

export function triggerStaticData(ctx: TriggerFunctions): TriggerStaticData {
	return ctx.getWorkflowStaticData('node') as TriggerStaticData;
}
