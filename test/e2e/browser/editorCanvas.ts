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
	/** Whether the node shows icon images and each one loaded: an icon file n8n cannot serve is a broken image. */
	iconLoaded: boolean;
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
			iconPlaceholder: [...element.querySelectorAll('[class*="nodeIconPlaceholder"]')].some(
				(icon) => icon.textContent?.trim() === '?',
			),
			iconLoaded:
				[...element.querySelectorAll('img')].every(
					(image) => image.complete && image.naturalWidth > 0,
				) && element.querySelector('img') !== null,
		})),
	);
	return nodes.map((node) => ({ ...node, unknown: node.notInstalled || node.iconPlaceholder }));
}

/** A rectangle on the screen, in CSS pixels. */
export interface Box {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

export interface CanvasLayout {
	/** The canvas scale the editor chose (the Vue Flow viewport transform). */
	zoom: number;
	/** The visible canvas. */
	pane: Box;
	/** Each node but sticky notes: its box and the text of its label and subtitle, and the label's font size on screen. */
	nodes: Array<{ name: string; boxes: Box[]; labelPx?: number }>;
	/** Each sticky note: its box, the box of its text, and the smallest body text (paragraphs, list items) on screen. */
	notes: Array<{ name: string; box: Box; textBox?: Box; bodyPx?: number }>;
	/** The editor's floating buttons over the canvas: zoom controls, execute button, side toolbar. */
	overlays: Array<{ name: string; box: Box }>;
}

/** Floating controls that hide whatever canvas lies under them (n8n 2.8.4 and 2.41.1). */
const OVERLAYS = [
	'[data-test-id="canvas-controls"]',
	'[class*="_executionButtons_"]',
	'[data-test-id="node-creator-plus-button"]',
	'[data-test-id="command-bar-button"]',
	'[data-test-id="add-sticky-button"]',
	'[data-test-id="toggle-focus-panel-button"]',
	'[data-test-id="instance-ai-canvas-action-button"]',
];

type Rect = Box & { width: number; height: number };

/** What the page function uses of the browser (this project compiles without the DOM library). */
interface PageElement {
	getAttribute(name: string): string | null;
	querySelector(selector: string): PageElement | null;
	querySelectorAll(selector: string): ArrayLike<PageElement>;
	closest(selector: string): PageElement | null;
	matches(selector: string): boolean;
	getBoundingClientRect(): Rect;
}
interface PageGlobals {
	document: PageElement & {
		createRange(): {
			selectNodeContents(element: PageElement): void;
			getBoundingClientRect(): Rect;
		};
	};
	getComputedStyle(element: PageElement): { transform: string; fontSize: string };
	DOMMatrix: new (transform: string) => { a: number };
}

/** Runs in the page: sizes and boxes of what the canvas shows now. */
function readLayout(overlaySelectors: string[]): CanvasLayout {
	const { document, getComputedStyle, DOMMatrix } = globalThis as unknown as PageGlobals;
	const all = (root: PageElement | null | undefined, selector: string) =>
		Array.from(root?.querySelectorAll(selector) ?? []);
	const pane = document.querySelector('.vue-flow__transformationpane');
	const zoom = pane ? new DOMMatrix(getComputedStyle(pane).transform).a : Number.NaN;
	const onScreenPx = (element: PageElement) =>
		Math.round(parseFloat(getComputedStyle(element).fontSize) * zoom * 10) / 10;
	const boxOf = (element: PageElement | null) => (element ? [element.getBoundingClientRect()] : []);
	// The words themselves as shown: a label's element is wider than its text, a long subtitle is cut.
	const textOf = (element: PageElement): Rect => {
		const range = document.createRange();
		range.selectNodeContents(element);
		const [text, shown] = [range.getBoundingClientRect(), element.getBoundingClientRect()];
		const [left, right] = [Math.max(text.left, shown.left), Math.min(text.right, shown.right)];
		const [top, bottom] = [Math.max(text.top, shown.top), Math.min(text.bottom, shown.bottom)];
		return {
			left,
			right,
			top,
			bottom,
			width: Math.max(0, right - left),
			height: Math.max(0, bottom - top),
		};
	};
	const union = (rects: Rect[]): Box | undefined => {
		const shown = rects.filter((rect) => rect.width > 0 && rect.height > 0);
		if (!shown.length) return undefined;
		return {
			left: Math.min(...shown.map((rect) => rect.left)),
			top: Math.min(...shown.map((rect) => rect.top)),
			right: Math.max(...shown.map((rect) => rect.right)),
			bottom: Math.max(...shown.map((rect) => rect.bottom)),
		};
	};
	const nothing: Box = { left: 0, top: 0, right: 0, bottom: 0 };
	const nodes = all(document, '[data-test-id="canvas-node"]').map((element) => {
		const description = element.querySelector('[class*="_description_"]');
		const label = description?.querySelector('[class*="_label_"]');
		return {
			name: element.getAttribute('data-node-name') ?? '',
			boxes: [...boxOf(element), ...all(description, '*').map(textOf)].filter(
				(rect) => rect.width > 0 && rect.height > 0,
			),
			labelPx: label ? onScreenPx(label) : undefined,
		};
	});
	const notes = all(document, '[data-test-id="sticky"]').map((element) => {
		// The rendered text; the textarea next to it (for editing) is hidden.
		const text = all(
			element.querySelector('[class*="_wrapper_"]'),
			'p, li, h1, h2, h3, h4, h5, h6',
		);
		const body = text.filter((entry) => entry.matches('p, li'));
		return {
			name: element.closest('[data-node-name]')?.getAttribute('data-node-name') ?? '',
			box: union(boxOf(element)) ?? nothing,
			textBox: union(text.map(textOf)),
			bodyPx: body.length ? Math.min(...body.map(onScreenPx)) : undefined,
		};
	});
	const overlays = overlaySelectors.flatMap((selector) => {
		const box = union(boxOf(document.querySelector(selector)));
		return box ? [{ name: selector, box }] : [];
	});
	return {
		zoom,
		pane: union(boxOf(document.querySelector('.vue-flow'))) ?? nothing,
		nodes,
		notes,
		overlays,
	};
}

export async function canvasLayout(page: Page): Promise<CanvasLayout> {
	return await page.evaluate(readLayout, OVERLAYS);
}

/** Smallest sizes on screen that read comfortably (n8n draws labels at 16 px and note text at 14 px at zoom 1). */
export const READABLE = { labelPx: 10, noteTextPx: 9 };

const intersects = (a: Box, b: Box) =>
	a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const inside = (a: Box, b: Box) =>
	a.left >= b.left - 1 && a.right <= b.right + 1 && a.top >= b.top - 1 && a.bottom <= b.bottom + 1;
const meet = (a: Box[], b: Box[]) => a.some((one) => b.some((other) => intersects(one, other)));

/** What keeps the canvas from being read as it is shown: each problem in a sentence (none when readable). */
export function readabilityProblems(layout: CanvasLayout): string[] {
	const problems: string[] = [];
	if (!(layout.zoom > 0)) problems.push(`no canvas zoom found (${layout.zoom})`);
	for (const node of layout.nodes) {
		if (node.labelPx === undefined) problems.push(`node "${node.name}": no label found`);
		else if (node.labelPx < READABLE.labelPx)
			problems.push(`node "${node.name}": label ${node.labelPx} px < ${READABLE.labelPx} px`);
		if (!node.boxes.every((box) => inside(box, layout.pane)))
			problems.push(`node "${node.name}": outside the visible canvas`);
	}
	for (const note of layout.notes) {
		if (note.bodyPx === undefined || !note.textBox)
			problems.push(`note "${note.name}": no body text found`);
		else if (note.bodyPx < READABLE.noteTextPx)
			problems.push(`note "${note.name}": text ${note.bodyPx} px < ${READABLE.noteTextPx} px`);
		if (note.textBox && !inside(note.textBox, note.box))
			problems.push(`note "${note.name}": text cut off by the note's edge`);
		if (!inside(note.box, layout.pane))
			problems.push(`note "${note.name}": outside the visible canvas`);
	}
	layout.nodes.forEach((a, index) => {
		for (const b of layout.nodes.slice(index + 1))
			if (meet(a.boxes, b.boxes)) problems.push(`nodes "${a.name}" and "${b.name}" overlap`);
	});
	for (const note of layout.notes) {
		for (const node of layout.nodes) {
			if (note.textBox && meet([note.textBox], node.boxes))
				problems.push(`node "${node.name}" lies on the text of note "${note.name}"`);
		}
	}
	const shown = [
		...layout.nodes.map((node) => ({ what: `node "${node.name}"`, boxes: node.boxes })),
		...layout.notes.flatMap((note) =>
			note.textBox ? [{ what: `text of note "${note.name}"`, boxes: [note.textBox] }] : [],
		),
	];
	for (const overlay of layout.overlays) {
		for (const entry of shown)
			if (meet(entry.boxes, [overlay.box]))
				problems.push(`${entry.what} is hidden under ${overlay.name}`);
	}
	return problems;
}
