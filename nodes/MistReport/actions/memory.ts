import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { openMemory } from '../../shared/memory/open';
import type { MistMemory } from '../../shared/memory/types';
import { warnInOutputPane } from '../../shared/utils/hints';

/**
 * The memory the Memory parameter names, and its location for the output item. A fallback from
 * the shared store (n8n's Data Table API did not answer) is also shown as an execution hint, so
 * nobody mistakes a workflow-only history for the shared one.
 */
export async function reportMemory(
	ctx: IExecuteFunctions,
): Promise<{ memory: MistMemory; location: IDataObject }> {
	const memory = await openMemory(ctx);
	const { warning } = memory.location;
	if (warning) warnInOutputPane(ctx, warning);
	return { memory, location: { ...memory.location } };
}
