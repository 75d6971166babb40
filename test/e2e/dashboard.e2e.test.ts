/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The live network-health dashboard as users get it: the shipped workflow, active in a real n8n,
 * behind the Webhook node's Basic Auth, opened in headless Chromium against the demo scenario.
 */
import path from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { REPO_ROOT, selectedVersions } from '../../scripts/e2e/config';
import { prepareN8n } from '../../scripts/e2e/n8n';
import type { CredentialToImport, N8nInstance, RunningN8n } from '../../scripts/e2e/n8n';
import {
	addDashboardItem,
	emptyDashboardInput,
} from '../../nodes/MistReport/engine/render/dashboardInput';
import { renderDashboardHtml } from '../../nodes/MistReport/engine/render/dashboardHtml';
import { buildDashboard } from '../../nodes/MistReport/engine/render/dashboardModel';
import { startSimulator } from '../../simulator/src/index';
import type { RunningSimulator } from '../../simulator/src/index';
import {
	chromiumAvailable,
	closeQuietly,
	launchChromium,
	recordPage,
	screenshot,
} from './browser/chromium';
import type { PageRecorder } from './browser/chromium';
import { simulatorControl } from '../../scripts/e2e/mistSimulator';
import { sharedMemoryPlaceholder } from '../../scripts/shippedCredentials';

const WORKFLOW_FILE = path.join(REPO_ROOT, 'workflows', 'network-health-dashboard.json');
const WORKFLOW_ID = 'mistDashboard001';
const LOGIN = { username: 'dashboard', password: 'Dashboard-e2e-1' };

/** The credentials the shipped workflow references by id and name (the demo imports the same ones). */
function credentials(sim: RunningSimulator): CredentialToImport[] {
	return [
		{
			id: 'demoMistAccount1',
			name: 'Mist account',
			type: 'mistApi',
			data: { apiToken: sim.token, cloud: 'custom', customUrl: sim.url, orgId: sim.orgId },
		},
		{
			id: 'demoDashboardAuth',
			name: 'Dashboard login',
			type: 'httpBasicAuth',
			data: { user: LOGIN.username, password: LOGIN.password },
		},
		sharedMemoryPlaceholder(),
	];
}

const elapsed = (started: number) => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const suite = chromiumAvailable('the dashboard browser tests') ? describe : describe.skip;

const ATTACK = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>`;

/** A page whose site, AP and client names are HTML: the browser must show them as text. */
function hostilePage(): string {
	const site = '978c48e6-6ef6-11e6-8bbf-02e208b2d34f';
	const input = emptyDashboardInput();
	for (const json of [
		{ id: site, name: `HQ ${ATTACK}`, org_id: 'o' },
		{ site_id: site, coverage: 0.5, capacity: 0.99 },
		{
			mac: '5c5b35000001',
			name: `AP ${ATTACK}`,
			type: 'ap',
			status: 'connected',
			site_id: site,
			x: 100,
			y: 100,
		},
		{
			mac: '001122000001',
			hostname: `laptop ${ATTACK}`,
			site_id: site,
			ap_mac: '5c5b35000001',
			x: 200,
			y: 150,
		},
		{ error: `upstream ${ATTACK}` },
	]) {
		addDashboardItem(input, json);
	}
	return renderDashboardHtml(
		buildDashboard(input, { title: `Title ${ATTACK}`, now: Date.now(), sleThreshold: 90 }),
	);
}

suite('dashboard page in Chromium, without n8n', () => {
	let browser: Browser;

	beforeAll(async () => {
		browser = await launchChromium();
	});

	afterAll(async () => {
		await closeQuietly(browser);
	});

	it('shows HTML in Mist names as text: nothing injected runs', async () => {
		const page = await browser.newPage();
		const recorder = recordPage(page);
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs++;
			void dialog.dismiss();
		});
		await page.setContent(hostilePage(), { waitUntil: 'load' });
		await page.waitForSelector('html[data-ready="true"]');

		expect(
			await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned),
		).toBeUndefined();
		expect(await page.locator('img').count()).toBe(0);
		expect(await page.locator('script').count()).toBe(1);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`Title ${ATTACK}`);
		expect(await page.locator('button.site').first().textContent()).toBe(`HQ ${ATTACK}`);
		await page.locator('g.ap circle').hover();
		expect(await page.locator('#tooltip').textContent()).toContain(`AP ${ATTACK}`);
		expect(await page.getByRole('alert').textContent()).toContain(`upstream ${ATTACK}`);
		expect(dialogs).toBe(0);
		expect(recorder.pageErrors).toEqual([]);
		expect(recorder.consoleErrors).toEqual([]);
		// An injected <img src=x> would have fetched "x"; only the page itself (about:blank) loaded.
		expect(
			recorder.requests.filter((url) => !url.startsWith('about:') && !url.startsWith('data:')),
		).toEqual([]);
		await page.close();
	});
});

suite.each(selectedVersions().map((spec) => spec.version))(
	'network-health dashboard in n8n %s',
	(version) => {
		let sim: RunningSimulator;
		let n8n: N8nInstance;
		let running: RunningN8n;
		let browser: Browser;
		let context: BrowserContext;
		let page: Page;
		let recorder: PageRecorder;
		let dashboardUrl: string;

		beforeAll(async () => {
			const started = Date.now();
			sim = await startSimulator({ port: 0, scenario: 'demo' });
			n8n = await prepareN8n({ version, label: 'dashboard' });
			await n8n.importCredentials(credentials(sim));
			await n8n.importWorkflow(WORKFLOW_FILE);
			running = await n8n.start();
			await running.activateWorkflow(WORKFLOW_ID);
			dashboardUrl = `${running.url}/webhook/mist-dashboard`;
			browser = await launchChromium();
			process.stderr.write(
				`[e2e] n8n ${version}: dashboard ready in ${elapsed(started)} (n8n start ${running.startupMs} ms)\n`,
			);
		});

		afterAll(async () => {
			await closeQuietly(context, browser);
			await n8n?.dispose();
			await sim?.close();
		});

		it('answers 401 without credentials, to plain HTTP and to the browser', async () => {
			const plain = await fetch(dashboardUrl);
			expect(plain.status).toBe(401);
			expect(await plain.text()).not.toContain('<!DOCTYPE html>');
			const wrong = await fetch(dashboardUrl, {
				headers: { authorization: `Basic ${Buffer.from('dashboard:wrong').toString('base64')}` },
			});
			expect([401, 403]).toContain(wrong.status);

			const anonymous = await browser.newContext();
			try {
				// Chromium answers n8n's Basic Auth challenge with nothing to offer: the navigation is refused.
				await expect((await anonymous.newPage()).goto(dashboardUrl)).rejects.toThrow(
					'ERR_INVALID_AUTH_CREDENTIALS',
				);
				expect((await anonymous.request.get(dashboardUrl)).status()).toBe(401);
			} finally {
				await anonymous.close();
			}
		});

		it('renders the demo org: degraded HQ and Warehouse, healthy Branch-Control, the offline AP, no errors, loopback only', async () => {
			const started = Date.now();
			await simulatorControl.clearCalls(sim);
			context = await browser.newContext({
				httpCredentials: { ...LOGIN, send: 'always' },
				viewport: { width: 1400, height: 1000 },
			});
			page = await context.newPage();
			recorder = recordPage(page);
			const response = await page.goto(dashboardUrl, { waitUntil: 'load', timeout: 180_000 });
			expect(response?.status()).toBe(200);
			expect(response?.headers()['content-type']).toMatch(/^text\/html/);
			await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
			process.stderr.write(`[e2e] n8n ${version}: dashboard page loaded in ${elapsed(started)}\n`);

			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
				'Demo Corp Wi-Fi health',
			);
			for (const heading of [
				'Org health at a glance',
				'Open incidents',
				'SLE per site',
				'Site view',
				'Trends',
				'Worst clients',
				'Recent remediation',
			]) {
				expect(await page.getByRole('heading', { name: heading, level: 2 }).count()).toBe(1);
			}
			// The org's worst clients (Worst Clients reads what the sweeps measured), each with its time.
			const worstClients = await page.locator('tr[data-worst-client]').allTextContents();
			expect(worstClients.length).toBeGreaterThan(0);
			for (const row of worstClients) expect(row).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
			const statusOf = (site: string) =>
				page.locator(`tr[data-site-row="${site}"]`).getAttribute('data-status');
			expect(await statusOf('HQ')).toBe('degraded');
			expect(await statusOf('Warehouse')).toBe('degraded');
			expect(await statusOf('Branch-Control')).toBe('healthy');

			const incidents = await page
				.locator('section[aria-labelledby="h-incidents"] tbody tr')
				.allTextContents();
			expect(incidents.length).toBeGreaterThan(3);
			expect(
				incidents.some((row) => row.includes('Warehouse') && row.includes('Warehouse-AP-05')),
			).toBe(true);
			expect(incidents.some((row) => row.includes('HQ'))).toBe(true);
			expect(incidents.some((row) => row.includes('Branch-Control'))).toBe(false);

			// The site view: Warehouse shows its AP map with the offline AP in red.
			await page.locator('button.site', { hasText: 'Warehouse' }).click();
			const map = page.locator('.site-map[data-site="Warehouse"]');
			await map.waitFor({ state: 'visible' });
			expect(await page.locator('.site-map:visible').count()).toBe(1);
			expect(await map.locator('g.ap').count()).toBe(8);
			expect(await map.locator('g.ap[data-ap="Warehouse-AP-05"]').getAttribute('data-health')).toBe(
				'red',
			);
			expect(await map.locator('g.ap[data-health="green"]').count()).toBeGreaterThan(0);
			await map.locator('g.ap[data-ap="Warehouse-AP-05"] circle').hover();
			await expect(page.locator('#tooltip').textContent()).resolves.toContain('Warehouse-AP-05');

			await page.locator('button.site', { hasText: 'Branch-Control' }).click();
			const control = page.locator('.site-map[data-site="Branch-Control"]');
			await control.waitFor({ state: 'visible' });
			expect(await control.locator('g.ap[data-health="red"]').count()).toBe(0);
			expect(await control.locator('g.ap').count()).toBeGreaterThan(0);

			// Clients are read for one site only: the worst-coverage site unless ?site= picks one.
			expect(await page.locator('.site-map circle.client').count()).toBeGreaterThan(0);

			await page.locator('button.site', { hasText: 'Warehouse' }).click();
			const file = await screenshot(page, `dashboard-${version}`);
			process.stderr.write(`[e2e] n8n ${version}: screenshot ${file}\n`);

			expect(recorder.pageErrors).toEqual([]);
			expect(recorder.consoleErrors).toEqual([]);
			expect(recorder.nonLoopbackRequests()).toEqual([]);
			const html = await page.content();
			expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);

			const calls = (await simulatorControl.calls(sim)).filter((call) =>
				call.path.startsWith('/api/v1/'),
			);
			process.stderr.write(
				`[e2e] n8n ${version}: one dashboard view cost ${calls.length} Mist calls\n`,
			);
			expect(calls.length).toBeLessThanOrEqual(30);
		});

		it('shows the clients of the site named in ?site=, and a bad ?site= as a data error instead of a failure', async () => {
			const branch = sim.world.sites.find((site) => site.name === 'Branch-Control');
			await page.goto(`${dashboardUrl}?site=${branch?.id}`, { timeout: 180_000 });
			await page.waitForSelector('html[data-ready="true"]');
			await page.locator('button.site', { hasText: 'Branch-Control' }).click();
			expect(
				await page.locator('.site-map[data-site="Branch-Control"] circle.client').count(),
			).toBeGreaterThan(0);
			expect(await page.locator('.site-map[data-site="Warehouse"] circle.client').count()).toBe(0);

			await page.goto(`${dashboardUrl}?site=${encodeURIComponent('<script>x</script>')}`, {
				timeout: 180_000,
			});
			await page.waitForSelector('html[data-ready="true"]');
			await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid Site');
			expect(await page.locator('tr[data-site-row="HQ"]').getAttribute('data-status')).toBe(
				'degraded',
			);
			expect(recorder.pageErrors).toEqual([]);
			expect(recorder.nonLoopbackRequests()).toEqual([]);
		});
	},
);
