import { checkBaseline, meanAndStddev } from '../../../../nodes/MistDiagnose/rules';
import { peakDistinctInWindow } from '../../../../nodes/MistDiagnose/rules/support/window';

const options = { k: 3, minSamples: 6 };

describe('baseline helper', () => {
	it('computes the population mean and standard deviation', () => {
		expect(meanAndStddev([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, stddev: 2 });
		expect(meanAndStddev([])).toEqual({ mean: 0, stddev: 0 });
	});

	const history = [2, 4, 4, 4, 5, 5, 7, 9]; // mean 5, σ 2 → limit 11
	it.each([
		[10, false],
		[11, false],
		[11.01, true],
		[40, true],
	])('value %d against mean 5, σ 2, k 3 → anomalous %s', (value, anomalous) => {
		const verdict = checkBaseline(value, history, options);
		expect(verdict.sufficient).toBe(true);
		expect(verdict.limit).toBe(11);
		expect(verdict.anomalous).toBe(anomalous);
	});

	it('needs the minimum number of samples and ignores gaps (null) in the history', () => {
		const short = checkBaseline(100, [1, 1, null, 1, 1, 1], options);
		expect(short).toMatchObject({ sufficient: false, anomalous: false, samples: 5 });
		expect(checkBaseline(100, [1, 1, 1, 1, 1, 1], options)).toMatchObject({
			sufficient: true,
			anomalous: true,
		});
	});

	it('a flat history flags any increase', () => {
		expect(checkBaseline(3, [3, 3, 3, 3, 3, 3], options).anomalous).toBe(false);
		expect(checkBaseline(4, [3, 3, 3, 3, 3, 3], options).anomalous).toBe(true);
	});
});

describe('sliding window', () => {
	const at = (timestamp: number, key: string) => ({ timestamp, key });
	it.each([
		['exactly the window apart', [at(0, 'a'), at(600, 'b')], 2],
		['one second more than the window', [at(0, 'a'), at(601, 'b')], 1],
		['same key twice', [at(0, 'a'), at(10, 'a')], 1],
		[
			'peak in the middle',
			[at(0, 'a'), at(1000, 'b'), at(1100, 'c'), at(1200, 'd'), at(5000, 'e')],
			3,
		],
		['empty', [], 0],
	])('%s → %d distinct', (_label, items, expected) => {
		expect(
			peakDistinctInWindow(
				items,
				600,
				(item) => item.timestamp,
				(item) => item.key,
			).distinct,
		).toBe(expected);
	});
});
