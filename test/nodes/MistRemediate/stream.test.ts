/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import nock from 'nock';

import { collectCommandOutput, streamUrl } from '../../../nodes/MistRemediate/stream/commandStream';
import type { SocketLike } from '../../../nodes/MistRemediate/stream/commandStream';
import { LEAK_CANARY, serialise } from '../../helpers/executeContext';
import { API, AP1, rl, run, SITE_ID, siteRead } from './fixtures';

/** A socket that answers a subscription with scripted messages, then closes. */
class FakeSocket implements SocketLike {
	static last: FakeSocket | undefined;

	onopen: SocketLike['onopen'] = null;
	onmessage: SocketLike['onmessage'] = null;
	onerror: SocketLike['onerror'] = null;
	onclose: SocketLike['onclose'] = null;
	sent: string[] = [];
	closed = false;

	constructor(
		readonly url: string,
		readonly init: { headers: Record<string, string> },
		private readonly script: unknown[] = FakeSocket.script,
	) {
		FakeSocket.last = this;
		void Promise.resolve().then(() => this.onopen?.({}));
	}

	static script: unknown[] = [];

	send(data: string) {
		this.sent.push(data);
		void (async () => {
			for (const message of this.script) {
				await Promise.resolve();
				this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
			}
			await Promise.resolve();
			this.onclose?.({});
		})();
	}

	close() {
		this.closed = true;
	}
}

const channel = `/sites/${SITE_ID}/devices/${AP1}/cmd`;
const data = (session: string, raw: string) => ({ event: 'data', channel, data: { session, raw } });

describe('Juniper Mist Remediate › command output stream', () => {
	it.each([
		['https://api.mist.com', 'wss://api-ws.mist.com/api-ws/v1/stream'],
		['https://api.eu.mist.com', 'wss://api-ws.eu.mist.com/api-ws/v1/stream'],
		['http://127.0.0.1:8090', 'ws://127.0.0.1:8090/api-ws/v1/stream'],
	])('%s streams on %s', (base, url) => {
		expect(streamUrl(base)).toBe(url);
	});

	it('subscribes to the device channel and keeps only lines of its session', async () => {
		FakeSocket.script = [
			data('other', 'not mine'),
			data(
				's1',
				'PING 8.8.8.8: 56 data bytes\n64 bytes from 8.8.8.8: icmp_seq=0 ttl=117 time=4.1 ms',
			),
			{
				event: 'data',
				channel,
				data: JSON.stringify({
					session: 's1',
					raw: '1 packets transmitted, 1 received, 0% packet loss',
				}),
			},
			'not json',
		];
		const output = await collectCommandOutput((url, headers) => new FakeSocket(url, { headers }), {
			url: 'wss://api-ws.mist.com/api-ws/v1/stream',
			headers: { Authorization: 'Token x' },
			channel,
			session: 's1',
			waitMs: 5000,
		});
		expect(FakeSocket.last?.sent).toEqual([JSON.stringify({ subscribe: channel })]);
		expect(FakeSocket.last?.closed).toBe(true);
		expect(output).toEqual({
			ended: 'closed',
			lines: [
				'PING 8.8.8.8: 56 data bytes',
				'64 bytes from 8.8.8.8: icmp_seq=0 ttl=117 time=4.1 ms',
				'1 packets transmitted, 1 received, 0% packet loss',
			],
		});
	});

	it('stops at the time limit when the stream stays open', async () => {
		const silent: SocketLike = {
			onopen: null,
			onmessage: null,
			onerror: null,
			onclose: null,
			send: () => undefined,
			close: () => undefined,
		};
		const output = await collectCommandOutput(() => silent, {
			url: 'wss://x',
			headers: {},
			channel,
			session: 's',
			waitMs: 20,
		});
		expect(output).toEqual({ lines: [], ended: 'time limit' });
	});

	describe('in the node, where the runtime has a WebSocket', () => {
		const runtime = global as unknown as { WebSocket?: unknown };
		beforeEach(() => {
			nock.disableNetConnect();
			runtime.WebSocket = FakeSocket;
		});
		afterEach(() => {
			delete runtime.WebSocket;
			nock.cleanAll();
			nock.enableNetConnect();
		});

		it('returns the ping output, authenticating the stream with the credential token', async () => {
			FakeSocket.script = [data('sess-9', '64 bytes from 8.8.8.8: icmp_seq=0 time=3.9 ms')];
			siteRead()
				.post(`${API}/sites/${SITE_ID}/devices/${AP1}/ping`, { host: '8.8.8.8', count: 1 })
				.reply(200, { session: 'sess-9' });
			const { actions } = await run({
				site: rl(SITE_ID),
				operation: 'ping',
				device: rl(AP1),
				host: '8.8.8.8',
				count: 1,
				options: { commandOutputSeconds: 5 },
			});
			expect(FakeSocket.last?.url).toBe('wss://api-ws.mist.test/api-ws/v1/stream');
			expect(FakeSocket.last?.init.headers.Authorization).toBe(`Token ${LEAK_CANARY}`);
			expect(actions[0].json.result).toMatchObject({
				session: 'sess-9',
				output: ['64 bytes from 8.8.8.8: icmp_seq=0 time=3.9 ms'],
			});
			expect(serialise(actions)).not.toContain(LEAK_CANARY);
		});
	});
});
