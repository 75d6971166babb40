import { splitList } from '../../../../nodes/shared/params/lists';

describe('lists', () => {
	it('splits lists on commas, spaces and newlines', () => {
		expect(splitList('a, b\nc  d,,')).toEqual(['a', 'b', 'c', 'd']);
		expect(splitList(['x ', ' y'])).toEqual(['x', 'y']);
		expect(splitList(undefined)).toEqual([]);
	});
});
