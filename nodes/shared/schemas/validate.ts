import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';
import type { z } from 'zod';

/** Dotted path of a zod issue, e.g. `results[3].rssi`. */
export function issuePath(path: Array<string | number>): string {
	return path.reduce<string>(
		(out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
		'',
	);
}

/**
 * Validates the fields diagnosis relies on; unknown fields pass through untouched.
 * A broken shape names the first failing path so the user can see what Mist changed.
 */
export function parseMistShape<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	data: unknown,
	what: string,
	itemIndex?: number,
): z.infer<S> {
	const result = schema.safeParse(data);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	const at = issuePath(issue.path) || '(root)';
	const more =
		result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
	throw new NodeOperationError(
		node,
		`Unexpected shape in Mist ${what} at "${at}": ${issue.message}${more}`,
		{
			description:
				'The Mist API answered with a shape this node does not understand. The API may have changed, or the endpoint differs on this cloud.',
			itemIndex,
		},
	);
}
