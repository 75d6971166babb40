import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MistRemediate } from '../../../nodes/MistRemediate/MistRemediate.node';
import { createExecuteContext, MIST_TEST_URL, ORG_ID, SITE_ID } from '../../helpers/executeContext';

export { MIST_TEST_URL, ORG_ID, SITE_ID };
export const API = '/api/v1';
export const SITE = { id: SITE_ID, name: 'Warehouse', org_id: ORG_ID, timezone: 'Asia/Singapore' };
export const OTHER_SITE_ID = '2f5b7a88-0000-4000-8000-000000000002';

export const apId = (n: number) =>
	`00000000-0000-0000-1000-5c5b350e00${String(n).padStart(2, '0')}`;
export const AP1 = apId(1);
export const AP2 = apId(2);
export const SWITCH = '00000000-0000-0000-1000-d420b0f00001';
export const CLIENT = 'ac3c0b000001';
export const CLIENT2 = 'ac3c0b000002';

/** `n` APs for `stats/devices?type=ap`, named AP-01…; the first one offline. */
export function apStats(n: number) {
	return Array.from({ length: n }, (_, i) => ({
		id: apId(i + 1),
		mac: `5c5b350e00${String(i + 1).padStart(2, '0')}`,
		name: `AP-${String(i + 1).padStart(2, '0')}`,
		status: i === 0 ? 'disconnected' : 'connected',
	}));
}

/** A fixed "now": Tuesday 2026-11-24 14:00 UTC = 22:00 in Singapore. */
export const NOW = Date.parse('2026-11-24T14:00:00Z');

export const rl = (value: string) => ({ __rl: true, mode: 'id', value });

export function mist() {
	return nock(MIST_TEST_URL);
}

export function siteRead(scope = mist(), site: IDataObject = SITE) {
	return scope.get(`${API}/sites/${site.id as string}`).reply(200, site);
}

export function apsRead(scope: nock.Scope, n: number, siteId = SITE_ID) {
	return scope
		.get(`${API}/sites/${siteId}/stats/devices`)
		.query({ type: 'ap', limit: 1000, page: 1 })
		.reply(200, apStats(n), {
			'X-Page-Total': String(n),
			'X-Page-Limit': '1000',
			'X-Page-Page': '1',
		});
}

export interface RunOptions {
	items?: INodeExecutionData[];
	staticData?: IDataObject;
	continueOnFail?: boolean;
}

/** Runs the node once; returns both outputs. Dry run is off unless the params turn it on. */
export async function run(
	params: Record<string, unknown> | ((i: number) => Record<string, unknown>),
	options: RunOptions = {},
) {
	const withDefaults = (i: number) => ({
		dryRun: false,
		options: { commandOutputSeconds: 0, syntheticWaitSeconds: 0 },
		...(typeof params === 'function' ? params(i) : params),
	});
	const ctx = createExecuteContext({
		params: withDefaults,
		items: options.items,
		staticData: options.staticData,
		continueOnFail: options.continueOnFail,
		node: { name: 'Juniper Mist Remediate', type: 'n8n-nodes-juniper-mist.mistRemediate' },
	});
	const [actions, skipped] = await new MistRemediate().execute.call(ctx);
	return { actions, skipped, ctx };
}

/** A finding as the Mist Diagnose node emits it. */
export function finding(remediation: IDataObject, overrides: IDataObject = {}): IDataObject {
	return {
		fingerprint: `mist:${ORG_ID}:${SITE_ID}:ap_offline:5c5b350e0001`,
		step: 'ap_health',
		rule: 'ap_offline',
		severity: 'major',
		scope: {
			level: 'ap',
			org_id: ORG_ID,
			site_id: SITE_ID,
			site_name: 'Warehouse',
			ap_mac: '5c5b350e0001',
			ap_name: 'AP-01',
		},
		summary: 'AP AP-01 has been offline for 42 min',
		evidence: { metrics: [] },
		likelyCause: 'The AP lost power or its uplink.',
		remediation,
		followUp: [],
		firstSeen: '2026-11-24T13:18:00.000Z',
		lastSeen: '2026-11-24T14:00:00.000Z',
		count: 1,
		...overrides,
	};
}

export const restartFinding = (deviceId = AP1) =>
	finding({
		kind: 'action',
		operation: 'restartDevice',
		parameters: { site_id: SITE_ID, device_id: deviceId },
		description: 'Restart AP AP-01.',
	});

/**
 * The workflow static data less the token's API budget ledger, which every node that calls Mist
 * writes (even a dry run reads Mist): what is left is the remediation's own memory.
 */
export function withoutBudgetLedger(staticData: IDataObject): IDataObject {
	const rest: IDataObject = {};
	for (const [key, value] of Object.entries(staticData)) {
		if (key !== 'memory:workflow') {
			rest[key] = value;
			continue;
		}
		const documents = Object.entries(value as IDataObject).filter(
			([name]) => !name.startsWith('budget:'),
		);
		if (documents.length) rest[key] = Object.fromEntries(documents);
	}
	return rest;
}
