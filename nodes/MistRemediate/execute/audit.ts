import type { IDataObject, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { ActionPlan } from '../actions/types';
import type { GuardrailDecision } from '../guardrails/types';
import type { KnownNames } from './names';
import type { Reason } from './read';
import { bodySummary } from './request';
import type { ResolvedRequest } from './request';
import type { SiteFacts } from './siteDirectory';

export type AuditStatus = 'done' | 'dry-run' | 'skipped' | 'failed';

/** What the stages found out about one item; the later the stage it reached, the more is known. */
export interface AuditParts {
	status: AuditStatus;
	operation: string;
	summary: string;
	/** The execution's clock reading, epoch milliseconds. */
	at: number;
	dryRun: boolean;
	why?: Reason;
	plan?: ActionPlan;
	request?: ResolvedRequest;
	site?: SiteFacts;
	names?: KnownNames;
	decision?: GuardrailDecision;
	result?: IDataObject;
	verification?: IDataObject;
	error?: NodeApiError | NodeOperationError;
}

/** Stage 7: the record of one item: what, on what, when, why, the guardrail decision, the outcome. */
export function auditRecord(parts: AuditParts): IDataObject {
	const { plan } = parts;
	const request =
		parts.request ?? (plan ? { method: plan.method, path: plan.path, body: plan.body } : undefined);
	const record: IDataObject = {
		status: parts.status,
		operation: parts.operation,
		summary: parts.summary,
		dryRun: parts.dryRun,
		at: new Date(parts.at).toISOString(),
		request: request
			? {
					method: request.method,
					path: `/api/v1${request.path}`,
					body: bodySummary(request.body) as IDataObject,
				}
			: null,
		target: plan ? target(plan, parts.site, parts.names) : null,
		why: { ...(parts.why ?? { source: 'manual request' }) },
		guardrail: guardrail(parts),
		result: parts.result ?? null,
	};
	const reason = skipReason(parts);
	if (reason !== undefined) record.reason = reason;
	if (parts.decision?.claim) record.claim = { ...parts.decision.claim };
	if (parts.verification) record.verification = parts.verification;
	if (parts.error) {
		record.error = {
			message: parts.error.message,
			description: parts.error.description ?? null,
			httpCode: ('httpCode' in parts.error ? parts.error.httpCode : null) ?? null,
		};
	}
	return record;
}

function guardrail({ decision, status }: AuditParts): IDataObject {
	if (decision) {
		return {
			decision: decision.allowed ? 'allowed' : 'blocked',
			rule: decision.rule ?? null,
			reason: decision.reason,
		};
	}
	const reason =
		status === 'failed' ? 'the action failed before the guardrails were checked' : 'nothing to do';
	return { decision: 'not evaluated', rule: null, reason };
}

/** One line on why nothing was done, for the Skipped output (e.g. to post in a chat). */
function skipReason(parts: AuditParts): string | undefined {
	if (parts.status === 'failed') return parts.error?.message ?? 'failed';
	if (parts.status !== 'skipped') return undefined;
	return parts.decision && !parts.decision.allowed ? parts.decision.reason : parts.summary;
}

function target(
	plan: ActionPlan,
	site?: SiteFacts,
	names: KnownNames = { devices: {}, clients: {} },
): IDataObject {
	const result: IDataObject = { site_id: plan.siteId ?? null, site_name: site?.name ?? null };
	if (plan.orgId) result.org_id = plan.orgId;
	if (plan.deviceIds.length) {
		result.device_ids = plan.deviceIds;
		const deviceNames = plan.deviceIds.map((id) => names.devices[id]).filter(Boolean);
		if (deviceNames.length) result.device_names = deviceNames;
	}
	if (plan.clientMacs.length) {
		result.client_macs = plan.clientMacs;
		const clientNames = plan.clientMacs.map((mac) => names.clients[mac]).filter(Boolean);
		if (clientNames.length) result.client_names = clientNames;
	}
	return result;
}
