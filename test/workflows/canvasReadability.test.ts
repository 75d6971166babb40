/**
 * The readability rules the editor suite applies to each shipped workflow at fit-to-view
 * (test/e2e/editor.e2e.test.ts), on made-up layouts: each rule reports what breaks it.
 */
import { READABLE, readabilityProblems } from '../e2e/browser/editorCanvas';
import type { Box, CanvasLayout } from '../e2e/browser/editorCanvas';

const box = (left: number, top: number, width: number, height: number): Box => ({
	left,
	top,
	right: left + width,
	bottom: top + height,
});

/** Two nodes side by side and a note below them, on a 1000 × 600 canvas, at zoom 0.8. */
function layout(): CanvasLayout {
	return {
		zoom: 0.8,
		pane: box(0, 0, 1000, 600),
		nodes: [
			{ name: 'A', boxes: [box(100, 100, 80, 80), box(95, 185, 90, 15)], labelPx: 12.8 },
			{ name: 'B', boxes: [box(300, 100, 80, 80), box(295, 185, 90, 15)], labelPx: 12.8 },
		],
		notes: [
			{
				name: 'Note',
				box: box(100, 300, 400, 150),
				textBox: box(110, 310, 380, 100),
				bodyPx: 11.2,
			},
		],
		overlays: [{ name: 'execute button', box: box(400, 540, 200, 40) }],
	};
}

it('finds nothing wrong with a readable layout', () => {
	expect(readabilityProblems(layout())).toEqual([]);
});

it.each([
	[
		'small labels',
		(view: CanvasLayout) => Object.assign(view.nodes[0], { labelPx: READABLE.labelPx - 0.1 }),
		'node "A": label 9.9 px < 10 px',
	],
	[
		'small note text',
		(view: CanvasLayout) => Object.assign(view.notes[0], { bodyPx: READABLE.noteTextPx - 0.5 }),
		'note "Note": text 8.5 px < 9 px',
	],
	[
		'a node without a label',
		(view: CanvasLayout) => Object.assign(view.nodes[1], { labelPx: undefined }),
		'node "B": no label found',
	],
	[
		'a note without body text',
		(view: CanvasLayout) => Object.assign(view.notes[0], { bodyPx: undefined }),
		'note "Note": no body text found',
	],
	[
		'a label on another node',
		(view: CanvasLayout) => view.nodes[1].boxes.push(box(170, 190, 60, 15)),
		'nodes "A" and "B" overlap',
	],
	[
		"a node on a note's text",
		(view: CanvasLayout) => (view.nodes[1].boxes[0] = box(300, 380, 80, 80)),
		'node "B" lies on the text of note "Note"',
	],
	[
		'text running out of its note',
		(view: CanvasLayout) => Object.assign(view.notes[0], { textBox: box(110, 310, 380, 160) }),
		'note "Note": text cut off by the note\'s edge',
	],
	[
		'a node under a floating button',
		(view: CanvasLayout) => (view.nodes[0].boxes[0] = box(450, 500, 80, 80)),
		'node "A" is hidden under execute button',
	],
	[
		'a node outside the canvas',
		(view: CanvasLayout) => (view.nodes[0].boxes[0] = box(950, 100, 80, 80)),
		'node "A": outside the visible canvas',
	],
	['no zoom read', (view: CanvasLayout) => (view.zoom = Number.NaN), 'no canvas zoom found (NaN)'],
])('reports %s', (_what, change, problem) => {
	const view = layout();
	change(view);
	expect(readabilityProblems(view)).toContain(problem);
});
