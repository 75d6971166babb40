/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The alert sink: a loopback HTTP server (Slack, Teams, PagerDuty, generic webhooks) and an SMTP
 * server that record what alert branches send, for tests and the demo.
 */
import type { AddressInfo } from 'net';

import { createSinkHttpServer } from './http';
import { startSmtpServer } from './smtp';
import type { SinkMessage } from './types';

export type { SinkChannel, SinkEmail, SinkMessage } from './types';
export { validatePagerDutyEvent } from './pagerduty';
export { parseMime } from './mime';

export interface AlertSinkOptions {
	/** 0 (default) picks a free port. */
	httpPort?: number;
	smtpPort?: number;
	host?: string;
	now?: () => number;
}

export interface RunningAlertSink {
	url: string;
	httpPort: number;
	smtpPort: number;
	messages(): SinkMessage[];
	clear(): void;
	close(): Promise<void>;
}

export async function startAlertSink(options: AlertSinkOptions = {}): Promise<RunningAlertSink> {
	const host = options.host ?? '127.0.0.1';
	const now = options.now ?? Date.now;
	let messages: SinkMessage[] = [];
	let nextId = 1;
	const store = {
		record: (message: Omit<SinkMessage, 'id' | 'receivedAt'>) => {
			const saved: SinkMessage = { id: nextId++, receivedAt: now(), ...message };
			messages.push(saved);
			return saved;
		},
		list: () => messages.map((message) => structuredClone(message)),
		clear: () => {
			messages = [];
		},
		now,
	};

	const httpServer = createSinkHttpServer(store);
	await new Promise<void>((resolve, reject) => {
		httpServer.once('error', reject);
		httpServer.listen(options.httpPort ?? 0, host, () => resolve());
	});
	const httpPort = (httpServer.address() as AddressInfo).port;
	const smtp = await startSmtpServer(host, options.smtpPort ?? 0, store.record).catch(
		async (error: Error) => {
			httpServer.close();
			return Promise.reject(error);
		},
	);
	return {
		url: `http://${host}:${httpPort}`,
		httpPort,
		smtpPort: smtp.port,
		messages: store.list,
		clear: store.clear,
		close: async () => {
			httpServer.closeAllConnections();
			await Promise.all([
				new Promise<void>((resolve) => httpServer.close(() => resolve())),
				smtp.close(),
			]);
		},
	};
}
