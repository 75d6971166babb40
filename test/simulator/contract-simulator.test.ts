/**
 * Contract: every response of every Mist endpoint the simulator serves validates against the
 * response schema of the Mist OpenAPI spec (first pages, second pages, actions, errors, webhooks).
 */
import {
	ContractProbe,
	KNOWN_SPEC_GAPS,
	MistContract,
	type ProbeResult,
} from '../../simulator/src/contract';
import { buildMistRouter, startSimulator, type RunningSimulator } from '../../simulator/src';
import { startAlertSink, type RunningAlertSink, type SinkMessage } from '../../simulator/src/sink';

const API = '/api/v1';

/** The messages the sink recorded on `path`, once `count` of them arrived (deliveries may trail the API answer). */
async function messagesOn(
	sink: RunningAlertSink,
	path: string,
	count: number,
): Promise<SinkMessage[]> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const messages = sink.messages().filter((message) => message.path === path);
		if (messages.length >= count) return messages;
		// A round trip to the sink gives pending deliveries time to land, without timers.
		await fetch(`${sink.url}/messages`);
	}
	throw new Error(`Fewer than ${count} messages arrived on ${path}`);
}

describe('simulator ⇄ Mist OpenAPI contract', () => {
	// Strict except for the documented spec gaps (knownGaps.ts), e.g. `mac` on client events.
	const contract = MistContract.load(undefined, { knownGaps: KNOWN_SPEC_GAPS });
	let sim: RunningSimulator;
	let sink: RunningAlertSink;
	let probe: ContractProbe;
	/** Ids picked from the demo world once it exists. */
	const id = {} as Record<
		| 'org'
		| 'hq'
		| 'warehouse'
		| 'branch'
		| 'ap'
		| 'apMac'
		| 'offlineAp'
		| 'switch'
		| 'client'
		| 'hqClient'
		| 'alarm'
		| 'siteAlarm',
		string
	>;

	beforeAll(async () => {
		sink = await startAlertSink();
		sim = await startSimulator({ port: 0, scenario: 'demo' });
		probe = new ContractProbe(contract, sim.url, sim.token);
		const world = sim.world;
		const site = (name: string) => world.sites.find((candidate) => candidate.name === name)!;
		const apNamed = (name: string) => [...world.aps.values()].find((ap) => ap.name === name)!;
		id.org = sim.orgId;
		id.hq = site('HQ').id;
		id.warehouse = site('Warehouse').id;
		id.branch = site('Branch-Control').id;
		const branchAp = world.aps.get(site('Branch-Control').apIds[0])!;
		id.ap = branchAp.id;
		id.apMac = branchAp.mac;
		id.offlineAp = apNamed('Warehouse-AP-05').id;
		id.switch = site('HQ').switchIds[0];
		id.client = site('Branch-Control').clientMacs[0];
		id.hqClient = site('HQ').clientMacs[0];
		id.alarm = world.alarms[0].id;
		id.siteAlarm = world.alarms[world.alarms.length - 1].id;
	});

	afterAll(async () => {
		await sim?.close();
		await sink?.close();
	});

	/** Calls, then asserts the status and that the body matches the spec (violations listed in the failure). */
	async function expectValid(
		method: string,
		path: string,
		body?: unknown,
		status = 200,
	): Promise<ProbeResult> {
		const result = await probe.call(method, path, body);
		// On a status mismatch, show Mist's `detail` too: it says what the simulator disliked.
		const detail =
			result.status === status
				? undefined
				: (result.body as { detail?: string } | undefined)?.detail;
		expect({
			status: result.status,
			detail,
			query: result.queryViolations,
			violations: result.contract.violations,
		}).toEqual({
			status,
			detail: undefined,
			query: [],
			violations: [],
		});
		return result;
	}

	const fill = (template: string) =>
		template.replace(/\{(\w+)\}/g, (_whole, key: keyof typeof id) => id[key]);

	describe('reads', () => {
		it.each([
			'/self',
			'/self/usage',
			'/orgs/{org}/sites',
			'/orgs/{org}/sites/search?name=HQ*',
			'/sites/{hq}',
			'/orgs/{org}/clients/search?site_id={hq}&limit=50',
			'/sites/{warehouse}/clients/search?ssid=Corp-Secure',
			'/sites/{branch}/stats/clients',
			'/sites/{branch}/stats/clients/{client}',
			'/orgs/{org}/clients/count?distinct=ssid',
			'/orgs/{org}/clients/events/search?duration=1d',
			'/orgs/{org}/clients/events/search?type=MARVIS_EVENT_CLIENT_AUTH_FAILURE,CLIENT_AUTH_FAILURE&ssid=Corp-Secure',
			'/sites/{hq}/clients/events/search?duration=1h',
			'/orgs/{org}/clients/events/count?distinct=type',
			'/sites/{branch}/clients/{client}/events?duration=1d',
			'/orgs/{org}/clients/sessions/search',
			'/sites/{branch}/clients/sessions/search?duration=1d',
			'/orgs/{org}/nac_clients/events/search?site_id={hq}',
			'/sites/{hq}/nac_clients/events/search?type=NAC_CLIENT_DENY',
			'/orgs/{org}/devices/search?type=ap',
			'/orgs/{org}/devices/search?type=switch',
			'/sites/{hq}/devices?type=all',
			'/sites/{hq}/devices?type=switch',
			'/sites/{branch}/devices/{ap}',
			'/sites/{hq}/devices/{switch}',
			'/orgs/{org}/stats/devices?type=ap',
			'/orgs/{org}/stats/devices?type=all',
			'/sites/{warehouse}/stats/devices',
			'/sites/{hq}/stats/devices?type=switch',
			'/sites/{branch}/stats/devices/{ap}',
			'/sites/{warehouse}/stats/devices/{offlineAp}',
			'/sites/{hq}/stats/devices/{switch}',
			'/orgs/{org}/devices/events/search',
			'/sites/{warehouse}/devices/events/search?type=AP_RESTARTED',
			'/orgs/{org}/alarms/search',
			'/sites/{warehouse}/alarms/search?acked=false',
			'/orgs/{org}/alarms/search?status=open&site_id={warehouse}',
			'/orgs/{org}/insights/sites-sle?sle=wifi',
			'/sites/{hq}/sle/site/{hq}/metrics',
			'/sites/{warehouse}/sle/site/{warehouse}/metric/coverage/summary',
			'/sites/{hq}/sle/site/{hq}/metric/failed-to-connect/summary',
			'/sites/{warehouse}/sle/ap/{offlineAp}/metric/ap-availability/summary',
			'/sites/{hq}/sle/client/{hqClient}/metric/time-to-connect/summary',
			'/sites/{warehouse}/sle/site/{warehouse}/metric/capacity/classifiers',
			'/sites/{warehouse}/sle/site/{warehouse}/metric/coverage/classifier/weak-signal/summary',
			'/sites/{hq}/sle/site/{hq}/metric/time-to-connect/impact-summary',
			'/sites/{hq}/sle/site/{hq}/metric/failed-to-connect/impacted-users?classifier=DHCP',
			'/sites/{warehouse}/sle/site/{warehouse}/metric/capacity/impacted-aps',
			'/sites/{hq}/insights/num_clients?duration=1d&interval=1h',
			'/sites/{hq}/insights/client/{hqClient}/bytes',
			'/sites/{branch}/insights/device/{apMac}/num_clients',
			'/sites/{warehouse}/rrm/current',
			'/sites/{warehouse}/rrm/current/devices/{offlineAp}/band/5',
			'/sites/{warehouse}/rrm/events?duration=1d',
			'/sites/{warehouse}/rrm/neighbors/band/24',
			'/orgs/{org}/troubleshoot?site_id={hq}',
			'/orgs/{org}/troubleshoot?mac={hqClient}',
			'/const/client_events',
			'/const/device_events',
			'/const/alarm_defs',
			'/const/insight_metrics',
			'/const/webhook_topics',
			'/const/nac_events',
		])('GET %s', async (template) => {
			await expectValid('GET', `${API}${fill(template)}`);
		});
	});

	describe('second pages', () => {
		it.each([
			['/orgs/{org}/sites', 1],
			['/sites/{hq}/devices', 3],
			['/orgs/{org}/stats/devices', 5],
			['/sites/{warehouse}/stats/devices', 3],
		])('list %s, page 2 (X-Page headers)', async (template, limit) => {
			const result = await expectValid('GET', `${API}${fill(template)}?limit=${limit}&page=2`);
			expect(result.headers['x-page-page']).toBe('2');
			expect(result.headers['x-page-limit']).toBe(String(limit));
			expect((result.body as unknown[]).length).toBeGreaterThan(0);
		});

		it.each([
			'/orgs/{org}/clients/search?limit=5',
			'/sites/{hq}/clients/search?limit=5',
			'/orgs/{org}/clients/events/search?limit=5',
			'/sites/{hq}/clients/events/search?limit=5',
			'/orgs/{org}/clients/sessions/search?limit=5',
			'/sites/{branch}/clients/sessions/search?limit=5',
			'/orgs/{org}/nac_clients/events/search?limit=5',
			'/orgs/{org}/devices/search?limit=5',
			'/orgs/{org}/devices/events/search?limit=2',
			'/sites/{warehouse}/devices/events/search?limit=2',
			'/orgs/{org}/alarms/search?limit=2',
			'/sites/{warehouse}/rrm/events?limit=2',
			'/sites/{hq}/clients/{hqClient}/events?limit=2',
		])('search %s, then its `next` page', async (template) => {
			const first = await expectValid('GET', `${API}${fill(template)}`);
			const next = (first.body as { next?: string | null }).next;
			expect(typeof next).toBe('string');
			await expectValid('GET', next!.startsWith(API) ? next! : `${API}${next}`);
		});

		it.each([
			'/sites/{hq}/sle/site/{hq}/metric/failed-to-connect/impacted-users?limit=2&page=2',
			'/sites/{warehouse}/sle/site/{warehouse}/metric/capacity/impacted-aps?limit=1&page=2',
			'/orgs/{org}/insights/sites-sle?sle=wifi&limit=1&page=2',
		])('body-paged %s', async (template) => {
			await expectValid('GET', `${API}${fill(template)}`);
		});
	});

	describe('every record of the demo world', () => {
		/** Walks every page (limit 1000) so each generated record variant (fault events included) is checked once. */
		it.each([
			'/orgs/{org}/clients/search',
			'/orgs/{org}/clients/events/search?duration=1d',
			'/orgs/{org}/clients/sessions/search?duration=1d',
			'/orgs/{org}/nac_clients/events/search?duration=1d',
			'/orgs/{org}/devices/search?type=ap',
			'/orgs/{org}/devices/search?type=switch',
			'/orgs/{org}/devices/events/search?duration=1d',
			'/orgs/{org}/alarms/search?duration=1d',
			'/sites/{warehouse}/rrm/events?duration=1d',
		])('%s', async (template) => {
			let next: string | null | undefined =
				`${API}${fill(template)}${template.includes('?') ? '&' : '?'}limit=1000`;
			let records = 0;
			for (let page = 0; next && page < 50; page++) {
				const result = await expectValid('GET', next.startsWith(API) ? next : `${API}${next}`);
				const body = result.body as { results: unknown[]; next?: string | null };
				records += body.results.length;
				next = body.next;
			}
			expect(next ?? null).toBeNull();
			expect(records).toBeGreaterThan(0);
		});

		it.each(['HQ', 'Warehouse', 'Branch-Control'])(
			'every SLE metric and classifier of %s',
			async (siteName) => {
				const site = sim.world.sites.find((candidate) => candidate.name === siteName)!;
				const base = `${API}/sites/${site.id}/sle/site/${site.id}`;
				const metrics = (await expectValid('GET', `${base}/metrics`)).body as { enabled: string[] };
				for (const metric of metrics.enabled) {
					await expectValid('GET', `${base}/metric/${metric}/summary`);
					await expectValid('GET', `${base}/metric/${metric}/impact-summary`);
					await expectValid('GET', `${base}/metric/${metric}/impacted-users`);
					await expectValid('GET', `${base}/metric/${metric}/impacted-aps`);
					const classifiers = (await expectValid('GET', `${base}/metric/${metric}/classifiers`))
						.body as string[];
					for (const classifier of classifiers)
						await expectValid('GET', `${base}/metric/${metric}/classifier/${classifier}/summary`);
				}
			},
		);

		it('Marvis troubleshoot for one target of every fault, and for every site', async () => {
			const world = sim.world;
			const targets = world.faults.map(
				(fault) =>
					fault.clientMacs[0] ??
					(fault.apIds[0] ? world.aps.get(fault.apIds[0])?.mac : undefined) ??
					(fault.switchId ? world.switches.get(fault.switchId)?.mac : undefined),
			);
			expect(targets.every(Boolean)).toBe(true);
			for (const mac of new Set(targets))
				await expectValid('GET', `${API}/orgs/${id.org}/troubleshoot?mac=${mac}`);
			for (const site of world.sites) {
				await expectValid('GET', `${API}/orgs/${id.org}/troubleshoot?site_id=${site.id}`);
				await expectValid(
					'GET',
					`${API}/orgs/${id.org}/troubleshoot?site_id=${site.id}&type=wired`,
				);
			}
		});

		it.each(['HQ', 'Warehouse', 'Branch-Control'])(
			'all device and client stats of %s',
			async (siteName) => {
				const site = sim.world.sites.find((candidate) => candidate.name === siteName)!;
				await expectValid('GET', `${API}/sites/${site.id}/stats/devices?type=all&limit=1000`);
				await expectValid('GET', `${API}/sites/${site.id}/stats/clients?limit=1000`);
				await expectValid('GET', `${API}/sites/${site.id}/devices?type=all&limit=1000`);
			},
		);
	});

	describe('webhooks', () => {
		it.each([
			['org', '/orgs/{org}/webhooks'],
			['site', '/sites/{hq}/webhooks'],
		])('%s webhook: create, list, get, update, ping, deliveries, delete', async (_scope, base) => {
			const collection = `${API}${fill(base)}`;
			const created = await expectValid('POST', collection, {
				name: 'contract-test',
				type: 'http-post',
				url: `${sink.url}/webhook/contract`,
				secret: 'contract-secret',
				topics: ['alarms', 'device-updowns'],
				enabled: true,
			});
			const webhookId = (created.body as { id: string }).id;
			await expectValid('POST', collection, {
				name: 'second',
				url: `${sink.url}/webhook/second`,
				topics: ['alarms'],
				enabled: false,
			});
			await expectValid('GET', collection);
			const paged = await expectValid('GET', `${collection}?limit=1&page=2`);
			expect(paged.headers['x-page-page']).toBe('2');
			await expectValid('GET', `${collection}/${webhookId}`);
			await expectValid('PUT', `${collection}/${webhookId}`, {
				topics: ['alarms', 'device-updowns', 'device-events'],
			});
			await expectValid('POST', `${collection}/${webhookId}/ping`);
			await expectValid('GET', `${collection}/${webhookId}/events/search?duration=1h`);
			await expectValid('DELETE', `${collection}/${webhookId}`);
		});

		it('sent ping bodies that match the spec to both webhooks', async () => {
			const pings = await messagesOn(sink, '/webhook/contract', 2);
			expect(pings.map((message) => (message.body as { topic: string }).topic)).toEqual([
				'ping',
				'ping',
			]);
			expect(pings.flatMap((message) => contract.validateWebhook('ping', message.body))).toEqual(
				[],
			);
		});

		it('delivers bodies that match the spec for every topic the simulator fires', async () => {
			const topicsAnswer = await probe.call('GET', `${API}/const/webhook_topics`);
			const topics = (topicsAnswer.body as Array<{ key: string }>).map((topic) => topic.key);
			await expectValid('POST', `${API}/orgs/${id.org}/webhooks`, {
				name: 'all-topics',
				url: `${sink.url}/webhook/all`,
				secret: 's',
				topics,
				enabled: true,
			});
			sink.clear();
			const delivered: string[] = [];
			for (const topic of topics) {
				const deliveries = await sim.fireWebhookEvents(topic);
				if (deliveries.length > 0) delivered.push(topic);
			}
			const received = sink.messages().filter((message) => message.path === '/webhook/all');
			expect(received.length).toBeGreaterThan(0);
			const violations = received.flatMap((message) => {
				const body = message.body as { topic: string };
				return contract.validateWebhook(body.topic, body);
			});
			// The topics the demo scenario's faults produce, each checked against the spec.
			expect(delivered).toEqual(
				expect.arrayContaining([
					'alarms',
					'client-sessions',
					'device-events',
					'device-updowns',
					'nac-events',
				]),
			);
			expect(violations).toEqual([]);
		});
	});

	describe('remediation and utilities', () => {
		it.each([
			['POST', '/sites/{branch}/devices/{ap}/restart', {}],
			['POST', '/sites/{branch}/devices/restart', { device_ids: ['{ap}'] }],
			['POST', '/sites/{branch}/clients/{client}/disconnect', undefined],
			['POST', '/sites/{branch}/clients/disconnect', ['{client}']],
			['POST', '/sites/{branch}/clients/{client}/unauthorize', undefined],
			['POST', '/sites/{branch}/clients/unauthorize', { macs: ['{client}'] }],
			['POST', '/sites/{hq}/clients/{hqClient}/coa', undefined],
			['POST', '/orgs/{org}/clients/{hqClient}/coa', undefined],
			['POST', '/sites/{warehouse}/rrm/optimize', { bands: ['24', '5'] }],
			['POST', '/sites/{warehouse}/rrm/optimize', { bands: ['5'], txpower_only: true }],
			['POST', '/sites/{warehouse}/devices/reset_radio_config', { bands: ['24', '5'] }],
			[
				'PUT',
				'/sites/{branch}/devices/{ap}',
				{ radio_config: { band_5: { channel: 44, power: 12 } } },
			],
			['POST', '/sites/{hq}/devices/{switch}/ping', { host: '10.0.0.1', count: 5 }],
			['POST', '/sites/{branch}/devices/{ap}/traceroute', { host: '8.8.8.8' }],
			['POST', '/sites/{hq}/devices/{switch}/arp', {}],
			['POST', '/sites/{hq}/devices/{switch}/cable_test', { port: 'ge-0/0/9' }],
			['POST', '/sites/{hq}/devices/{switch}/bounce_port', { ports: ['ge-0/0/9'] }],
			[
				'POST',
				'/sites/{hq}/devices/{switch}/check_radius_server',
				{ user: 'probe', password: 'probe', profile: 'dot1x' },
			],
			['POST', '/sites/{hq}/devices/{switch}/show_dhcp_leases', { network: 'vlan20' }],
			['POST', '/sites/{hq}/devices/{switch}/release_dhcp_leases', { network: 'vlan30' }],
			['POST', '/sites/{hq}/devices/{switch}/synthetic_test', { type: 'dhcp', vlan_ids: [20] }],
			['GET', '/sites/{hq}/devices/{switch}/synthetic_test', undefined],
			['POST', '/orgs/{org}/alarms/{alarm}/ack', { note: 'contract test' }],
		])('%s %s', async (method, template, body) => {
			const filled = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
			await expectValid(method, `${API}${fill(template)}`, filled);
		});

		it('acks an alarm at site level', async () => {
			const alarm = sim.world.alarms.find((candidate) => candidate.id === id.siteAlarm)!;
			await expectValid('POST', `${API}/sites/${alarm.site_id}/alarms/${alarm.id}/ack`, {
				note: 'site ack',
			});
		});

		it('still answers valid stats for an AP that is rebooting after the restart', async () => {
			await expectValid('GET', `${API}/sites/${id.branch}/stats/devices/${id.ap}`);
			await expectValid('GET', `${API}/sites/${id.branch}/stats/devices`);
		});
	});

	describe('errors', () => {
		it.each([
			['a bad token', 'GET', '/self', 401, 'wrong-token'],
			[
				'an unknown site',
				'GET',
				'/sites/00000000-0000-0000-0000-00000000dead/stats/devices',
				404,
				undefined,
			],
			[
				'an unknown device',
				'GET',
				'/sites/{hq}/devices/00000000-0000-0000-1000-000000000000',
				404,
				undefined,
			],
			['a limit above 1000', 'GET', '/orgs/{org}/clients/search?limit=5000', 400, undefined],
			['a bad duration', 'GET', '/orgs/{org}/alarms/search?duration=forever', 400, undefined],
		])(
			'answers %s with a body the spec allows',
			async (_label, method, template, status, token) => {
				const result = await probe.call(method, `${API}${fill(template)}`, undefined, token);
				expect({ status: result.status, violations: result.contract.violations }).toEqual({
					status,
					violations: [],
				});
			},
		);

		it('answers an injected 429 with a body the spec allows', async () => {
			sim.injectFault({ kind: '429', pathPattern: '/self$', retryAfterSeconds: 5 });
			const result = await probe.call('GET', `${API}/self`);
			expect({ status: result.status, violations: result.contract.violations }).toEqual({
				status: 429,
				violations: [],
			});
		});
	});

	describe('coverage', () => {
		/** The simulator's own route table ("METHOD /pattern/:param"); read from the router instance. */
		function servedRoutes(): Array<{ method: string; segments: string[] }> {
			const router = buildMistRouter() as unknown as {
				routes?: Array<{ method: string; segments: string[] }>;
			};
			if (!Array.isArray(router.routes))
				throw new Error('Router no longer exposes its routes: update servedRoutes()');
			return router.routes;
		}
		const asText = (route: { method: string; segments: string[] }) =>
			`${route.method} /${route.segments.join('/')}`;

		it('serves only endpoints that exist in the spec', () => {
			const invented = servedRoutes().filter((route) => {
				const sample = `${API}/${route.segments.map((segment) => (segment.startsWith(':') ? 'x1' : segment)).join('/')}`;
				return contract.findOperation(route.method, sample) === undefined;
			});
			expect(invented.map(asText)).toEqual([]);
		});

		it('exercised every endpoint the simulator serves', () => {
			const called = probe.results().map((result) => ({
				method: result.method,
				parts: result.path
					.split('?')[0]
					.slice(API.length + 1)
					.split('/'),
			}));
			const untested = servedRoutes().filter(
				(route) =>
					!called.some(
						(call) =>
							call.method === route.method &&
							call.parts.length === route.segments.length &&
							route.segments.every(
								(segment, index) => segment.startsWith(':') || segment === call.parts[index],
							),
					),
			);
			expect(untested.map(asText)).toEqual([]);
		});
	});

	describe('spec profile', () => {
		/** Gaps only real tenants need: the spec profile must not lean on them. */
		const REALISTIC_ONLY =
			/"(site_id|has_pcap|pcap_url|device_name|device_type)"|must have required property/;
		let spec: RunningSimulator;
		let specProbe: ContractProbe;
		beforeAll(async () => {
			spec = await startSimulator({ port: 0, scenario: 'demo', profile: 'spec' });
			specProbe = new ContractProbe(contract, spec.url, spec.token);
		});
		afterAll(async () => spec?.close());

		it('serves every record of its events, alarms and stats within the spec and the older gaps', async () => {
			const org = `${API}/orgs/${spec.orgId}`;
			const paths = [
				`${org}/clients/events/search?duration=1d&limit=1000`,
				`${org}/alarms/search?duration=1d&limit=1000`,
				`${org}/stats/devices?type=all&limit=1000`,
			];
			for (const site of spec.world.sites)
				paths.push(`${API}/sites/${site.id}/stats/clients?limit=1000`);
			for (let next: string | undefined = paths.shift(); next; next = paths.shift()) {
				const result = await specProbe.call('GET', next);
				expect({ status: result.status, violations: result.contract.violations }).toEqual({
					status: 200,
					violations: [],
				});
				expect(result.contract.tolerated.filter((line) => REALISTIC_ONLY.test(line))).toEqual([]);
				const link = (result.body as { next?: string }).next;
				if (link) paths.push(link.startsWith(API) ? link : `${API}${link}`);
			}
		});

		it('delivers alarms and device-updowns within the spec and the older gaps', async () => {
			const hook = { url: `${sink.url}/webhook/spec`, topics: ['alarms', 'device-updowns'] };
			await specProbe.call('POST', `${API}/orgs/${spec.orgId}/webhooks`, hook);
			sink.clear();
			for (const topic of ['alarms', 'device-updowns'])
				expect(await spec.fireWebhookEvents(topic)).toHaveLength(1);
			const bodies = (await messagesOn(sink, '/webhook/spec', 2)).map(
				(message) => message.body as { topic: string },
			);
			const olderGaps = KNOWN_SPEC_GAPS.filter(
				(gap) => !gap.missing && !gap.where.includes('WEBHOOK device-updowns'),
			);
			const strict = MistContract.load(undefined, { knownGaps: olderGaps });
			expect(bodies.flatMap((body) => strict.validateWebhook(body.topic, body))).toEqual([]);
		});
	});
});
