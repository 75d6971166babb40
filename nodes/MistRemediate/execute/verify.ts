import { NodeApiError, sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { MistClient } from '../../shared/transport/MistClient';
import { asNodeError } from '../../shared/utils/errors';
import type { ActionPlan } from '../operations/types';

export interface Verification extends IDataObject {
	checked: boolean;
	passed: boolean | null;
	detail: string;
}

const POLL_MS = 15_000;

interface CheckResult {
	passed: boolean;
	detail: string;
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

async function checkDevice(client: MistClient, siteId: string, deviceId: string, itemIndex: number): Promise<CheckResult> {
	try {
		const stats = await client.request<IDataObject>({ path: `/sites/${siteId}/stats/devices/${deviceId}`, itemIndex });
		const status = String(stats?.status ?? 'unknown');
		const name = typeof stats?.name === 'string' ? stats.name : deviceId;
		return { passed: status === 'connected', detail: `${name} is ${status}` };
	} catch (error) {
		if (isNotFound(error)) return { passed: false, detail: `${deviceId} has no stats (not found)` };
		throw asNodeError(client.node, error as Error, itemIndex);
	}
}

async function checkClient(client: MistClient, siteId: string, mac: string, itemIndex: number): Promise<CheckResult> {
	try {
		const stats = await client.request<IDataObject>({ path: `/sites/${siteId}/stats/clients/${mac}`, itemIndex });
		if (!stats || typeof stats !== 'object') return { passed: false, detail: `${mac} is not associated` };
		const where = [stats.ssid && `SSID ${String(stats.ssid)}`, stats.ap_mac && `AP ${String(stats.ap_mac)}`].filter(Boolean).join(', ');
		return { passed: true, detail: `${mac} is associated${where ? ` (${where})` : ''}` };
	} catch (error) {
		if (isNotFound(error)) return { passed: false, detail: `${mac} is not associated` };
		throw asNodeError(client.node, error as Error, itemIndex);
	}
}

/**
 * Re-checks the targets until all pass or `withinMs` is over: devices back `connected`, clients
 * associated again. The first check comes after up to 15 s; 0 checks once, at once.
 */
export async function verifyAction(client: MistClient, plan: ActionPlan, withinMs: number, itemIndex: number): Promise<Verification> {
	if (!plan.verify) return { checked: false, passed: null, detail: `no check exists for ${plan.operation}` };
	if (!plan.siteId) return { checked: false, passed: null, detail: 'no site is known, so the target cannot be checked' };
	const siteId = plan.siteId;
	const targets = plan.verify === 'device' ? plan.deviceIds : plan.clientMacs;
	const check = plan.verify === 'device' ? checkDevice : checkClient;
	let waited = 0;
	for (;;) {
		// Wait before each check: right after a restart the stats may still show the old state.
		if (waited < withinMs) {
			const step = Math.min(POLL_MS, withinMs - waited);
			await sleep(step);
			waited += step;
		}
		const results: CheckResult[] = [];
		for (const target of targets) results.push(await check(client, siteId, target, itemIndex));
		const passed = results.every((result) => result.passed);
		if (passed || waited >= withinMs) {
			const after = waited === 0 ? 'at once' : `after ${Math.round(waited / 1000)} s`;
			return { checked: true, passed, detail: `${results.map((result) => result.detail).join('; ')} (checked ${after})` };
		}
	}
}
