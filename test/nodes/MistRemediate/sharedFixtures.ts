import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MistRemediate } from '../../../nodes/MistRemediate/MistRemediate.node';
import {
	createExecuteContext,
	LEAK_CANARY,
	mistCredentials,
	serialise,
} from '../../helpers/executeContext';
import {
	N8N_LEAK_CANARY,
	n8nApiKeyAuth,
	sharedMemoryCredentials,
} from '../../helpers/fakeDataTables';
import { API, apStats, MIST_TEST_URL, rl, SITE, SITE_ID } from './fixtures';

export const S = `${API}/sites/${SITE_ID}`;

/** Restarting one AP of the Warehouse site, as a manual request. */
export const restart = (device: string, extra: IDataObject = {}) => ({
	site: rl(SITE_ID),
	operation: 'restartDevice',
	device: rl(device),
	...extra,
});

/** The site and its APs answer any number of reads (each execution reads them once). */
export function siteAnswers(aps = 10) {
	return nock(MIST_TEST_URL)
		.persist()
		.get(`${S}`)
		.reply(200, SITE)
		.get(`${S}/stats/devices`)
		.query({ type: 'ap', limit: 1000, page: 1 })
		.reply(200, apStats(aps), {
			'X-Page-Total': String(aps),
			'X-Page-Limit': '1000',
			'X-Page-Page': '1',
		});
}

/** Counts the restarts Mist receives, per device, answering each with `status`. */
export function restartCounter(status = 200) {
	const restarted: string[] = [];
	nock(MIST_TEST_URL)
		.persist()
		.post(/\/devices\/[^/]+\/restart$/)
		.reply((uri) => {
			restarted.push(/devices\/([^/]+)\/restart/.exec(uri)?.[1] ?? '');
			return status === 200 ? [200, {}] : [status, { detail: 'AP did not answer' }];
		});
	return restarted;
}

export function sharedContext(params: IDataObject, execution: string, continueOnFail = false) {
	const ctx = createExecuteContext({
		params: {
			dryRun: false,
			options: { commandOutputSeconds: 0, syntheticWaitSeconds: 0 },
			memory: 'shared',
			memoryNamespace: 'ops',
			...params,
		},
		credentials: { mistApi: mistCredentials, mistSharedMemoryApi: sharedMemoryCredentials },
		authenticators: { mistSharedMemoryApi: n8nApiKeyAuth },
		continueOnFail,
		node: { name: 'Juniper Mist Remediate', type: 'n8n-nodes-juniper-mist.mistRemediate' },
	});
	ctx.getExecutionId.mockReturnValue(execution);
	return ctx;
}

export interface SharedRun {
	execution: string;
	actions: INodeExecutionData[];
	skipped: INodeExecutionData[];
}

/** Runs the node in shared memory; proves neither secret reached its output. */
export async function runShared(
	params: IDataObject,
	execution: string,
	continueOnFail = false,
): Promise<SharedRun> {
	const ctx = sharedContext(params, execution, continueOnFail);
	const [actions, skipped] = await new MistRemediate().execute.call(ctx);
	expectNoSecrets([actions, skipped]);
	return { execution, actions, skipped };
}

export function expectNoSecrets(value: unknown) {
	const text = serialise(value);
	expect(text).not.toContain(N8N_LEAK_CANARY);
	expect(text).not.toContain(LEAK_CANARY);
}
