import type { Finding } from './types';
import { findingScopeShape, findingShape } from './types';

/**
 * Validates findings that come back in as input items (e.g. to the Remediate or alerting nodes).
 * Keys it does not know (added by a workflow, or by a newer version) are kept, not refused.
 */
export const findingSchema = findingShape
	.extend({
		scope: findingScopeShape.passthrough(),
		followUp: findingShape.shape.followUp.default([]),
	})
	.passthrough();

export function isFinding(value: unknown): value is Finding {
	return findingSchema.safeParse(value).success;
}

/** Returns the finding, or a message naming the first bad field (for a clear node error). */
export function parseFinding(value: unknown): { finding: Finding } | { error: string } {
	const result = findingSchema.safeParse(value);
	if (result.success) return { finding: result.data };
	const issue = result.error.issues[0];
	const path = issue.path.join('.') || '(root)';
	return { error: `Not a Mist finding: "${path}" ${issue.message}` };
}
