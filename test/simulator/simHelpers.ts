import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator, SimulatorOptions } from '../../simulator/src/index';

// Test bodies are read loosely; assertions check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ApiResponse<T = Json> {
	status: number;
	headers: Headers;
	body: T;
}

/** A simulator on a random loopback port plus a tiny authenticated client for it. */
export async function startTestSimulator(options: SimulatorOptions = {}) {
	const sim: RunningSimulator = await startSimulator({ port: 0, scenario: 'demo', ...options });
	const request = async <T = Json>(
		method: string,
		path: string,
		body?: unknown,
		token: string | null = sim.token,
	): Promise<ApiResponse<T>> => {
		const url = path.startsWith('http')
			? path
			: `${sim.url}${path.startsWith('/api/') || path.startsWith('/__sim/') ? '' : '/api/v1'}${path}`;
		const headers: Record<string, string> = { 'Content-Type': 'application/json' };
		if (token !== null) headers.Authorization = `Token ${token}`;
		const res = await fetch(url, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
	};
	const get = <T = Json>(path: string) => request<T>('GET', path);
	const post = <T = Json>(path: string, body?: unknown) => request<T>('POST', path, body);
	const site = (name: string) => {
		const found = sim.world.sites.find((s) => s.name === name);
		if (!found) throw new Error(`no site ${name}`);
		return found;
	};
	const apByName = (name: string) => {
		const found = [...sim.world.aps.values()].find((a) => a.name === name);
		if (!found) throw new Error(`no AP ${name}`);
		return found;
	};
	const clientByHostname = (hostname: string) => {
		const found = [...sim.world.clients.values()].find((c) => c.hostname === hostname);
		if (!found) throw new Error(`no client ${hostname}`);
		return found;
	};
	return { sim, request, get, post, site, apByName, clientByHostname, org: `/orgs/${sim.orgId}` };
}

export type TestSim = Awaited<ReturnType<typeof startTestSimulator>>;
