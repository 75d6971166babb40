/**
 * The shared memory's store against a real n8n's Data Table API (not the unit tests' fake): the
 * tables are created on first use, concurrent compare-and-set writers lose no write, concurrent
 * claimers have one winner, and the log keeps its entries newest first.
 */
import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, RunningN8n } from '../../scripts/e2e/n8n';
import { openMemory } from '../../nodes/shared/memory/open';
import { forgetTableIds } from '../../nodes/shared/memory/tables';
import type { MistMemory } from '../../nodes/shared/memory/types';
import { createExecuteContext } from '../helpers/executeContext';
import { n8nApiKeyAuth } from '../helpers/fakeDataTables';

const WRITERS = 10;

describe.each(selectedVersions().map((spec) => spec.version))(
	'the shared memory on the Data Tables of n8n %s',
	(version) => {
		let n8n: N8nInstance;
		let running: RunningN8n;

		const open = async (namespace: string): Promise<MistMemory> =>
			await openMemory(
				createExecuteContext({
					params: { memory: 'shared', memoryNamespace: namespace },
					credentials: { mistSharedMemoryApi: { baseUrl: running.url, apiKey: running.apiKey } },
					authenticators: { mistSharedMemoryApi: n8nApiKeyAuth },
				}),
			);

		beforeAll(async () => {
			forgetTableIds();
			n8n = await prepareN8n({ version, label: 'memory-store' });
			running = await n8n.start();
		});

		afterAll(async () => {
			await n8n?.dispose();
		});

		it('opens on the Data Tables, not the fallback', async () => {
			const memory = await open('store-check');
			expect(memory.location).toEqual({ store: 'n8n data tables', namespace: 'store-check' });
		});

		it(`loses no write when ${WRITERS} writers change one document at once`, async () => {
			const writers = await Promise.all(
				Array.from({ length: WRITERS }, async () => await open('counter')),
			);
			await Promise.all(
				writers.map(
					async (memory) =>
						await memory.update<number, null>('count', (current) => ({
							value: (current ?? 0) + 1,
							result: null,
						})),
				),
			);
			expect(await writers[0].read<number>('count')).toBe(WRITERS);
		});

		it(`gives one claim to one of ${WRITERS} claimers`, async () => {
			const claimers = await Promise.all(
				Array.from({ length: WRITERS }, async () => await open('claims')),
			);
			const won = await Promise.all(
				claimers.map(
					async (memory, index) =>
						await memory.update<{ holder: number }, boolean>('ap-1', (current) =>
							current ? { result: false } : { value: { holder: index }, result: true },
						),
				),
			);
			expect(won.filter(Boolean)).toHaveLength(1);
		});

		it('keeps log entries per namespace, newest first', async () => {
			const memory = await open('log-check');
			const at = Date.now();
			await memory.append('audit', [
				{ at: at - 1000, subject: 'site-1', value: { action: 'first' } },
				{ at, subject: 'site-1', value: { action: 'second' } },
			]);
			const entries = await memory.recent('audit', { limit: 5 });
			expect(entries.map((entry) => entry.value.action)).toEqual(['second', 'first']);
			expect(await (await open('other')).recent('audit')).toEqual([]);
		});
	},
);
