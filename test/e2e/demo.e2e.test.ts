/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * `npm run demo` as a new user meets it: it reaches "ready" only after the first sweeps ran in the
 * n8n server, prints no error and no test-harness wording, prints every address with a login that
 * works (the dashboard showing the incidents, the dry-run remediation audit and the SLE trend the
 * first sweeps left in the shared memory), the alert sink is a readable page, the first sweeps send one alert digest per channel with
 * human titles, and Ctrl-C (SIGTERM here) leaves nothing running.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { REPO_ROOT } from '../../scripts/e2e/config';
import { freePort } from '../../scripts/e2e/ports';
import { delay, spawnGroup } from '../../scripts/e2e/processes';
import type { GroupProcess } from '../../scripts/e2e/processes';

interface SinkMessage {
	channel: string;
	path?: string;
	body?: { text?: string };
	email?: { subject?: string };
}

const READY = 'demo is ready.';
let demo: GroupProcess;
let output: string;
let logFile: string;
let port: number;

async function waitForOutput(text: string, timeoutMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let exitCode: number | null | undefined;
	void demo.exited.then((code) => (exitCode = code));
	for (;;) {
		const log = fs.readFileSync(logFile, 'utf8');
		if (log.includes(text)) return log;
		if (exitCode !== undefined)
			throw new Error(`the demo exited with ${exitCode} before "${text}":\n${log}`);
		if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${log}`);
		await delay(500);
	}
}

beforeAll(async () => {
	port = await freePort();
	logFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'demo-e2e-')), 'demo.log');
	demo = spawnGroup({
		command: process.execPath,
		args: [path.join(REPO_ROOT, 'build', 'scripts', 'demo.js'), '--port', String(port)],
		cwd: REPO_ROOT,
		env: { ...process.env, NODE_ENV: '' },
		stdoutFile: logFile,
		stderrFile: logFile,
	});
	output = await waitForOutput(READY, 6 * 60_000);
	// The banner is the last thing printed: wait for its closing line.
	output = await waitForOutput('Ctrl-C stops everything.', 10_000);
});

afterAll(async () => {
	await demo?.stop();
});

it('reaches ready after the sweeps ran in the server, with no error lines and no test wording', () => {
	const lines = output.split('\n');
	const readyAt = lines.findIndex((line) => line.includes(READY));
	expect(
		lines.slice(0, readyAt).filter((line) => /ran "Mist: client triage sweep/.test(line)),
	).toHaveLength(1);
	expect(lines.filter((line) => /error|fail|warn|\[e2e|e2e-owner|stack/i.test(line))).toEqual([]);
});

it('prints every address a user needs, and the printed login opens the editor', async () => {
	const url = `http://127.0.0.1:${port}`;
	for (const address of [
		url,
		'http://127.0.0.1:8099/messages',
		`${url}/webhook/mist-dashboard`,
		`${url}/webhook/mist-troubleshoot`,
		`${url}/form/`,
		'/webhook/6c1f3b52-8d7e-4a90-b2c4-1e5f7a9d3c20/webhook',
		'http://127.0.0.1:8090/api/v1',
	]) {
		expect(output).toContain(address);
	}
	const [, email, password] = output.match(/login (\S+@\S+) \/ (\S+)/) ?? [];
	const login = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: email, password }),
	});
	expect(login.status).toBe(200);
	const [, user, secret] = output.match(/Dashboard login\s+(\S+) \/ (\S+)/) ?? [];
	const dashboard = await fetch(`${url}/webhook/mist-dashboard`, {
		headers: { authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}` },
	});
	expect(dashboard.status).toBe(200);
	const html = await dashboard.text();
	expect(html).toContain('HQ');
	// Incidents, the remediation audit and the trend come from the shared memory the sweeps wrote.
	const section = (id: string) => {
		const start = html.indexOf(`aria-labelledby="${id}"`);
		expect(start).toBeGreaterThan(0);
		return html.slice(start, html.indexOf('</section>', start));
	};
	expect(section('h-incidents')).toContain('<tbody><tr');
	expect(section('h-remediation')).toContain('<tbody><tr');
	expect(section('h-remediation')).toContain('dry-run');
	expect(section('h-trends')).not.toContain('No SLE data yet.');
});

it('shows the alerts as a page, and the first sweeps sent one digest per channel with human titles', async () => {
	const page = await fetch('http://127.0.0.1:8099/messages', { headers: { accept: 'text/html' } });
	expect(page.headers.get('content-type')).toMatch(/text\/html/);
	expect(await page.text()).toContain('First run');

	const messages = (await (await fetch('http://127.0.0.1:8099/messages')).json()) as SinkMessage[];
	const alertChats = messages.filter((message) => message.path === '/slack/demo');
	const alertMails = messages.filter(
		(message) =>
			message.channel === 'email' && /FIRING|ESCALATED|PAGE/.test(String(message.email?.subject)),
	);
	// Two sweeps (client triage, AP health and RF), each with its own Mist Alert: one digest each.
	expect(alertChats).toHaveLength(2);
	expect(alertMails.length).toBeLessThanOrEqual(2);
	const titles = [
		...alertChats.map((message) => String(message.body?.text)),
		...alertMails.map((message) => String(message.email?.subject)),
	];
	for (const title of titles) {
		expect(title).toMatch(/First run: \d+ incidents/);
		expect(title).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
	}
});

it('stops everything on Ctrl-C', async () => {
	await demo.stop(30_000);
	const stillAnswering = await fetch(`http://127.0.0.1:${port}/healthz`).then(
		() => true,
		() => false,
	);
	expect(stillAnswering).toBe(false);
	expect(fs.readFileSync(logFile, 'utf8')).toContain('Stopping n8n and the simulators');
});
