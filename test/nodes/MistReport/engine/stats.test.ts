import { detectAnomaly } from '../../../../nodes/MistReport/engine/anomaly';
import { forecastCrossing } from '../../../../nodes/MistReport/engine/forecast';
import type { SeriesPoint } from '../../../../nodes/MistReport/engine/forecast';
import { linearFit, stddev } from '../../../../nodes/MistReport/engine/stats';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-25T00:00:00Z');
/** A series with one sample per day ending today. */
const daily = (values: number[]): SeriesPoint[] =>
	values.map((value, index) => ({ t: NOW - (values.length - 1 - index) * DAY, value }));

describe('Mist Report › linear fit', () => {
	it.each([
		[
			'exact line',
			[
				{ x: 0, y: 1 },
				{ x: 1, y: 3 },
				{ x: 2, y: 5 },
			],
			{ slope: 2, intercept: 1, r2: 1 },
		],
		[
			'flat',
			[
				{ x: 0, y: 4 },
				{ x: 1, y: 4 },
				{ x: 2, y: 4 },
			],
			{ slope: 0, intercept: 4, r2: 1 },
		],
		[
			'noisy',
			[
				{ x: 0, y: 0 },
				{ x: 1, y: 2 },
				{ x: 2, y: 1 },
				{ x: 3, y: 3 },
			],
			{ slope: 0.8, intercept: 0.3, r2: 0.64 },
		],
	])('%s', (_name, points, expected) => {
		const fit = linearFit(points);
		expect(fit?.slope).toBeCloseTo(expected.slope, 6);
		expect(fit?.intercept).toBeCloseTo(expected.intercept, 6);
		expect(fit?.r2).toBeCloseTo(expected.r2, 6);
	});

	it.each([
		['one point', [{ x: 1, y: 1 }]],
		[
			'same x',
			[
				{ x: 1, y: 1 },
				{ x: 1, y: 2 },
			],
		],
	])('returns null for %s', (_name, points) => {
		expect(linearFit(points)).toBeNull();
	});

	it('uses the sample standard deviation', () => {
		expect(stddev([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
	});
});

describe('Mist Report › forecast', () => {
	it.each<[string, number[], number, 'above' | 'below', number | null]>([
		['DHCP pool +5 %/day from 70 reaches 100 in 6 days', [50, 55, 60, 65, 70], 100, 'above', 6],
		['already over the threshold', [90, 95, 100, 105], 100, 'above', 0],
		['falling pool never reaches 100', [70, 65, 60], 100, 'above', null],
		['flat series never reaches', [70, 70, 70], 100, 'above', null],
		['SLE falling 2 points/day from 90 reaches 80 in 5 days', [96, 94, 92, 90], 80, 'below', 5],
		['clients +10/day from 200 reach 300 in 10 days', [160, 170, 180, 190, 200], 300, 'above', 10],
	])('%s', (_name, values, threshold, direction, days) => {
		const result = forecastCrossing(daily(values), threshold, { now: NOW, direction });
		expect(result).not.toBeNull();
		if (days === null) expect(result?.daysToThreshold).toBeNull();
		else expect(result?.daysToThreshold).toBeCloseTo(days, 6);
	});

	it('gives the date the threshold is reached', () => {
		expect(forecastCrossing(daily([50, 55, 60, 65, 70]), 100, { now: NOW })?.reachesAt).toBe(
			'2026-12-01T00:00:00.000Z',
		);
	});

	it.each([
		['too few samples', daily([1, 2]), 3],
		[
			'samples after now are ignored',
			[
				{ t: NOW + DAY, value: 1 },
				{ t: NOW + 2 * DAY, value: 2 },
				{ t: NOW, value: 3 },
			],
			3,
		],
	])('returns null with %s', (_name, series, minSamples) => {
		expect(forecastCrossing(series, 100, { now: NOW, minSamples })).toBeNull();
	});
});

describe('Mist Report › anomaly', () => {
	const baseline = [100, 102, 98, 101, 99, 100];
	it.each<[string, number[], number, { k?: number; minSamples?: number }, boolean | null]>([
		['inside the band', baseline, 102, {}, false],
		['far above', baseline, 140, {}, true],
		['far below', baseline, 60, {}, true],
		['k = 1 flags a smaller deviation', baseline, 103, { k: 1 }, true],
		['too few samples', [100, 101], 500, {}, null],
		['constant baseline, same value', [5, 5, 5, 5, 5], 5, {}, false],
		['constant baseline, any change', [5, 5, 5, 5, 5], 6, {}, true],
	])('%s', (_name, history, value, options, expected) => {
		const result = detectAnomaly(history, value, options);
		if (expected === null) expect(result).toBeNull();
		else expect(result?.anomalous).toBe(expected);
	});

	it('reports the band it used', () => {
		const result = detectAnomaly([10, 12, 14], 30, { k: 2, minSamples: 3 });
		expect(result).toMatchObject({
			mean: 12,
			stddev: 2,
			lower: 8,
			upper: 16,
			zScore: 9,
			samples: 3,
			anomalous: true,
		});
	});
});
