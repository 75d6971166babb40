import { linearFit } from './stats';

const DAY = 86_400_000;

export interface SeriesPoint {
	/** Epoch milliseconds. */
	t: number;
	value: number;
}

export interface ForecastOptions {
	/** The moment the forecast is made (end of the report period). */
	now: number;
	/** `above`: warn when the value rises to the threshold (pool use); `below`: when it falls to it (SLE). */
	direction?: 'above' | 'below';
	minSamples?: number;
}

export interface Forecast {
	slopePerDay: number;
	/** The fitted value at `now`. */
	predictedNow: number;
	/** Days from `now` until the fitted line reaches the threshold: 0 when already there, null when heading away. */
	daysToThreshold: number | null;
	reachesAt: string | null;
	r2: number;
	samples: number;
}

/** Least-squares line through the series, extrapolated to the threshold ("will reach 100 % in ~N days"). */
export function forecastCrossing(
	series: SeriesPoint[],
	threshold: number,
	options: ForecastOptions,
): Forecast | null {
	const points = series.filter(
		(point) => Number.isFinite(point.t) && Number.isFinite(point.value) && point.t <= options.now,
	);
	if (points.length < (options.minSamples ?? 3)) return null;
	const fit = linearFit(
		points.map((point) => ({ x: (point.t - options.now) / DAY, y: point.value })),
	);
	if (!fit) return null;
	const predictedNow = fit.intercept;
	const rising = (options.direction ?? 'above') === 'above';
	const reached = rising ? predictedNow >= threshold : predictedNow <= threshold;
	let days: number | null = null;
	if (reached) days = 0;
	else if (rising ? fit.slope > 0 : fit.slope < 0) days = (threshold - predictedNow) / fit.slope;
	return {
		slopePerDay: fit.slope,
		predictedNow,
		daysToThreshold: days,
		reachesAt: days === null ? null : new Date(options.now + days * DAY).toISOString(),
		r2: fit.r2,
		samples: fit.samples,
	};
}
