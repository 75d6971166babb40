/**
 * The dashboard's own trend memory: one mean-SLE sample per site per run, kept in the node's
 * workflow static data (saved by n8n for production executions such as webhook calls). It costs no
 * API call, and the sparkline grows as the page is viewed.
 */

export interface TrendSample {
	/** Epoch ms. */
	t: number;
	/** Mean SLE percent per site id. */
	values: Record<string, number>;
}

export interface TrendState {
	version: 1;
	samples: TrendSample[];
}

export function loadTrendState(stored: unknown): TrendState {
	const candidate = stored as Partial<TrendState> | undefined;
	if (!candidate || candidate.version !== 1 || !Array.isArray(candidate.samples))
		return { version: 1, samples: [] };
	const samples = candidate.samples.filter(
		(sample): sample is TrendSample =>
			Boolean(sample) &&
			Number.isFinite(sample.t) &&
			Boolean(sample.values) &&
			typeof sample.values === 'object',
	);
	return { version: 1, samples };
}

/**
 * Adds a sample unless the last one is younger than `minGapMs` (then the newest replaces it, so a
 * page reloaded every few seconds does not flood the history), and keeps the newest `maxSamples`.
 */
export function addTrendSample(
	state: TrendState,
	sample: TrendSample,
	minGapMs: number,
	maxSamples: number,
): TrendState {
	if (!Object.keys(sample.values).length) return state;
	const samples = [...state.samples];
	const last = samples[samples.length - 1];
	if (last && sample.t - last.t < minGapMs)
		samples[samples.length - 1] = { t: last.t, values: sample.values };
	else samples.push(sample);
	return { version: 1, samples: samples.slice(-Math.max(1, maxSamples)) };
}

/** Per site, its values oldest first (a site missing from a sample is skipped there). */
export function trendSeries(state: TrendState): Record<string, number[]> {
	const series: Record<string, number[]> = {};
	for (const sample of state.samples) {
		for (const [siteId, value] of Object.entries(sample.values)) {
			if (Number.isFinite(value)) (series[siteId] ??= []).push(value);
		}
	}
	return series;
}
