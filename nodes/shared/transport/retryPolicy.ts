/**
 * When and how long the transport waits before trying a request again.
 * Pure functions, so the timing rules are tested without a clock.
 */

export interface RetryPolicy {
	/** Attempts after the first one for 429 answers (any method: Mist did not process the call). */
	maxRateLimitRetries: number;
	/** Attempts after the first one for 5xx, resets and timeouts (GET only: writes may have happened). */
	maxTransientRetries: number;
	/** First backoff step in milliseconds; doubles each attempt. */
	baseDelayMs: number;
	/** Upper bound for one computed backoff step. */
	maxDelayMs: number;
	/** A Retry-After longer than this fails at once instead of blocking the execution. */
	maxRetryAfterMs: number;
	/** Per-request timeout in milliseconds. */
	timeoutMs: number;
	/** The clock, in epoch ms (tests set it to say when the hourly budget resets). */
	now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRateLimitRetries: 4,
	maxTransientRetries: 3,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	maxRetryAfterMs: 120_000,
	timeoutMs: 60_000,
	now: () => Date.now(),
};

/** Exponential backoff with "equal jitter": half fixed, half random, so parallel workflows spread out. */
export function backoffDelayMs(
	attempt: number,
	policy: RetryPolicy,
	random: () => number = Math.random,
): number {
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(exponential / 2 + (exponential / 2) * random());
}

/**
 * Reads a Retry-After header: delta seconds or an HTTP date.
 * Returns undefined when absent or unreadable, so the caller falls back to backoff.
 */
export function parseRetryAfterMs(value: unknown, now: number = Date.now()): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value === 'number') return Math.max(0, value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Math.round(Number(trimmed) * 1000));
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

const TRANSIENT_CODES = [
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ECONNREFUSED',
];

function codeInText(text: string): string | undefined {
	const named = TRANSIENT_CODES.find((code) => text.includes(code));
	if (named) return named;
	if (/socket hang up/i.test(text)) return 'ECONNRESET';
	if (/timeout of \d+ms exceeded|timed out/i.test(text)) return 'ETIMEDOUT';
	return undefined;
}

/**
 * Finds the low-level network error code in an error, however n8n or axios wrapped it: n8n's
 * NodeApiError keeps it in `httpCode`, the original in `cause` or `errorResponse`.
 */
export function networkErrorCode(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	const queue: unknown[] = [error];
	while (queue.length > 0) {
		const current = queue.shift();
		if (!current || typeof current !== 'object' || seen.has(current)) continue;
		seen.add(current);
		const candidate = current as Record<string, unknown>;
		for (const key of ['code', 'httpCode']) {
			const value = candidate[key];
			if (typeof value === 'string' && TRANSIENT_CODES.includes(value)) return value;
		}
		const texts = [
			candidate.message,
			...(Array.isArray(candidate.messages) ? candidate.messages : []),
		];
		for (const text of texts) {
			const found = typeof text === 'string' ? codeInText(text) : undefined;
			if (found) return found;
		}
		queue.push(
			candidate.cause,
			candidate.errorResponse,
			(candidate.context as Record<string, unknown> | undefined)?.cause,
		);
	}
	return undefined;
}
