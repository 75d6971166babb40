/** API cost of one node execution: every Mist call counts against the token's 5,000 calls per hour. */
export interface RequestStats {
	/** HTTP requests sent to Mist, retries included. */
	calls: number;
	/** Pages fetched by paginated operations. */
	pages: number;
	/** Requests sent again after a 429, a 5xx or a network error. */
	retries: number;
	/** 429 answers received. */
	rateLimited: number;
	/** Milliseconds spent waiting before retries. */
	waitedMs: number;
	/** Set when a 429 came without Retry-After: the token's hourly budget is spent. */
	budgetExhausted?: boolean;
}

export function emptyRequestStats(): RequestStats {
	return { calls: 0, pages: 0, retries: 0, rateLimited: 0, waitedMs: 0 };
}
