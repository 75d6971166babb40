import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openMemory } from '../../shared/memory/open';
import type { MemoryLocation, MistMemory } from '../../shared/memory/types';
import type { MistClient } from '../../shared/transport/MistClient';
import type { GuardrailSettings } from '../guardrails/types';
import { ExecutionGuardrails } from './guard';
import type { RunGuardrails } from './guard';
import { SharedGuardrails } from './sharedGuardrails';
import { warnInOutputPane } from '../../shared/utils/hints';

/**
 * Where this run keeps cooldowns, claims and the audit. Only the shared store (n8n Data Tables)
 * claims actions and keeps the audit log: this workflow's static data keeps the guardrail records
 * as before (one execution at a time writes it, at its end) and no log, which would grow the
 * workflow n8n saves after every run.
 */
export class RemediationMemory {
	private auditFailed = false;

	private constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly memory: MistMemory,
	) {}

	static async open(ctx: IExecuteFunctions): Promise<RemediationMemory> {
		const memory = await openMemory(ctx);
		const { warning } = memory.location;
		if (warning) warnInOutputPane(ctx, warning);
		return new RemediationMemory(ctx, memory);
	}

	get location(): MemoryLocation {
		return { ...this.memory.location };
	}

	get shared(): boolean {
		return this.memory.location.store === 'n8n data tables';
	}

	guardrails(settings: GuardrailSettings, now: number, dryRun: boolean): RunGuardrails {
		if (!this.shared) {
			return new ExecutionGuardrails(this.ctx.getWorkflowStaticData('node'), settings, now);
		}
		const id: unknown = this.ctx.getExecutionId?.();
		const execution = typeof id === 'string' && id !== '' ? id : undefined;
		return new SharedGuardrails(this.memory, settings, now, dryRun, execution);
	}

	/** Appends one item's audit record to the shared log, under its site (or `org:<id>`). */
	async audit(at: number, record: IDataObject, client: MistClient): Promise<void> {
		if (!this.shared) return;
		const target = (record.target ?? {}) as IDataObject;
		const orgId =
			typeof target.org_id === 'string'
				? target.org_id
				: await client.getCredentialOrgId().catch(() => '');
		const subject =
			typeof target.site_id === 'string' ? target.site_id : `org:${orgId || 'unknown'}`;
		try {
			await this.memory.append('audit', [{ at, subject, value: record }]);
		} catch (error) {
			// The action already happened: its item still goes out; the lost log entry is said once.
			if (this.auditFailed) return;
			this.auditFailed = true;
			const message = `The audit log in n8n's Data Tables was not written: ${(error as Error).message}`;
			warnInOutputPane(this.ctx, message);
		}
	}
}
