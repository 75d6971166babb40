/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The package as users get it, in a real n8n: list the sites, then search every client of the org
 * across several pages, surviving a 429 on the way. Checked against the simulator's call log.
 */
import path from 'node:path';

import { selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { N8nInstance } from '../../scripts/e2e/n8n';
import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator, Scenario } from '../../simulator/src/index';
import { mistCredential, mistGet, simulatorControl } from '../../scripts/e2e/mistSimulator';

const WORKFLOW_FILE = path.join(__dirname, 'workflows', 'mist-sites-clients.json');
const WORKFLOW_ID = 'e2eMistSitesCli1';
const PAGE_SIZE = 1000;
/** The node pages with limit 1000 when Return All is on; 2,500 clients therefore take 3 pages. */
const SCENARIO: Scenario = {
	name: 'e2e-sites-clients',
	seed: 2026,
	org: { name: 'E2E Corp' },
	scale: { sites: 5, apsPerSite: 4, clientsPerSite: 500 },
	sites: [
		{ name: 'E2E-HQ', timezone: 'America/New_York', country: 'US' },
		{ name: 'E2E-Plant', timezone: 'Europe/Berlin', country: 'DE' },
	],
	faults: [],
};

describe.each(selectedVersions().map((spec) => spec.version))(
	'Juniper Mist node in n8n %s',
	(version) => {
		let sim: RunningSimulator;
		let n8n: N8nInstance;

		beforeAll(async () => {
			sim = await startSimulator({ port: 0, scenario: SCENARIO });
			n8n = await prepareN8n({ version, label: 'mist-sites-clients' });
			await n8n.importCredentials([mistCredential(sim)]);
			await n8n.importWorkflow(WORKFLOW_FILE);
		});

		afterAll(async () => {
			await n8n?.dispose();
			await sim?.close();
		});

		it('lists the sites and pages through every client of the org despite a 429', async () => {
			const truth = await mistGet<{ total: number }>(
				sim,
				`/orgs/${sim.orgId}/clients/search?limit=1&duration=1d`,
			);
			expect(truth.total).toBeGreaterThan(2 * PAGE_SIZE);
			await simulatorControl.clearCalls(sim);
			await simulatorControl.injectFault(sim, {
				kind: '429',
				count: 1,
				retryAfterSeconds: 1,
				pathPattern: '/clients/search$',
			});

			const result = await n8n.execute(WORKFLOW_ID);
			process.stderr.write(
				`[e2e] n8n ${version}: mist workflow execute took ${result.durationMs} ms\n`,
			);

			expect(result.errorMessage()).toBeUndefined();
			expect(result.ok).toBe(true);

			const sites = result.items('List Sites');
			expect(sites.map((site) => site.name).sort()).toEqual(
				sim.world.sites.map((site) => site.name).sort(),
			);
			expect(sites.every((site) => site.org_id === sim.orgId)).toBe(true);

			const clients = result.items('Search Clients');
			expect(clients).toHaveLength(truth.total);
			expect(new Set(clients.map((client) => client.mac)).size).toBe(truth.total);
			const stats = clients[clients.length - 1]._requestStats as Record<string, number>;
			expect(stats).toMatchObject({ calls: 4, pages: 3, rateLimited: 1, retries: 1 });
			expect(stats.waitedMs).toBeGreaterThanOrEqual(1000);

			const calls = await simulatorControl.calls(sim);
			const searchCalls = calls.filter(
				(call) => call.path === `/api/v1/orgs/${sim.orgId}/clients/search`,
			);
			expect(calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
				`GET /api/v1/orgs/${sim.orgId}/sites 200`,
				...searchCalls.map((call) => `GET ${call.path} ${call.status}`),
			]);
			expect(searchCalls.map((call) => call.status)).toEqual([429, 200, 200, 200]);
			// The retry repeats the first page after the advertised Retry-After, then `next` is followed.
			const [limited, firstPage, ...nextPages] = searchCalls;
			expect(firstPage.query).toEqual(limited.query);
			expect(firstPage.query.search_after).toBeUndefined();
			expect(firstPage.at - limited.at).toBeGreaterThanOrEqual(900);
			expect(
				nextPages.every(
					(call) => call.query.search_after && call.query.limit === String(PAGE_SIZE),
				),
			).toBe(true);
			expect(new Set(nextPages.map((call) => call.query.search_after)).size).toBe(2);
		});
	},
);
