import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MistDiagnose } from '../../../nodes/MistDiagnose/MistDiagnose.node';
import type { RunningSimulator } from '../../../simulator/src';
import { createExecuteContext } from '../../helpers/executeContext';

export interface DiagnoseRun {
	issues: IDataObject[];
	healthy: IDataObject[];
	raw: INodeExecutionData[][];
}

/** Runs Mist Diagnose in-process against a running simulator (real HTTP on loopback). */
export async function runDiagnose(
	sim: RunningSimulator,
	params: Record<string, unknown>,
	options: {
		items?: INodeExecutionData[];
		staticData?: IDataObject;
		continueOnFail?: boolean;
		/** n8n's id of the execution: the Diagnose nodes of one execution share their org-wide reads. */
		executionId?: string;
		/** n8n's id of the workflow: the API budget gives each workflow its share. */
		workflowId?: string;
		/** The node's name (a step's Check At Most Every is kept per node). */
		nodeName?: string;
		/** n8n's id of the node's Mist credential (the slow cache is kept per credential). */
		credentialId?: string;
	} = {},
): Promise<DiagnoseRun> {
	const ctx = createExecuteContext({
		params: (itemIndex) => {
			const resolved: Record<string, unknown> = {
				mode: 'sweep',
				window: '1h',
				thresholds: {},
				options: {},
				org: { __rl: true, mode: 'id', value: '' },
				...params,
			};
			// Emulate n8n resolving the default MAC/site expressions for triage items.
			const json = options.items?.[itemIndex]?.json ?? {};
			if (resolved.itemMac === undefined)
				resolved.itemMac = json.mac ?? json.client_mac ?? json.ap_mac ?? '';
			if (resolved.itemSiteId === undefined) resolved.itemSiteId = json.site_id ?? '';
			return resolved;
		},
		items: options.items,
		continueOnFail: options.continueOnFail,
		node: {
			name: options.nodeName ?? 'Mist Diagnose',
			type: 'n8n-nodes-juniper-mist.mistDiagnose',
			...(options.credentialId
				? { credentials: { mistApi: { id: options.credentialId, name: options.credentialId } } }
				: {}),
		},
		credentials: {
			mistApi: { apiToken: sim.token, cloud: 'custom', customUrl: sim.url, orgId: sim.orgId },
		},
	});
	if (options.executionId) ctx.getExecutionId.mockReturnValue(options.executionId);
	if (options.workflowId)
		ctx.getWorkflow.mockReturnValue({
			id: options.workflowId,
			name: options.workflowId,
			active: true,
		});
	const staticData = options.staticData ?? {};
	ctx.getWorkflowStaticData.mockReturnValue(staticData);
	const raw = await new MistDiagnose().execute.call(ctx);
	return { issues: raw[0].map((item) => item.json), healthy: raw[1].map((item) => item.json), raw };
}

/** Fakes only the clock (Date), at `at`: timers stay real, so HTTP to the simulator still works. */
export function useFakeDate(at: number): void {
	jest.useFakeTimers({
		doNotFake: [
			'nextTick',
			'setImmediate',
			'setTimeout',
			'setInterval',
			'clearTimeout',
			'clearInterval',
			'clearImmediate',
			'queueMicrotask',
			'hrtime',
			'performance',
		],
	});
	jest.setSystemTime(at);
}
