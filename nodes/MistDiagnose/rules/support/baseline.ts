/** Baseline check against an entity's own recent history (e.g. a site's DHCP failures per 10 minutes). */

export interface BaselineVerdict {
	/** False when there are too few samples to judge. */
	sufficient: boolean;
	/** True when value > mean + k·σ (strictly above). */
	anomalous: boolean;
	mean: number;
	stddev: number;
	limit: number;
	samples: number;
}

export interface BaselineOptions {
	k: number;
	minSamples: number;
}

/** Population standard deviation: the history is the whole reference set, not a sample of it. */
export function meanAndStddev(values: number[]): { mean: number; stddev: number } {
	if (values.length === 0) return { mean: 0, stddev: 0 };
	const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
	const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
	return { mean, stddev: Math.sqrt(variance) };
}

export function checkBaseline(
	value: number,
	history: Array<number | null | undefined>,
	options: BaselineOptions,
): BaselineVerdict {
	const clean = history.filter(
		(entry): entry is number => typeof entry === 'number' && Number.isFinite(entry),
	);
	const { mean, stddev } = meanAndStddev(clean);
	const limit = mean + options.k * stddev;
	const sufficient = clean.length >= options.minSamples;
	return {
		sufficient,
		anomalous: sufficient && value > limit,
		mean,
		stddev,
		limit,
		samples: clean.length,
	};
}

/** Evidence form of a verdict (rounded for people). */
export function baselineEvidence(verdict: BaselineVerdict) {
	const round = (value: number) => Math.round(value * 100) / 100;
	return {
		mean: round(verdict.mean),
		stddev: round(verdict.stddev),
		limit: round(verdict.limit),
		samples: verdict.samples,
	};
}
