/**
 * Reads what `n8n execute --id` prints: log lines, then the run as pretty JSON starting at the
 * first line that begins with `{`. Exit code 0 means the workflow succeeded.
 */

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string; [key: string]: unknown };
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	[key: string]: unknown;
}

export interface ExecutionRun {
	data: {
		resultData: {
			runData: Record<string, NodeRun[]>;
			error?: { message?: string; [key: string]: unknown };
			lastNodeExecuted?: string;
		};
	};
	status?: string;
	finished?: boolean;
	[key: string]: unknown;
}

export interface ExecuteResult {
	ok: boolean;
	exitCode: number | null;
	/** The parsed run; undefined when n8n printed no JSON (e.g. the workflow id does not exist). */
	run?: ExecutionRun;
	/** stdout before the JSON: n8n's messages, useful in failure output. */
	messages: string;
	durationMs: number;
	logFile: string;
	/** Peak resident memory of the n8n process in kB, when the caller asked for it to be sampled. */
	peakRssKb?: number;
	/** The `json` of every item a node emitted on one output (run 0 unless given). */
	items(nodeName: string, outputIndex?: number, runIndex?: number): Array<Record<string, unknown>>;
	/** The first error message of the run, if any. */
	errorMessage(): string | undefined;
}

function parseJsonTail(stdout: string): { messages: string; run?: ExecutionRun } {
	const lines = stdout.split('\n');
	const start = lines.findIndex((line) => line.startsWith('{'));
	if (start < 0) return { messages: stdout };
	// The run is pretty-printed, so it ends at the last line that is a lone `}` in column 0;
	// anything n8n logs after it (shutdown lines) is not part of it.
	let end = lines.length - 1;
	while (end > start && lines[end].trimEnd() !== '}') end--;
	const messages = lines.slice(0, start).join('\n');
	if (end <= start) return { messages: stdout };
	try {
		return { messages, run: JSON.parse(lines.slice(start, end + 1).join('\n')) as ExecutionRun };
	} catch {
		return { messages: stdout };
	}
}

export function parseExecuteOutput(
	stdout: string,
	exitCode: number | null,
	durationMs: number,
	logFile: string,
): ExecuteResult {
	const { messages, run } = parseJsonTail(stdout);
	const runData = run?.data?.resultData?.runData ?? {};
	return {
		ok: exitCode === 0 && run !== undefined,
		exitCode,
		run,
		messages,
		durationMs,
		logFile,
		items(nodeName, outputIndex = 0, runIndex = 0) {
			const runs = runData[nodeName];
			if (!runs) {
				throw new Error(
					`Node "${nodeName}" did not run (ran: ${Object.keys(runData).join(', ') || 'nothing'})`,
				);
			}
			const output = runs[runIndex]?.data?.main?.[outputIndex] ?? [];
			return output.map((item) => item.json);
		},
		errorMessage() {
			const topLevel = run?.data?.resultData?.error?.message;
			if (topLevel) return topLevel;
			for (const runs of Object.values(runData)) {
				for (const nodeRun of runs) if (nodeRun.error?.message) return nodeRun.error.message;
			}
			return exitCode === 0 ? undefined : messages.trim().split('\n').pop();
		},
	};
}
