/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Headless Chromium for the browser e2e tests: Debian's /usr/bin/chromium driven by playwright-core
 * (never a downloaded browser). Flags keep Chromium off the network: this machine's network is
 * closed, and background fetches would show up as failed requests and slow starts.
 */
import fs from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, ConsoleMessage, Page, Request } from 'playwright-core';

import { REPO_ROOT } from '../../../scripts/e2e/config';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where screenshots go (gitignored test-output/). */
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-output', 'screenshots');

const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/**
 * True when the browser tests can run. In CI a missing Chromium is a failure (thrown here); locally
 * the suites skip with a loud message saying how to install it.
 */
export function chromiumAvailable(suite: string): boolean {
	if (fs.existsSync(CHROMIUM_PATH)) return true;
	const how = `${CHROMIUM_PATH} is missing: install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH)`;
	if (process.env.CI) throw new Error(`${suite} needs Chromium. ${how}`);
	process.stderr.write(`\n[e2e] !!! SKIPPING ${suite}: ${how}. CI fails instead of skipping.\n\n`);
	return false;
}

/** Playwright gives every launch a new, empty temporary user-data-dir and removes it on close. */
export async function launchChromium(): Promise<Browser> {
	return await chromium.launch({
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: CHROMIUM_ARGS,
		timeout: 60_000,
	});
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** What a page did that a test asserts on: console errors, uncaught exceptions and every request URL. */
export interface PageRecorder {
	consoleErrors: string[];
	pageErrors: string[];
	requests: string[];
	/** Requests that left loopback (data: and about: URLs never do). */
	nonLoopbackRequests(): string[];
}

export function recordPage(page: Page): PageRecorder {
	const recorder: PageRecorder = {
		consoleErrors: [],
		pageErrors: [],
		requests: [],
		nonLoopbackRequests: () =>
			recorder.requests.filter((url) => {
				if (url.startsWith('data:') || url.startsWith('about:') || url.startsWith('blob:'))
					return false;
				try {
					return (
						!LOOPBACK_HOSTS.has(new URL(url).hostname) &&
						!LOOPBACK_HOSTS.has(`[${new URL(url).hostname}]`)
					);
				} catch {
					return true;
				}
			}),
	};
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() === 'error') recorder.consoleErrors.push(message.text());
	});
	page.on('pageerror', (error: Error) => recorder.pageErrors.push(error.message));
	page.on('request', (request: Request) => recorder.requests.push(request.url()));
	return recorder;
}

export async function screenshot(page: Page, name: string): Promise<string> {
	fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
	const file = path.join(SCREENSHOT_DIR, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

export async function closeQuietly(
	...targets: Array<Browser | BrowserContext | undefined>
): Promise<void> {
	for (const target of targets) {
		try {
			await target?.close();
		} catch {
			// Already closed (e.g. the browser crashed): nothing left to release.
		}
	}
}
