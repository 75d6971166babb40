/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * Webhook load as Mist sends it: N signed deliveries, each with one alarm of a unique id, at a
 * given concurrency, to an active Mist Trigger workflow whose HTTP Request node posts every event
 * to a sink in the test process. The sink counts event ids, so the report says how many were
 * accepted, processed, lost and duplicated, and at which rates.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { CredentialToImport, WorkflowJson } from './n8n';
import { delay } from './processes';
import { PROCESS_NAME_VARIABLE } from './queueMode';

/** The Mist Webhook Secret API credential the load workflow verifies signatures with. */
export const LOAD_SECRET_CREDENTIAL = { id: 'e2eLoadWhSecret1', name: 'Load webhook secret' };
export const LOAD_TRIGGER = 'Mist Alarms';

export function loadSecretCredential(secret: string): CredentialToImport {
	return { ...LOAD_SECRET_CREDENTIAL, type: 'mistWebhookSecretApi', data: { secret } };
}

/** What the sink got for one event: its id, the process that ran the execution, the execution id. */
export interface SinkRecord {
	id: string;
	process: string;
	execution: string;
	at: number;
}

export interface DeliverySink {
	url: string;
	records: SinkRecord[];
	close(): Promise<void>;
}

export async function startDeliverySink(): Promise<DeliverySink> {
	const records: SinkRecord[] = [];
	const server = http.createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			try {
				const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<SinkRecord>;
				records.push({
					id: String(body.id),
					process: String(body.process),
					execution: String(body.execution),
					at: Date.now(),
				});
				response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			} catch {
				response.writeHead(400).end();
			}
		});
	});
	// Many executions post at once; the default backlog and keep-alive are fine for that.
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/events`,
		records,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/**
 * Mist Trigger (existing webhook, signature checked with the credential's secret) → HTTP Request
 * POST {id, process, execution} to the sink. `process` is the n8n process that ran the execution.
 */
export function loadWorkflow(options: {
	id: string;
	webhookId: string;
	sinkUrl: string;
}): WorkflowJson {
	return {
		id: options.id,
		name: `e2e delivery load ${options.id}`,
		nodes: [
			{
				id: 'l1',
				name: LOAD_TRIGGER,
				type: 'n8n-nodes-juniper-mist.mistTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: options.webhookId,
				credentials: { mistWebhookSecretApi: LOAD_SECRET_CREDENTIAL },
				parameters: {
					webhookRegistration: 'existing',
					verifySignature: true,
					filters: {},
					options: {},
				},
			},
			{
				id: 'l2',
				name: 'To sink',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'POST',
					url: options.sinkUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: `={{ JSON.stringify({ id: $json.id, process: $env.${PROCESS_NAME_VARIABLE}, execution: $execution.id }) }}`,
					options: {},
				},
			},
		],
		connections: { [LOAD_TRIGGER]: { main: [[{ node: 'To sink', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The URL Mist posts to for a trigger node of this webhook id, under a webhook base URL. */
export function triggerUrl(webhookBaseUrl: string, webhookId: string): string {
	return `${webhookBaseUrl}/${webhookId}/webhook`;
}

export interface LoadOptions {
	url: string;
	secret: string;
	sink: DeliverySink;
	deliveries: number;
	concurrency: number;
	/** Makes this run's event ids unique (e.g. `queue-`), so earlier runs on the same sink do not count. */
	idPrefix: string;
	/** Give up waiting for the sink after this long without a new event (default 60 s). */
	stallMs?: number;
}

export interface LoadReport {
	deliveries: number;
	/** Answered 2xx by n8n. */
	accepted: number;
	/** Answered otherwise, or the connection failed (with the first few reasons). */
	refused: number;
	refusals: string[];
	/** Distinct event ids the sink received. */
	processed: number;
	/** Accepted ids the sink never received. */
	lost: number;
	/** Ids the sink received more than once. */
	duplicated: number;
	sendMs: number;
	/** From the first delivery sent to the last event at the sink. */
	processMs: number;
	acceptedPerSecond: number;
	processedPerSecond: number;
	/** Time to n8n's answer per delivery, median and 95th percentile, in ms. */
	acceptLatencyMs: { p50: number; p95: number };
	/** Time from sending a delivery to its event at the sink, median and 95th percentile, in ms. */
	endToEndLatencyMs: { p50: number; p95: number };
	/** Sink records per n8n process name. */
	byProcess: Record<string, number>;
	/** Distinct execution ids the sink saw. */
	executions: string[];
}

function post(
	agent: http.Agent,
	url: URL,
	body: string,
	signature: string,
): Promise<{ status: number; text: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request(
			url,
			{
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': Buffer.byteLength(body),
					'x-mist-signature-v2': signature,
				},
			},
			(response) => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => (text += chunk));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
			},
		);
		request.setTimeout(120_000, () => request.destroy(new Error('no answer within 120 s')));
		request.once('error', reject);
		request.end(body);
	});
}

/** One alarm as Mist sends it, with everything the trigger needs so it asks Mist for nothing. */
function alarmEnvelope(id: string, index: number): string {
	const now = Math.floor(Date.now() / 1000);
	return JSON.stringify({
		topic: 'alarms',
		events: [
			{
				id,
				type: 'device_down',
				group: 'infrastructure',
				severity: 'warn',
				count: 1,
				aps: [`5c5b35${index.toString(16).padStart(6, '0')}`],
				org_id: '6f4bf402-45f9-4d94-a2f4-4d3b1a0e7a01',
				site_id: '978c48e6-6ef6-4d3c-9c5c-2f7a3b1e8d02',
				timestamp: now,
				last_seen: now,
			},
		],
	});
}

/** Sends the deliveries, waits for the sink to settle and reports what arrived. */
export async function runDeliveryLoad(options: LoadOptions): Promise<LoadReport> {
	const url = new URL(options.url);
	const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
	const accepted = new Set<string>();
	const sentAt = new Map<string, number>();
	const answerMs: number[] = [];
	const refusals: string[] = [];
	let refused = 0;
	let next = 0;
	const started = Date.now();
	const sender = async () => {
		while (next < options.deliveries) {
			const index = next++;
			const id = `${options.idPrefix}${index}`;
			const body = alarmEnvelope(id, index);
			const signature = createHmac('sha256', options.secret).update(body).digest('hex');
			sentAt.set(id, Date.now());
			try {
				const answer = await post(agent, url, body, signature);
				answerMs.push(Date.now() - (sentAt.get(id) ?? 0));
				if (answer.status >= 200 && answer.status < 300) accepted.add(id);
				else {
					refused++;
					if (refusals.length < 5) refusals.push(`${answer.status} ${answer.text.slice(0, 200)}`);
				}
			} catch (error) {
				refused++;
				if (refusals.length < 5)
					refusals.push(error instanceof Error ? error.message : String(error));
			}
		}
	};
	await Promise.all(Array.from({ length: options.concurrency }, sender));
	const sendMs = Date.now() - started;
	agent.destroy();

	const mine = () => options.sink.records.filter((r) => r.id.startsWith(options.idPrefix));
	const stallMs = options.stallMs ?? 60_000;
	let seen = mine().length;
	let lastProgress = Date.now();
	while (new Set(mine().map((r) => r.id)).size < accepted.size) {
		await delay(250);
		const now = mine().length;
		if (now !== seen) {
			seen = now;
			lastProgress = Date.now();
		} else if (Date.now() - lastProgress > stallMs) break;
	}
	// A duplicate would come right after the original; give it a moment to show.
	await delay(2_000);

	const records = mine();
	const counts = new Map<string, number>();
	for (const record of records) counts.set(record.id, (counts.get(record.id) ?? 0) + 1);
	const byProcess: Record<string, number> = {};
	for (const record of records) byProcess[record.process] = (byProcess[record.process] ?? 0) + 1;
	const lastAt = records.reduce((latest, r) => Math.max(latest, r.at), started);
	const processMs = lastAt - started;
	const firstArrival = new Map<string, number>();
	for (const record of records)
		if (!firstArrival.has(record.id)) firstArrival.set(record.id, record.at);
	const endToEnd = [...firstArrival].map(([id, at]) => at - (sentAt.get(id) ?? at));
	return {
		deliveries: options.deliveries,
		accepted: accepted.size,
		refused,
		refusals,
		processed: counts.size,
		lost: [...accepted].filter((id) => !counts.has(id)).length,
		duplicated: [...counts.values()].filter((count) => count > 1).length,
		sendMs,
		processMs,
		acceptedPerSecond: round((accepted.size * 1000) / Math.max(sendMs, 1)),
		processedPerSecond: round((counts.size * 1000) / Math.max(processMs, 1)),
		acceptLatencyMs: percentiles(answerMs),
		endToEndLatencyMs: percentiles(endToEnd),
		byProcess,
		executions: [...new Set(records.map((r) => r.execution))],
	};
}

function percentiles(values: number[]): { p50: number; p95: number } {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
	return { p50: at(0.5), p95: at(0.95) };
}

function round(value: number): number {
	return Math.round(value * 10) / 10;
}

export function describeLoad(label: string, report: LoadReport, concurrency: number): string {
	return (
		`${label}: ${report.deliveries} deliveries at concurrency ${concurrency}: ` +
		`${report.accepted} accepted (${report.acceptedPerSecond}/s over ${(report.sendMs / 1000).toFixed(1)} s), ` +
		`${report.processed} processed (${report.processedPerSecond}/s over ${(report.processMs / 1000).toFixed(1)} s), ` +
		`${report.lost} lost, ${report.duplicated} duplicated, ${report.refused} refused; ` +
		`answer p50/p95 ${report.acceptLatencyMs.p50}/${report.acceptLatencyMs.p95} ms, ` +
		`to sink p50/p95 ${report.endToEndLatencyMs.p50}/${report.endToEndLatencyMs.p95} ms; ` +
		`by process ${JSON.stringify(report.byProcess)}`
	);
}
