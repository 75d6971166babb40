import type { IDataObject } from 'n8n-workflow';

import type { GuardrailDecision } from '../guardrails/types';
import type { ActionPlan } from '../operations/types';
import type { Reason } from './inputs';
import { bodySummary } from './perform';
import type { ResolvedRequest } from './perform';
import type { SiteFacts } from './siteDirectory';

export type AuditStatus = 'done' | 'dry-run' | 'skipped' | 'failed';

export interface AuditParts {
	status: AuditStatus;
	operation: string;
	summary: string;
	at: number;
	dryRun: boolean;
	why?: Reason;
	plan?: ActionPlan;
	request?: ResolvedRequest;
	site?: SiteFacts;
	deviceNames?: Record<string, string>;
	clientNames?: Record<string, string>;
	decision?: GuardrailDecision;
	result?: IDataObject;
	verification?: IDataObject;
	error?: Error;
}

/** One audit record per action: what, on what, when, why, the guardrail decision and the outcome. */
export function auditRecord(parts: AuditParts): IDataObject {
	const { plan } = parts;
	const request = parts.request ?? (plan ? { method: plan.method, path: plan.path, body: plan.body } : undefined);
	const record: IDataObject = {
		status: parts.status,
		operation: parts.operation,
		summary: parts.summary,
		dryRun: parts.dryRun,
		at: new Date(parts.at).toISOString(),
		request: request ? { method: request.method, path: `/api/v1${request.path}`, body: bodySummary(request.body) as IDataObject } : null,
		target: plan ? target(plan, parts.site, parts.deviceNames, parts.clientNames) : null,
		why: (parts.why ?? { source: 'manual request' }) as unknown as IDataObject,
		guardrail: parts.decision
			? { decision: parts.decision.allowed ? 'allowed' : 'blocked', rule: parts.decision.rule ?? null, reason: parts.decision.reason }
			: { decision: 'not evaluated', rule: null, reason: parts.status === 'failed' ? 'the action failed before the guardrails were checked' : 'nothing to do' },
		result: parts.result ?? null,
	};
	const reason = skipReason(parts);
	if (reason !== undefined) record.reason = reason;
	if (parts.verification) record.verification = parts.verification;
	if (parts.error) {
		record.error = {
			message: parts.error.message,
			description: (parts.error as { description?: string }).description ?? null,
			httpCode: (parts.error as { httpCode?: string }).httpCode ?? null,
		};
	}
	return record;
}

/** One line on why nothing was done, for the Skipped output (e.g. to post in a chat). */
function skipReason(parts: AuditParts): string | undefined {
	if (parts.status === 'failed') return parts.error?.message ?? 'failed';
	if (parts.status !== 'skipped') return undefined;
	return parts.decision && !parts.decision.allowed ? parts.decision.reason : parts.summary;
}

function target(plan: ActionPlan, site?: SiteFacts, deviceNames: Record<string, string> = {}, clientNames: Record<string, string> = {}): IDataObject {
	const result: IDataObject = { site_id: plan.siteId ?? null, site_name: site?.name ?? null };
	if (plan.orgId) result.org_id = plan.orgId;
	if (plan.deviceIds.length) {
		result.device_ids = plan.deviceIds;
		const names = plan.deviceIds.map((id) => deviceNames[id]).filter(Boolean);
		if (names.length) result.device_names = names;
	}
	if (plan.clientMacs.length) {
		result.client_macs = plan.clientMacs;
		const names = plan.clientMacs.map((mac) => clientNames[mac]).filter(Boolean);
		if (names.length) result.client_names = names;
	}
	return result;
}
