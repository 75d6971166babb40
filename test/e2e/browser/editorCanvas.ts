/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Reading the n8n editor canvas (the Vue Flow canvas of n8n 2.x) from the DOM.
 */
import fs from 'node:fs';
import path from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOT_DIR } from './chromium';

/** A node type no package provides: the canary the unknown-node check must flag. */
export const CANARY_TYPE = 'n8n-nodes-juniper-mist.noSuchNodeCanary';

export interface CanvasNode {
	name: string;
	type: string;
	/** n8n marks a node whose type is not installed with this status (2.8.4 and 2.41.1). */
	notInstalled: boolean;
	/** The "?" icon placeholder n8n draws when it has no icon for the type. */
	iconPlaceholder: boolean;
	unknown: boolean;
}

export async function waitForCanvas(page: Page): Promise<void> {
	await page.waitForSelector('[data-test-id="canvas-node"]', { timeout: 90_000 });
	// Node icons load after the nodes; give the canvas a moment to settle on its final state.
	await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);
	if (process.env.E2E_DUMP_CANVAS) {
		fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
		fs.writeFileSync(path.join(SCREENSHOT_DIR, `canvas-${Date.now()}.html`), await page.content());
	}
}

export async function canvasNodes(page: Page): Promise<CanvasNode[]> {
	const nodes = await page.$$eval('[data-test-id="canvas-node"]', (elements) =>
		elements.map((element) => ({
			name: element.getAttribute('data-node-name') ?? '',
			type: element.getAttribute('data-node-type') ?? '',
			notInstalled: element.querySelector('[data-test-id="node-not-installed"]') !== null,
			iconPlaceholder: [...element.querySelectorAll('[class*="nodeIconPlaceholder"]')].some((icon) => icon.textContent?.trim() === '?'),
		})),
	);
	return nodes.map((node) => ({ ...node, unknown: node.notInstalled || node.iconPlaceholder }));
}
