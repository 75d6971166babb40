import type { IExecuteFunctions } from 'n8n-workflow';

/** A warning shown on the node's output pane (an n8n without execution hints shows none). */
export function warnInOutputPane(
	ctx: Pick<IExecuteFunctions, 'addExecutionHints'>,
	message: string,
): void {
	ctx.addExecutionHints?.({ message, type: 'warning', location: 'outputPane' });
}
