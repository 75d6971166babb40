/**
 * What the e2e suites need around the in-process Mist simulator: the credential that points n8n at
 * it, and its `/__sim/*` control endpoints over HTTP (the same ones a developer would curl).
 */
import type { FaultInjection, Quirks, RunningSimulator } from '../../simulator/src/index';
import type { CredentialToImport } from './n8n';

/** Fixed so shipped-style workflows can reference it by id and by name. */
export const MIST_CREDENTIAL_ID = 'e2eMistAccount01';
export const MIST_CREDENTIAL_NAME = 'Mist account';

export function mistCredential(sim: RunningSimulator): CredentialToImport {
	return {
		id: MIST_CREDENTIAL_ID,
		name: MIST_CREDENTIAL_NAME,
		type: 'mistApi',
		data: { apiToken: sim.token, cloud: 'custom', customUrl: sim.url, orgId: sim.orgId },
	};
}

export interface SimulatorCall {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	at: number;
}

async function control<T>(
	sim: RunningSimulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<T> {
	const response = await fetch(`${sim.url}${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
	return (text ? JSON.parse(text) : undefined) as T;
}

export const simulatorControl = {
	calls: (sim: RunningSimulator) => control<SimulatorCall[]>(sim, 'GET', '/__sim/calls'),
	clearCalls: (sim: RunningSimulator) => control<unknown>(sim, 'DELETE', '/__sim/calls'),
	injectFault: (sim: RunningSimulator, fault: FaultInjection) =>
		control<unknown>(sim, 'POST', '/__sim/faults', fault),
	/** Switches the simulator's quirks (literal `type` lists, v1-only webhook signatures). */
	setQuirks: (sim: RunningSimulator, quirks: Quirks) =>
		control<unknown>(sim, 'POST', '/__sim/quirks', quirks),
};

/** Reads a Mist API endpoint of the simulator directly, as the ground truth to compare n8n's output with. */
export async function mistGet<T>(sim: RunningSimulator, path: string): Promise<T> {
	const response = await fetch(`${sim.url}/api/v1${path}`, {
		headers: { Authorization: `Token ${sim.token}` },
	});
	if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
	return (await response.json()) as T;
}
