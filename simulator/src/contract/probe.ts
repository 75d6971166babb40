/**
 * Calls a running Mist API (the simulator, normally) and validates every answer against the spec.
 * Used by the contract tests; also handy from a script against `npm run simulator`.
 */
import type { ContractResult, MistContract } from './validator';

export interface ProbeResult {
	method: string;
	path: string;
	status: number;
	headers: Record<string, string>;
	body: unknown;
	contract: ContractResult;
	/** Query parameters the spec does not declare for the operation, or with invalid values. */
	queryViolations: string[];
}

export class ContractProbe {
	private readonly log: ProbeResult[] = [];

	constructor(
		private readonly contract: MistContract,
		private readonly baseUrl: string,
		private readonly token: string,
	) {}

	/** `path` is relative to the base URL and starts with /api/v1 (a search `next` link can be passed as is). */
	async call(
		method: string,
		path: string,
		body?: unknown,
		token = this.token,
	): Promise<ProbeResult> {
		const response = await fetch(`${this.baseUrl}${path}`, {
			method,
			headers: {
				Authorization: `Token ${token}`,
				...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		const parsed = parseBody(text);
		const result: ProbeResult = {
			method,
			path,
			status: response.status,
			headers: Object.fromEntries(response.headers.entries()),
			body: parsed,
			contract: this.contract.validateResponse(method, path, parsed, response.status),
			queryViolations: this.contract.validateQuery(method, path),
		};
		this.log.push(result);
		return result;
	}

	results(): ProbeResult[] {
		return [...this.log];
	}

	/** Every violation seen so far, one line each. */
	violations(): string[] {
		return this.log.flatMap((result) => [...result.queryViolations, ...result.contract.violations]);
	}
}

function parseBody(text: string): unknown {
	if (text === '') return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
