/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Where the harness reports progress. Tests see lines prefixed "[e2e]"; the demo, which uses the
 * same harness for a user, sets its own prefix so no test wording reaches the user.
 */
let prefix = '[e2e] ';

export function setLogPrefix(next: string): void {
	prefix = next;
}

export function harnessLog(message: string): void {
	process.stderr.write(`${prefix}${message}\n`);
}
