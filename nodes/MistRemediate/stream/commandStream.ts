import { sleepWithAbort } from 'n8n-workflow';

/**
 * Reads the output of a device command (ping, traceroute, ARP, cable test) from Mist's WebSocket
 * stream. Kept apart from everything else: it is the only code that opens a socket, and it only
 * runs where the runtime has a WebSocket (Node 22+); elsewhere the session id is returned instead.
 */

export interface SocketLike {
	onopen: ((event: unknown) => void) | null;
	onmessage: ((event: { data: unknown }) => void) | null;
	onerror: ((event: unknown) => void) | null;
	onclose: ((event: unknown) => void) | null;
	send(data: string): void;
	close(): void;
}

export type SocketFactory = (url: string, headers: Record<string, string>) => SocketLike;

// The runtime global, typed here because the package compiles without the DOM library.
// Node's WebSocket (undici) accepts `{ headers }` as its second argument.
declare const WebSocket:
	| (new (url: string, init: { headers: Record<string, string> }) => SocketLike)
	| undefined;

export function runtimeSocketFactory(): SocketFactory | undefined {
	if (typeof WebSocket === 'undefined') return undefined;
	const Socket = WebSocket;
	return (url, headers) => new Socket(url, { headers });
}

/** `https://api.mist.com` → `wss://api-ws.mist.com/api-ws/v1/stream`. */
export function streamUrl(baseUrl: string): string {
	const url = new URL(baseUrl);
	const protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
	const host = url.host.replace(/^api\./, 'api-ws.');
	return `${protocol}//${host}/api-ws/v1/stream`;
}

export interface CommandOutput {
	/** Raw output lines of this session, in arrival order. */
	lines: string[];
	/** Why collecting stopped. */
	ended: 'time limit' | 'closed' | 'error';
}

/** Subscribes to `channel`, keeps the `raw` text of messages for `session`, until `waitMs` or close. */
export async function collectCommandOutput(
	factory: SocketFactory,
	options: {
		url: string;
		headers: Record<string, string>;
		channel: string;
		session: string;
		waitMs: number;
	},
): Promise<CommandOutput> {
	const lines: string[] = [];
	const stop = new AbortController();
	let ended: CommandOutput['ended'] = 'time limit';
	const finish = (reason: CommandOutput['ended']) => {
		if (stop.signal.aborted) return;
		ended = reason;
		stop.abort();
	};
	const socket = factory(options.url, options.headers);
	socket.onopen = () => socket.send(JSON.stringify({ subscribe: options.channel }));
	socket.onmessage = (event) => {
		const raw = messageRaw(event.data, options.session);
		if (raw !== undefined) lines.push(...raw.split(/\r?\n/).filter((line) => line !== ''));
	};
	socket.onerror = () => finish('error');
	socket.onclose = () => finish('closed');
	try {
		await sleepWithAbort(options.waitMs, stop.signal);
	} catch {
		// Aborted early because the socket closed or failed.
	}
	socket.onclose = null;
	socket.onerror = null;
	socket.onmessage = null;
	try {
		socket.close();
	} catch {
		// Already closed.
	}
	return { lines, ended };
}

/** Messages are `{event:"data", channel, data:{session, raw}}`; `data` may itself be a JSON string. */
function messageRaw(payload: unknown, session: string): string | undefined {
	const message = parse(payload);
	if (!message || message.event !== 'data') return undefined;
	const data =
		typeof message.data === 'string'
			? parse(message.data)
			: (message.data as Record<string, unknown> | undefined);
	if (!data || data.session !== session || typeof data.raw !== 'string') return undefined;
	return data.raw;
}

function parse(value: unknown): Record<string, unknown> | undefined {
	if (value && typeof value === 'object') return value as Record<string, unknown>;
	if (typeof value !== 'string') return undefined;
	try {
		const parsed: unknown = JSON.parse(value);
		return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}
