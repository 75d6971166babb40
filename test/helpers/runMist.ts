import nock from 'nock';
import type { INodeExecutionData } from 'n8n-workflow';

import { Mist } from '../../nodes/Mist/Mist.node';
import { createExecuteContext, LEAK_CANARY, serialise } from './executeContext';
import type { ContextOptions } from './executeContext';

export type MistError = Error & { httpCode?: string; description?: string };

export interface RunMistOptions extends Partial<Omit<ContextOptions, 'params'>> {
	/** Secrets besides the API token that must appear nowhere in the output or the error. */
	canaries?: string[];
}

function expectNoSecrets(value: unknown, canaries: string[] = []) {
	const text = serialise(value);
	for (const canary of [LEAK_CANARY, ...canaries]) expect(text).not.toContain(canary);
}

/** Runs the Juniper Mist node once and returns its output items, proving no secret leaked into them. */
export async function runMist(
	params: ContextOptions['params'],
	options: RunMistOptions = {},
): Promise<INodeExecutionData[]> {
	const { canaries, ...context } = options;
	const [out] = await new Mist().execute.call(createExecuteContext({ ...context, params }));
	expectNoSecrets(out, canaries);
	return out;
}

/** Runs the Juniper Mist node expecting it to fail; returns the error, proving no secret leaked into it. */
export async function runMistError(
	params: ContextOptions['params'],
	options: RunMistOptions = {},
): Promise<MistError> {
	const { canaries, ...context } = options;
	const error = await new Mist().execute.call(createExecuteContext({ ...context, params })).then(
		() => {
			throw new Error('the operation should have failed');
		},
		(caught: MistError) => caught,
	);
	expectNoSecrets(error, canaries);
	return error;
}

/** Every test of the file runs offline: only nock answers, and nothing is left pending between tests. */
export function useOfflineNock() {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});
}
