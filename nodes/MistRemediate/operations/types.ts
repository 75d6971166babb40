import type { RemediationOperation } from '../../shared/findings/types';
import type { Band } from './fields';

/** Operations this node performs; `iseLookup` belongs to the Cisco ISE node. */
export type ActionOperation = Exclude<RemediationOperation, 'iseLookup'>;

export type JsonBody = Record<string, unknown> | string[];

export interface RadioChange {
	band: Band;
	channel?: number;
	power?: number;
	bandwidth?: number;
}

/** Everything needed to check, send, audit and verify one action. */
export interface ActionPlan {
	operation: ActionOperation;
	/** One line for people, e.g. "Restart device 00000000-…". */
	summary: string;
	siteId?: string;
	orgId?: string;
	method: 'POST' | 'PUT';
	/** Below /api/v1. */
	path: string;
	body?: JsonBody;
	deviceIds: string[];
	clientMacs: string[];
	/** Cooldown keys. */
	targets: string[];
	/** Changes the network (guardrails beyond the site lists apply). */
	disruptive: boolean;
	/** Devices this action restarts (the APs among them count for the share-of-APs rule). */
	restartsDevices: string[];
	/** `session`: Mist answers {session} and streams the output; `syntheticTest`: read back with GET. */
	result: 'ok' | 'session' | 'syntheticTest';
	verify?: 'device' | 'client';
	/** setRadio: the PUT body is built from the device read first. */
	radioChange?: RadioChange;
}
