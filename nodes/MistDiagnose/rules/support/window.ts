/** Sliding-window counting: "N distinct clients within 10 minutes". */

export interface WindowPeak {
	/** Most distinct keys seen together inside one window. */
	distinct: number;
	/** Epoch seconds of the first and last item in that window. */
	start: number;
	end: number;
}

/** Windows are inclusive: items exactly `windowSeconds` apart share a window. */
export function peakDistinctInWindow<T>(
	items: T[],
	windowSeconds: number,
	timestampOf: (item: T) => number,
	keyOf: (item: T) => string,
): WindowPeak {
	const sorted = [...items].sort((a, b) => timestampOf(a) - timestampOf(b));
	const inWindow = new Map<string, number>();
	let best: WindowPeak = { distinct: 0, start: 0, end: 0 };
	let left = 0;
	for (let right = 0; right < sorted.length; right++) {
		const key = keyOf(sorted[right]);
		inWindow.set(key, (inWindow.get(key) ?? 0) + 1);
		while (timestampOf(sorted[right]) - timestampOf(sorted[left]) > windowSeconds) {
			const leaving = keyOf(sorted[left]);
			const remaining = (inWindow.get(leaving) ?? 1) - 1;
			if (remaining === 0) inWindow.delete(leaving);
			else inWindow.set(leaving, remaining);
			left++;
		}
		if (inWindow.size > best.distinct) {
			best = {
				distinct: inWindow.size,
				start: timestampOf(sorted[left]),
				end: timestampOf(sorted[right]),
			};
		}
	}
	return best;
}
