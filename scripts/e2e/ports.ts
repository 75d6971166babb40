/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import fs from 'node:fs';
import net from 'node:net';

/** n8n's defaults: a developer's own n8n may be using them, so the harness never does. */
const RESERVED_PORTS = new Set([5678, 5679]);
const handedOut = new Set<number>();
const LOWEST_PORT = 20_000;

/**
 * The first port of the kernel's ephemeral range. Ports below it are never handed out by
 * `listen(0)` (the simulator, sinks) nor used as the source port of an outgoing connection, so a
 * port picked there stays free between the check and n8n binding it seconds later.
 */
function ephemeralRangeStart(): number {
	try {
		const [low] = fs
			.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
			.trim()
			.split(/\s+/)
			.map(Number);
		if (Number.isInteger(low) && low > LOWEST_PORT + 1000) return low;
	} catch {
		// Not Linux: assume the IANA dynamic range.
	}
	return 49_152;
}

function isFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * A loopback port that is free now, lies below the ephemeral range, and that this process has not
 * handed out before (n8n binds it a few seconds later, so two quick calls must not return the same port).
 */
export async function freePort(): Promise<number> {
	const high = ephemeralRangeStart();
	for (let attempt = 0; attempt < 200; attempt++) {
		const port = LOWEST_PORT + Math.floor(Math.random() * (high - LOWEST_PORT));
		if (RESERVED_PORTS.has(port) || handedOut.has(port)) continue;
		if (!(await isFree(port))) continue;
		handedOut.add(port);
		return port;
	}
	throw new Error(`Could not find a free loopback port between ${LOWEST_PORT} and ${high}`);
}
