/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { Server, IncomingMessage } from 'http';
import type { Socket } from 'net';
import type { World } from '../types';

export interface CallLogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number;
	at: number;
}

export type FaultInjection = {
	/**
	 * `truncated` cuts the connection halfway through a body that promised its full length;
	 * `truncate` answers a complete 200 (GET only) whose JSON is cut in the middle.
	 */
	kind: '429' | '500' | '503' | 'timeout' | 'reset' | 'truncated' | 'truncate';
	/** Regular expression tested against the request path. */
	pathPattern?: string;
	/** How many matching requests are affected (default 1). */
	count?: number;
	retryAfterSeconds?: number;
};

export interface PendingInjection extends FaultInjection {
	remaining: number;
	regex?: RegExp;
}

/** Everything a request handler may read or change, for one running simulator. */
export interface SimContext {
	world: World;
	token: string;
	budgetPerHour: number;
	budget: { windowStart: number; requests: number };
	latencyMs: number;
	now: () => number;
	calls: CallLogEntry[];
	injections: PendingInjection[];
	/** Requests held open by `timeout` injections, destroyed on close. */
	hanging: Set<Socket>;
	server?: Server;
	syntheticTests: Map<string, { type: string; at: number; vlan_id?: number }>;
	searchCache: Map<string, { version: number; items: unknown[] }>;
	baseUrl: string;
}

export function queryOf(req: IncomingMessage): { path: string; query: Record<string, string> } {
	const url = new URL(req.url ?? '/', 'http://sim.local');
	const query: Record<string, string> = {};
	url.searchParams.forEach((value, key) => {
		query[key] = value;
	});
	return { path: url.pathname, query };
}
