/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals */
/** The contract validator itself: operation matching, spec examples as positive cases, and readable negatives. */
import { createHash } from 'crypto';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';

import {
	KNOWN_SPEC_GAPS,
	MistContract,
	findRepoRoot,
	resolveSpecPath,
} from '../../simulator/src/contract';

const ORG = '6748cfa6-4e12-11e6-9188-0242ac110007';
const SITE = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
const DEVICE = '00000000-0000-0000-1000-5c5b35dea810';
const MAC = '5c5b35dea810';

/** Spec examples that contradict their own schemas (bad uuids/urls, wrong shapes): defects of the spec, not of the validator. */
const SPEC_EXAMPLE_DEFECTS: Record<string, string> = {
	TicketsArrayExample: '/0/comments/0/attachments/0/content_url must match format "url"',
	TicketExample: '/comments/0/attachments/0/content_url must match format "url"',
	OrgDeviceUpgradeListExample: '/0/site_upgrades/0/upgrade_id must match format "uuid"',
	ServicePoliciesArrayExample: '/0/id must match format "uuid"',
	SelfOauthLinkSuccessExample: '/id must match format "uuid"',
	SiteSettingsDerivedExample: '/additional_config_cmds must be object',
	AssetOfInterestArrayExample: '/0/id must match format "uuid"',
};

/** Names passed to example()/firstRecord() anywhere under test/: the spec examples the project uses as fixtures. */
function fixtureExampleNames(): string[] {
	const names = new Set<string>();
	const visit = (directory: string) => {
		for (const entry of readdirSync(directory)) {
			const full = path.join(directory, entry);
			if (statSync(full).isDirectory()) visit(full);
			else if (full.endsWith('.ts')) {
				for (const match of readFileSync(full, 'utf8').matchAll(
					/\b(?:example|firstRecord)(?:<[^>()]*>)?\(\s*'([A-Za-z0-9_]+)'/g,
				)) {
					names.add(match[1]);
				}
			}
		}
	};
	visit(path.join(findRepoRoot(), 'test'));
	return [...names].sort();
}

describe('contract validator', () => {
	const contract = MistContract.load();
	const usesByExample = contract.operations.examplesIndex();

	describe('operation lookup', () => {
		it.each([
			[
				'GET',
				`/api/v1/sites/${SITE}/stats/devices?type=ap&limit=100`,
				'listSiteDevicesStats',
				'/api/v1/sites/{site_id}/stats/devices',
			],
			[
				'GET',
				`/api/v1/orgs/${ORG}/devices/search`,
				'searchOrgDevices',
				'/api/v1/orgs/{org_id}/devices/search',
			],
			[
				'GET',
				`/api/v1/sites/${SITE}/devices/${DEVICE}`,
				'getSiteDevice',
				'/api/v1/sites/{site_id}/devices/{device_id}',
			],
			[
				'PUT',
				`/api/v1/sites/${SITE}/devices/${DEVICE}`,
				'updateSiteDevice',
				'/api/v1/sites/{site_id}/devices/{device_id}',
			],
			[
				'POST',
				`/api/v1/sites/${SITE}/devices/restart`,
				'restartSiteMultipleDevices',
				'/api/v1/sites/{site_id}/devices/restart',
			],
			[
				'POST',
				`/api/v1/sites/${SITE}/clients/${MAC}/disconnect`,
				'disconnectSiteWirelessClient',
				'/api/v1/sites/{site_id}/clients/{client_mac}/disconnect',
			],
			[
				'GET',
				`http://127.0.0.1:8090/api/v1/sites/${SITE}/sle/site/${SITE}/metric/coverage/classifier/weak-signal/summary`,
				'getSiteSleClassifierDetails',
				'/api/v1/sites/{site_id}/sle/{scope}/{scope_id}/metric/{metric}/classifier/{classifier}/summary',
			],
		])('%s %s → %s', (method, requestPath, operationId, template) => {
			const found = contract.findOperation(method, requestPath);
			expect(found).toMatchObject({ operationId, template });
		});

		it('extracts the path parameters', () => {
			expect(
				contract.findOperation('GET', `/api/v1/sites/${SITE}/rrm/neighbors/band/5`)?.pathParameters,
			).toEqual({ site_id: SITE, band: '5' });
		});

		it.each([
			['GET', '/api/v1/nothing/here'],
			['PATCH', `/api/v1/sites/${SITE}`],
			['GET', '/api/v2/self'],
		])('finds no operation for %s %s and says so', (method, requestPath) => {
			expect(contract.findOperation(method, requestPath)).toBeUndefined();
			expect(contract.validateResponse(method, requestPath, {}).violations).toEqual([
				`${method} ${requestPath}: no operation in the spec matches this request`,
			]);
		});

		it('accepts a status the spec declares without a body, and rejects an undeclared one', () => {
			expect(
				contract.validateResponse('POST', `/api/v1/sites/${SITE}/devices/${DEVICE}/restart`, {}),
			).toMatchObject({ ok: true, schemaRef: 'none' });
			expect(contract.validateResponse('GET', `/api/v1/sites/${SITE}`, {}, 418).violations[0]).toBe(
				`GET /api/v1/sites/${SITE}: status 418 is not a response of getSiteInfo`,
			);
		});
	});

	describe('spec examples (the validator accepts what the spec shows)', () => {
		const fixtures = fixtureExampleNames();

		it('finds the fixtures the project uses', () => {
			expect(fixtures.length).toBeGreaterThan(10);
		});

		it.each(fixtures)('fixture %s validates against every response that shows it', (name) => {
			const uses = usesByExample.get(name);
			expect(uses?.length).toBeGreaterThan(0);
			const value = contract.spec.components.examples[name].value;
			for (const use of uses ?? []) {
				expect(
					contract.validateSchema(use.schema, value, `${name} as ${use.method} ${use.template}`),
				).toEqual([]);
			}
		});

		it('accepts every response example of the spec except its known defects', () => {
			const failing: string[] = [];
			for (const [name, uses] of usesByExample) {
				const value = contract.spec.components.examples[name]?.value;
				if (value === undefined || name in SPEC_EXAMPLE_DEFECTS) continue;
				for (const use of uses) failing.push(...contract.validateSchema(use.schema, value, name));
			}
			expect(failing).toEqual([]);
		});

		it.each(Object.entries(SPEC_EXAMPLE_DEFECTS))(
			'reports the spec defect in %s',
			(name, expected) => {
				const [use] = usesByExample.get(name) ?? [];
				expect(
					contract.validateSchema(use.schema, contract.spec.components.examples[name].value, name),
				).toContain(`${name}: ${expected}`);
			},
		);
	});

	describe('violations (the validator rejects what the spec forbids)', () => {
		const devicePath = `/api/v1/sites/${SITE}/stats/devices/${DEVICE}`;
		const label = `GET ${devicePath}`;
		const apStats = () =>
			structuredClone(
				contract.spec.components.examples.DeviceStatsAccessPointStats.value,
			) as Record<string, unknown>;

		it('accepts the unmodified AP stats', () => {
			expect(contract.validateResponse('GET', devicePath, apStats())).toMatchObject({
				ok: true,
				schemaRef: 'stats_device',
				operationId: 'getSiteDeviceStats',
			});
		});

		type Body = Record<string, unknown>;
		const radio = (body: Body, band: string) => (body.radio_stat as Record<string, Body>)[band];
		it.each([
			[
				'a wrong type',
				(body: Body) => (body.num_clients = '7'),
				`${label}: /num_clients must be integer or null`,
			],
			[
				'a misspelt field',
				(body: Body) => (body.numClients = 7),
				`${label}: / must NOT have additional property "numClients"`,
			],
			[
				'a nested misspelt field',
				(body: Body) => (radio(body, 'band_5').chanel = 36),
				`${label}: /radio_stat/band_5 must NOT have additional property "chanel"`,
			],
			[
				'a nested wrong type',
				(body: Body) => (radio(body, 'band_24').channel = 'eleven'),
				`${label}: /radio_stat/band_24/channel must be integer or null`,
			],
			[
				'an unknown device type',
				(body: Body) => (body.type = 'router'),
				`${label}: /type must be one of "ap", "switch", "gateway"`,
			],
			[
				'a missing type',
				(body: Body) => delete body.type,
				`${label}: / must have required property "type"`,
			],
			[
				'a bad uuid',
				(body: Body) => (body.site_id = 'site-1'),
				`${label}: /site_id must match format "uuid"`,
			],
		])('reports %s with the path and a readable message', (_label, mutate, expected) => {
			const body = apStats();
			mutate(body);
			const result = contract.validateResponse('GET', devicePath, body);
			expect(result.ok).toBe(false);
			expect(result.violations).toContain(expected);
		});

		it('reports only the branch the discriminator selects, not every oneOf branch', () => {
			const body = apStats();
			body.numClients = 7;
			const result = contract.validateResponse('GET', devicePath, body);
			expect(result.violations).toEqual([
				`${label}: / must NOT have additional property "numClients"`,
			]);
		});

		it('validates list answers item by item', () => {
			const list = [apStats(), { ...apStats(), cpu_util: 'high' }];
			const result = contract.validateResponse('GET', `/api/v1/sites/${SITE}/stats/devices`, list);
			expect(result.violations).toEqual([
				`GET /api/v1/sites/${SITE}/stats/devices: /1/cpu_util must be integer or null`,
			]);
		});

		it('assertResponse throws one error listing every violation', () => {
			expect(() =>
				contract.assertResponse('GET', `/api/v1/sites/${SITE}`, { id: 1, name: 2 }),
			).toThrow(
				/Contract violations \(site\):\nGET \/api\/v1\/sites\/.*: \/id must be string\nGET .*: \/name must be string/,
			);
		});

		it('normalises OpenAPI 3.0 nullable and accepts null only where allowed', () => {
			expect(contract.validateSchema({ type: 'string', nullable: true }, null)).toEqual([]);
			expect(contract.validateSchema({ type: 'string' }, null)).toEqual([
				'value: / must be string',
			]);
		});
	});

	describe('query parameters', () => {
		const events = `/api/v1/orgs/${ORG}/clients/events/search`;

		it.each([
			[
				'declared parameters with valid values',
				`${events}?type=CLIENT_AUTH_FAILURE&limit=10&duration=1h`,
				[],
			],
			[
				'a parameter the operation does not have',
				`${events}?site_id=${SITE}`,
				[
					`GET ${events}: query parameter "site_id" is not a parameter of searchOrgWirelessClientEvents`,
				],
			],
			[
				'a non-numeric limit',
				`${events}?limit=ten`,
				[`GET ${events}: query parameter "limit": / must be integer`],
			],
			[
				'a negative limit',
				`${events}?limit=-1`,
				[`GET ${events}: query parameter "limit": / must be >= 0`],
			],
		])('%s', (_label, requestPath, expected) => {
			expect(contract.validateQuery('GET', requestPath)).toEqual(expected);
		});

		it('accepts the undeclared paging of SLE impacted users only as a documented gap', () => {
			const impacted = `/api/v1/sites/${SITE}/sle/site/${SITE}/metric/coverage/impacted-users?limit=10&page=2`;
			expect(contract.validateQuery('GET', impacted)).toHaveLength(2);
			expect(
				new MistContract(contract.spec, { knownGaps: KNOWN_SPEC_GAPS }).validateQuery(
					'GET',
					impacted,
				),
			).toEqual([]);
		});
	});

	describe('documented spec gaps', () => {
		const eventsPath = `/api/v1/sites/${SITE}/clients/events/search`;
		const events = (extra: Record<string, unknown>) => ({
			start: 1,
			end: 2,
			limit: 10,
			total: 3,
			results: [1, 2, 3].map((index) => ({
				type: 'CLIENT_DNS_OK',
				timestamp: index,
				ap: '5c5b35000001',
				band: '5',
				...extra,
			})),
		});
		const tolerant = new MistContract(contract.spec, { knownGaps: KNOWN_SPEC_GAPS });

		it('is strict by default, and reports one line for the same problem on many items', () => {
			expect(contract.validateResponse('GET', eventsPath, events({ mac: MAC })).violations).toEqual(
				[
					`GET ${eventsPath}: /results/0 must NOT have additional property "mac" (and 2 more like it)`,
				],
			);
		});

		it('tolerates a documented gap and says so, but still rejects other extra properties', () => {
			// `vlan` on client events has no real evidence (real-shapes/client-events-search.md), so it stays a violation.
			const result = tolerant.validateResponse('GET', eventsPath, events({ mac: MAC, vlan: 10 }));
			expect(result.tolerated).toEqual([
				`GET ${eventsPath}: /results/0 must NOT have additional property "mac" (and 2 more like it)`,
			]);
			expect(result.violations).toEqual([
				`GET ${eventsPath}: /results/0 must NOT have additional property "vlan" (and 2 more like it)`,
			]);
		});

		it('tolerates a required property that real payloads leave out only where documented', () => {
			const alarmsPath = `/api/v1/sites/${SITE}/alarms/search`;
			const rogue = { id: SITE, type: 'rogue-ap-detected', timestamp: 1, last_seen: 2, count: 1 };
			const search = (alarm: object) => ({
				start: 1,
				end: 2,
				limit: 10,
				total: 1,
				results: [alarm],
			});
			const result = tolerant.validateResponse('GET', alarmsPath, search(rogue));
			expect(result.violations).toEqual([]);
			expect(result.tolerated).toEqual([
				`GET ${alarmsPath}: /results/0 must have required property "group"`,
				`GET ${alarmsPath}: /results/0 must have required property "severity"`,
			]);
			// `count` is not a documented gap: its absence stays a violation.
			const withoutCount = tolerant.validateResponse(
				'GET',
				alarmsPath,
				search({ ...rogue, count: undefined }),
			);
			expect(withoutCount.violations).toEqual([
				`GET ${alarmsPath}: /results/0 must have required property "count"`,
			]);
		});

		it('documents why for every gap', () => {
			for (const gap of KNOWN_SPEC_GAPS) expect(gap.reason.length).toBeGreaterThan(30);
		});
	});

	describe('webhook bodies', () => {
		const exampleBody = (key: string) =>
			structuredClone(
				(
					contract.spec.webhooks?.[key]?.post?.requestBody?.content?.['application/json']?.examples
						?.Example as { value: { topic: string } }
				).value,
			);

		it.each([
			'alarms',
			'client-info',
			'client-join',
			'client-latency',
			'client-sessions',
			'device-events',
			'device-updowns',
			'nac-accounting',
			'nac-events',
			'ping',
			'site-sle',
		])('accepts the spec sample of %s (topic spelt as on the wire)', (topic) => {
			const body = exampleBody(topic.replace(/-/g, '_'));
			body.topic = topic;
			expect(contract.validateWebhook(topic, body)).toEqual([]);
		});

		it('rejects a wrong topic, a misspelt event field and an unknown topic', () => {
			const body = exampleBody('device_updowns') as {
				topic: string;
				events: Array<Record<string, unknown>>;
			};
			body.topic = 'device-updown';
			body.events[0].ap_nme = 'HQ-AP-03';
			expect(contract.validateWebhook('device-updowns', body).sort()).toEqual([
				'WEBHOOK device-updowns: /events/0 must NOT have additional property "ap_nme"',
				'WEBHOOK device-updowns: /topic must be one of "device-updowns"',
			]);
			expect(contract.validateWebhook('weather', {})).toEqual([
				'WEBHOOK weather: the spec has no webhook topic "weather"',
			]);
		});
	});

	describe('spec location', () => {
		const saved = process.env.MIST_OPENAPI_PATH;
		afterEach(() => {
			if (saved === undefined) delete process.env.MIST_OPENAPI_PATH;
			else process.env.MIST_OPENAPI_PATH = saved;
		});

		it('uses the spec vendored in the repository, byte for byte the documented one', () => {
			delete process.env.MIST_OPENAPI_PATH;
			const specPath = resolveSpecPath();
			expect(specPath).toBe(path.resolve(findRepoRoot(), 'simulator/spec/mist.openapi.json'));
			const digest = createHash('sha256').update(readFileSync(specPath)).digest('hex');
			expect(
				readFileSync(path.resolve(findRepoRoot(), 'simulator/spec/SOURCE.txt'), 'utf8'),
			).toContain(`sha256 ${digest}`);
		});

		it('prefers MIST_OPENAPI_PATH, and names the place when the spec is missing', () => {
			process.env.MIST_OPENAPI_PATH = resolveSpecPath();
			expect(resolveSpecPath('/nonexistent/repo')).toBe(process.env.MIST_OPENAPI_PATH);
			process.env.MIST_OPENAPI_PATH = '/nonexistent/spec.json';
			expect(() => resolveSpecPath()).toThrow(
				'Mist OpenAPI spec not found at MIST_OPENAPI_PATH=/nonexistent/spec.json',
			);
			delete process.env.MIST_OPENAPI_PATH;
			expect(() => resolveSpecPath('/nonexistent/repo')).toThrow(
				'Mist OpenAPI spec not found at /nonexistent/repo/simulator/spec/mist.openapi.json (set MIST_OPENAPI_PATH to use another copy)',
			);
		});
	});
});
