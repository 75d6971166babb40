export function mean(values: number[]): number {
	return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Sample standard deviation (n − 1): baselines are samples of a site's behaviour. */
export function stddev(values: number[]): number {
	if (values.length < 2) return 0;
	const average = mean(values);
	return Math.sqrt(
		values.reduce((sum, value) => sum + (value - average) ** 2, 0) / (values.length - 1),
	);
}

export interface LinearFit {
	slope: number;
	intercept: number;
	/** Coefficient of determination, 0…1 (1 when the points are exactly on a line). */
	r2: number;
	samples: number;
}

/** Ordinary least squares y = slope·x + intercept; null with fewer than 2 distinct x values. */
export function linearFit(points: Array<{ x: number; y: number }>): LinearFit | null {
	const n = points.length;
	if (n < 2) return null;
	const meanX = mean(points.map((point) => point.x));
	const meanY = mean(points.map((point) => point.y));
	let sxx = 0;
	let sxy = 0;
	let syy = 0;
	for (const { x, y } of points) {
		sxx += (x - meanX) ** 2;
		sxy += (x - meanX) * (y - meanY);
		syy += (y - meanY) ** 2;
	}
	if (sxx === 0) return null;
	const slope = sxy / sxx;
	const r2 = syy === 0 ? 1 : (sxy * sxy) / (sxx * syy);
	return { slope, intercept: meanY - slope * meanX, r2, samples: n };
}

export function round(value: number, digits = 1): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
