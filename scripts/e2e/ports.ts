/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import net from 'node:net';

/** n8n's defaults: a developer's own n8n may be using them, so the harness never does. */
const RESERVED_PORTS = new Set([5678, 5679]);
const handedOut = new Set<number>();

function ephemeralPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * A loopback port that was free a moment ago and that this process has not handed out before
 * (n8n binds it a few seconds later, so two quick calls must not return the same port).
 */
export async function freePort(): Promise<number> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const port = await ephemeralPort();
		if (RESERVED_PORTS.has(port) || handedOut.has(port)) continue;
		handedOut.add(port);
		return port;
	}
	throw new Error('Could not find a free loopback port');
}
