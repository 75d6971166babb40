import { mean, stddev } from './stats';

export interface AnomalyOptions {
	/** Width of the normal band in standard deviations. */
	k?: number;
	/** Baseline samples needed before judging; fewer gives null. */
	minSamples?: number;
}

export interface AnomalyCheck {
	anomalous: boolean;
	mean: number;
	stddev: number;
	lower: number;
	upper: number;
	/** Distance from the mean in standard deviations (±Infinity when the baseline never varied). */
	zScore: number;
	samples: number;
}

/** Whether `value` lies outside the baseline's mean ± k·σ. */
export function detectAnomaly(
	baseline: number[],
	value: number,
	options: AnomalyOptions = {},
): AnomalyCheck | null {
	const k = options.k ?? 3;
	const samples = baseline.filter((entry) => Number.isFinite(entry));
	if (samples.length < (options.minSamples ?? 5) || !Number.isFinite(value)) return null;
	const average = mean(samples);
	const sigma = stddev(samples);
	const deviation = value - average;
	const zScore =
		sigma === 0 ? (deviation === 0 ? 0 : Math.sign(deviation) * Infinity) : deviation / sigma;
	return {
		anomalous: Math.abs(zScore) > k,
		mean: average,
		stddev: sigma,
		lower: average - k * sigma,
		upper: average + k * sigma,
		zScore,
		samples: samples.length,
	};
}
