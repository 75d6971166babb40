import {
	EXECUTION_READS_IDLE_MS,
	executionReads,
	forgetExecutionReads,
	MAX_EXECUTIONS_KEPT,
	readOnce,
} from '../../../../nodes/MistDiagnose/collect/executionReads';

afterEach(() => forgetExecutionReads());

const scope = (executionId?: string, orgId = 'org-1') => ({
	executionId,
	credentialId: 'cred-1',
	orgId,
	window: { duration: '1h' },
});

describe('reads shared by the Diagnose nodes of one execution', () => {
	it('loads a data set once for every node of the execution, even when they ask at once', async () => {
		const load = jest.fn(async () => ['ap-1']);
		const [a, b] = [executionReads(scope('e1')), executionReads(scope('e1'))];
		expect(a).toBe(b);
		const answers = await Promise.all([
			readOnce(a, 'deviceStats:ap', load),
			readOnce(b, 'deviceStats:ap', load),
		]);
		expect(answers).toEqual([['ap-1'], ['ap-1']]);
		expect(load).toHaveBeenCalledTimes(1);
	});

	it('keeps executions, orgs and nodes without an execution id apart', () => {
		const first = executionReads(scope('e1'));
		expect(executionReads(scope('e2'))).not.toBe(first);
		expect(executionReads(scope('e1', 'org-2'))).not.toBe(first);
		expect(executionReads({ ...scope('e1'), credentialId: 'cred-2' })).not.toBe(first);
		expect(executionReads(scope(undefined))).not.toBe(executionReads(scope(undefined)));
	});

	it('lets a node that waited on a failed read ask again itself, and keeps no failure', async () => {
		const reads = executionReads(scope('e1'));
		const failing = readOnce(reads, 'alarms', async () => {
			throw new Error('429 from the first node');
		});
		const retry = jest.fn(async () => ['alarm']);
		const waiting = readOnce(reads, 'alarms', retry);
		await expect(failing).rejects.toThrow('429 from the first node');
		await expect(waiting).resolves.toEqual(['alarm']);
		expect(retry).toHaveBeenCalledTimes(1);
		// The success is kept for the next node.
		await expect(readOnce(reads, 'alarms', async () => ['other'])).resolves.toEqual(['alarm']);
	});

	it('drops an execution idle for a minute, and keeps only the most recent few', () => {
		const start = 1_000_000;
		const old = executionReads(scope('idle'), start);
		expect(executionReads(scope('idle'), start + EXECUTION_READS_IDLE_MS + 1)).not.toBe(old);

		const kept = Array.from({ length: MAX_EXECUTIONS_KEPT + 1 }, (_, index) =>
			executionReads(scope(`e${index}`), start),
		);
		expect(executionReads(scope('e0'), start)).not.toBe(kept[0]);
		expect(executionReads(scope(`e${MAX_EXECUTIONS_KEPT}`), start)).toBe(kept[MAX_EXECUTIONS_KEPT]);
	});
});
