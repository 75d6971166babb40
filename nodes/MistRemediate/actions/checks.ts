import { NodeApiError } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

import type { MistClient } from '../../shared/transport/MistClient';
import { asNodeError } from '../../shared/utils/errors';
import type { VerificationCheck } from './types';

/** The re-checks after an action; the operations that have one point to it as their `verification`. */

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** A restarted device is back: `connected` in its stats. */
export const deviceConnected: VerificationCheck = {
	targets: (plan) => plan.deviceIds,
	async check(client: MistClient, siteId: string, deviceId: string, itemIndex: number) {
		try {
			const stats = await client.request<IDataObject>({
				path: `/sites/${siteId}/stats/devices/${deviceId}`,
				itemIndex,
			});
			const status = String(stats?.status ?? 'unknown');
			const name = typeof stats?.name === 'string' ? stats.name : deviceId;
			return { passed: status === 'connected', detail: `${name} is ${status}` };
		} catch (error) {
			if (isNotFound(error)) {
				return { passed: false, detail: `${deviceId} has no stats (not found)` };
			}
			throw asNodeError(client.node, error, itemIndex);
		}
	},
};

/** A reconnected or re-authenticated client is associated again. */
export const clientAssociated: VerificationCheck = {
	targets: (plan) => plan.clientMacs,
	async check(client: MistClient, siteId: string, mac: string, itemIndex: number) {
		try {
			const stats = await client.request<IDataObject>({
				path: `/sites/${siteId}/stats/clients/${mac}`,
				itemIndex,
			});
			if (!stats || typeof stats !== 'object') {
				return { passed: false, detail: `${mac} is not associated` };
			}
			const where = [
				stats.ssid && `SSID ${String(stats.ssid)}`,
				stats.ap_mac && `AP ${String(stats.ap_mac)}`,
			]
				.filter(Boolean)
				.join(', ');
			return { passed: true, detail: `${mac} is associated${where ? ` (${where})` : ''}` };
		} catch (error) {
			if (isNotFound(error)) return { passed: false, detail: `${mac} is not associated` };
			throw asNodeError(client.node, error, itemIndex);
		}
	},
};
