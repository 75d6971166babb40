/** Small helpers shared by the rules. */

export function groupBy<T>(items: T[], keyOf: (item: T) => string | undefined): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const key = keyOf(item);
		if (key === undefined) continue;
		const group = groups.get(key);
		if (group) group.push(item);
		else groups.set(key, [item]);
	}
	return groups;
}

export function distinct<T>(values: Array<T | undefined | null>): T[] {
	return [
		...new Set(
			values.filter((value): value is T => value !== undefined && value !== null && value !== ''),
		),
	].sort();
}

export function countBy<T>(items: T[], keyOf: (item: T) => string): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
	return counts;
}

/** The key with the most items; ties go to the alphabetically first key so results are stable. */
export function topKey(counts: Record<string, number>): string | undefined {
	return Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
}

export function round(value: number, digits = 1): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export function plural(count: number, word: string, pluralWord = `${word}s`): string {
	return `${count} ${count === 1 ? word : pluralWord}`;
}

/**
 * `{ ...base, ...more }` for objects the rules build per finding or per record. On Node 20 an object
 * copied by a spread gets a hidden class of its own as soon as a property is added to it (about a
 * microsecond a property, and every later reader of it goes megamorphic); a copy made by
 * `Object.assign` shares one. Same keys, same order and same values as the spread.
 */
export function withFields<T extends object, U extends object>(base: T, more: U): Spread<T, U> {
	return Object.assign({}, base, more) as Spread<T, U>;
}

/** The type of `{ ...T, ...U }`: unlike `Omit`, it keeps the known keys of a type with an index signature. */
type Spread<T, U> = { [K in keyof T as K extends keyof U ? never : K]: T[K] } & U;
