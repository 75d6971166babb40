import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MistAlert } from '../../../nodes/MistAlert/MistAlert.node';
import { createExecuteContext } from '../../helpers/executeContext';
import { n8nApiKeyAuth, sharedMemoryCredentials } from '../../helpers/fakeDataTables';

export const TIER1 = 0;
export const TIER2 = 1;
export const TIER3 = 2;
export const RESOLVED = 3;
export const NAMESPACE = 'noc';
export const SHARED_LOCATION = { store: 'n8n data tables', namespace: NAMESPACE };

export interface AlertRun {
	/** The workflow the Mist Alert node is in; with the node name, its reporter id. */
	workflowId?: string;
	items?: IDataObject[];
	params?: Record<string, unknown>;
	options?: Record<string, unknown>;
	/** This node's static data in this workflow (each execution of n8n gets its own copy). */
	staticData?: IDataObject;
	baseUrl?: string;
}

/**
 * A Mist Alert execution with shared memory in namespace "noc", as n8n runs it: pages are due at
 * once (Page After 0) so one run shows chat, email and page; a PagerDuty credential is selected.
 */
export function alertContext(run: AlertRun = {}) {
	const ctx = createExecuteContext({
		params: {
			operation: 'evaluate',
			memory: 'shared',
			memoryNamespace: NAMESPACE,
			groupBy: ['site', 'rule'],
			options: { groupWaitSeconds: 0, tier3AfterMinutes: 0, firstRunDigest: false, ...run.options },
			...run.params,
		},
		items: (run.items ?? [{}]).map((json) => ({ json })),
		staticData: run.staticData ?? {},
		credentials: {
			mistSharedMemoryApi: {
				...sharedMemoryCredentials,
				...(run.baseUrl ? { baseUrl: run.baseUrl } : {}),
			},
			mistPagerDutyEventsApi: { routingKey: 'rk-1' },
		},
		authenticators: { mistSharedMemoryApi: n8nApiKeyAuth },
		node: {
			name: 'Mist Alert',
			type: 'n8n-nodes-juniper-mist.mistAlert',
			credentials: {
				mistPagerDutyEventsApi: { id: 'pd-1', name: 'PagerDuty Events API' },
				mistSharedMemoryApi: { id: 'mem-1', name: 'Mist Shared Memory' },
			},
		},
	});
	ctx.getWorkflow.mockReturnValue({ id: run.workflowId ?? 'wf-ap', active: true });
	return ctx;
}

export async function runAlert(run: AlertRun = {}): Promise<INodeExecutionData[][]> {
	return await new MistAlert().execute.call(alertContext(run));
}

/** Items per output over several executions. */
export function countPerOutput(runs: INodeExecutionData[][][]): number[] {
	return [0, 1, 2, 3, 4].map((output) => runs.reduce((sum, run) => sum + run[output].length, 0));
}
