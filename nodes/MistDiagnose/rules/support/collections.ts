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
