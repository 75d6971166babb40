/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The harness itself, with built-in nodes only: CLI import + `n8n execute` reaching a loopback
 * server, and `n8n start` + owner + API key + activation serving a webhook. Every selected version.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance, WorkflowJson } from '../../scripts/e2e/n8n';
import { liveProcessGroupCount } from '../../scripts/e2e/processes';

function manualHttpWorkflow(url: string): WorkflowJson {
	return {
		id: 'e2eHarnessHttp01',
		name: 'e2e harness: manual → HTTP → Set',
		nodes: [
			{
				id: 'n1',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'n2',
				name: 'Fetch',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: { url, options: {} },
			},
			{
				id: 'n3',
				name: 'Shape',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [440, 0],
				parameters: {
					assignments: {
						assignments: [
							{
								id: 'a1',
								name: 'greeting',
								value: '={{ $json.message }} from n8n',
								type: 'string',
							},
						],
					},
					options: {},
				},
			},
		],
		connections: {
			Start: { main: [[{ node: 'Fetch', type: 'main', index: 0 }]] },
			Fetch: { main: [[{ node: 'Shape', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

const WEBHOOK_PATH = 'e2e-harness-echo';

function webhookWorkflow(): WorkflowJson {
	return {
		id: 'e2eHarnessHook01',
		name: 'e2e harness: webhook → Set',
		nodes: [
			{
				id: 'w1',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: '5f0c7a8e-2b7d-4c3e-9a51-0e2d6f1b9c11',
				parameters: {
					httpMethod: 'POST',
					path: WEBHOOK_PATH,
					responseMode: 'lastNode',
					options: {},
				},
			},
			{
				id: 'w2',
				name: 'Echo',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: {
					assignments: {
						assignments: [
							{ id: 'b1', name: 'echoed', value: '={{ $json.body.ping }}', type: 'string' },
						],
					},
					options: {},
				},
			},
		],
		connections: { Webhook: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

describe.each(selectedVersions().map((spec) => spec.version))('harness on n8n %s', (version) => {
	let n8n: N8nInstance;
	let server: http.Server;
	let serverUrl: string;
	const requestsSeen: string[] = [];

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			requestsSeen.push(`${req.method} ${req.url}`);
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify({ message: 'hello' }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		n8n = await prepareN8n({ version, label: 'harness' });
	});

	afterAll(async () => {
		await n8n?.dispose();
		await new Promise((resolve) => server?.close(resolve));
	});

	it('imports and executes a manual workflow that calls a loopback server', async () => {
		const id = await n8n.importWorkflow(manualHttpWorkflow(`${serverUrl}/hello`));
		const result = await n8n.execute(id);

		expect(result.errorMessage()).toBeUndefined();
		expect(result.ok).toBe(true);
		expect(result.items('Shape')).toEqual([{ greeting: 'hello from n8n' }]);
		expect(requestsSeen).toEqual(['GET /hello']);
		process.stderr.write(`[e2e] n8n ${version}: execute took ${result.durationMs} ms\n`);
	});

	it('reports an unknown workflow id as a failed execute without run data', async () => {
		const result = await n8n.execute('noSuchWorkflow01');

		expect(result.ok).toBe(false);
		expect(result.exitCode).toBe(1);
		expect(result.run).toBeUndefined();
		expect(result.messages).toContain('does not exist');
	});

	it('starts n8n, activates a webhook workflow and records its execution', async () => {
		const workflowId = await n8n.importWorkflow(webhookWorkflow());
		const running = await n8n.start();
		try {
			expect(running.url).not.toMatch(/:(5678|5679)$/);
			await running.activateWorkflow(workflowId);

			const response = await fetch(`${running.url}/webhook/${WEBHOOK_PATH}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ ping: 'pong' }),
			});
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({ echoed: 'pong' });

			const execution = await running.waitForExecution(workflowId);
			expect(execution.status).toBe('success');
			expect(execution.mode).toBe('webhook');
			expect(await running.listExecutions(workflowId)).toHaveLength(1);
			process.stderr.write(`[e2e] n8n ${version}: start to healthy took ${running.startupMs} ms\n`);
		} finally {
			await running.stop();
		}
		await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();
		expect(liveProcessGroupCount()).toBe(0);
	});

	it('does not take another server on its port for n8n: the start moves to a new port', async () => {
		// An answer-everything server (like an alert sink) on the port n8n is about to use.
		const imposterPort = n8n.port;
		const imposter = http.createServer((_req, res) => {
			res.setHeader('content-type', 'application/json');
			res.end('{"ok":true}');
		});
		await new Promise<void>((resolve) => imposter.listen(imposterPort, '127.0.0.1', resolve));
		try {
			const running = await n8n.start();
			try {
				expect(running.url).not.toBe(`http://127.0.0.1:${imposterPort}`);
				const settings = (await (await fetch(`${running.url}/rest/settings`)).json()) as {
					data?: unknown;
				};
				expect(settings.data).toBeDefined();
			} finally {
				await running.stop();
			}
		} finally {
			await new Promise((resolve) => imposter.close(resolve));
		}
		expect(liveProcessGroupCount()).toBe(0);
	});
});
