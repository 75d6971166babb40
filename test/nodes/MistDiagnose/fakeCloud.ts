import nock from 'nock';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MistDiagnose } from '../../../nodes/MistDiagnose/MistDiagnose.node';
import { accountHash } from '../../../nodes/MistDiagnose/slowCache';
import { createExecuteContext, MIST_TEST_URL, ORG_ID } from '../../helpers/executeContext';

export { ORG_ID };

/** The slow cache's account prefix of the test credential (no credential id, the test URL). */
export const ACCOUNT = accountHash('', MIST_TEST_URL);

type Json = Record<string, unknown>;

export interface FakeCloud {
	/** The Mist calls made, as `path?query` (decoded), in order. */
	calls: string[];
	/** Calls to one endpoint (a path suffix such as `/clients/events/search`). */
	callsTo(suffix: string): string[];
}

export interface CloudOptions {
	sites: Json[];
	/** `/const/client_events` entries. */
	catalogue?: Json[];
	clientEvents?: Json[];
	deviceEvents?: Json[];
	/** False: a comma list in `type` is taken as one literal type (no event has such a type). */
	splitsTypeLists?: boolean;
	/** An HTTP status for `clients/events/count` instead of its answer. */
	countStatus?: number;
	/** An HTTP status for single-type (not list) event searches instead of their answer. */
	singleTypeSearchStatus?: number;
	aps?: Json[];
	clientStats?: Record<string, Json[]>;
	sitesSle?: Json[];
	alarms?: Json[];
	alarmDefinitions?: Json[];
}

const query = (uri: string) => new URL(uri, MIST_TEST_URL).searchParams;

/**
 * A Mist cloud on nock for Mist Diagnose: event searches filter by `type` either as a comma list or
 * as one literal string, so a test can be run against both kinds of cloud. Every call is recorded.
 */
export function fakeCloud(options: CloudOptions): FakeCloud {
	const calls: string[] = [];
	const base = `/api/v1/orgs/${ORG_ID}`;
	const record = (uri: string) => calls.push(decodeURIComponent(uri.replace('/api/v1', '')));
	const typeFilter = (uri: string): ((type: string) => boolean) => {
		const raw = query(uri).get('type');
		if (!raw) return () => true;
		const wanted = options.splitsTypeLists === false ? [raw] : raw.split(',');
		return (type) => wanted.includes(type);
	};
	const search = (events: Json[]) =>
		function (this: unknown, uri: string): [number, IDataObject] {
			record(uri);
			const raw = query(uri).get('type') ?? '';
			if (options.singleTypeSearchStatus && raw && !raw.includes(','))
				return [options.singleTypeSearchStatus, { detail: 'Forbidden' }];
			const matches = typeFilter(uri);
			const limit = Number(query(uri).get('limit') ?? 1000);
			const results = events.filter((event) => matches(String(event.type))).slice(0, limit);
			return [200, { results, limit, start: 1, end: 2, total: results.length }];
		};
	const list = (items: Json[]) =>
		function (this: unknown, uri: string): [number, unknown] {
			record(uri);
			return [200, items];
		};
	const scope = nock(MIST_TEST_URL).persist();
	scope.get(`${base}/sites`).query(true).reply(list(options.sites));
	scope.get('/api/v1/const/client_events').reply(list(options.catalogue ?? []));
	scope.get('/api/v1/self/usage').reply(200, { request_limit: 5000, requests: 0, seconds: 3600 });
	scope.get('/api/v1/const/alarm_defs').reply(list(options.alarmDefinitions ?? []));
	scope
		.get(`${base}/clients/events/search`)
		.query(true)
		.reply(search(options.clientEvents ?? []));
	scope
		.get(`${base}/devices/events/search`)
		.query(true)
		.reply(search(options.deviceEvents ?? []));
	scope.get(`${base}/nac_clients/events/search`).query(true).reply(search([]));
	scope
		.get(`${base}/alarms/search`)
		.query(true)
		.reply(search(options.alarms ?? []));
	scope
		.get(`${base}/clients/events/count`)
		.query(true)
		.reply(function (uri) {
			record(uri);
			if (options.countStatus) return [options.countStatus, { detail: 'Not found' }];
			const counts = new Map<string, number>();
			for (const event of options.clientEvents ?? [])
				counts.set(String(event.type), (counts.get(String(event.type)) ?? 0) + 1);
			return [
				200,
				{
					distinct: 'type',
					results: [...counts].map(([type, count]) => ({ type, count })),
					total: counts.size,
					limit: 1000,
				},
			];
		});
	scope
		.get(`${base}/stats/devices`)
		.query(true)
		.reply(function (uri) {
			record(uri);
			return [200, query(uri).get('type') === 'ap' ? (options.aps ?? []) : []];
		});
	scope
		.get(`${base}/insights/sites-sle`)
		.query(true)
		.reply(function (uri) {
			record(uri);
			return [
				200,
				{
					results: options.sitesSle ?? [],
					total: options.sitesSle?.length ?? 0,
					limit: 1000,
					page: 1,
				},
			];
		});
	scope
		.get(/\/api\/v1\/sites\/[^/]+\/stats\/clients/)
		.query(true)
		.reply(function (uri) {
			record(uri);
			const siteId = uri.split('/')[4];
			return [200, options.clientStats?.[siteId] ?? []];
		});
	scope
		.get(/\/api\/v1\/sites\/[^/]+\/clients\/search/)
		.query(true)
		.reply(function (uri) {
			record(uri);
			return [200, { results: [], limit: 1000 }];
		});
	scope
		.get(/\/api\/v1\/sites\/[^/]+\/sle\//)
		.query(true)
		.reply(function (uri) {
			record(uri);
			return [200, { sle: { name: 'x' }, classifiers: [] }];
		});
	return {
		calls,
		callsTo: (suffix) => calls.filter((call) => call.split('?')[0].endsWith(suffix)),
	};
}

export interface NodeRun {
	issues: IDataObject[];
	healthy: IDataObject[];
	raw: INodeExecutionData[][];
}

/** Runs Mist Diagnose against the nock cloud, sharing `staticData` between runs like one workflow. */
export async function runOnCloud(
	params: Record<string, unknown>,
	staticData: IDataObject = {},
): Promise<NodeRun> {
	const ctx = createExecuteContext({
		params: {
			mode: 'sweep',
			window: '1h',
			thresholds: {},
			options: {},
			org: { __rl: true, mode: 'list', value: '' },
			...params,
		},
		node: { name: 'Mist Diagnose', type: 'n8n-nodes-juniper-mist.mistDiagnose' },
		staticData,
	});
	const raw = await new MistDiagnose().execute.call(ctx);
	return { issues: raw[0].map((item) => item.json), healthy: raw[1].map((item) => item.json), raw };
}

export function useNock() {
	beforeEach(() => nock.disableNetConnect());
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});
}
