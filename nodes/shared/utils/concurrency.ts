/**
 * `fn` over `inputs`, at most `atOnce` at a time, results in input order. The first failure
 * rejects (the calls already started finish on their own).
 */
export async function mapAtMost<I, O>(
	inputs: I[],
	atOnce: number,
	fn: (input: I) => Promise<O>,
): Promise<O[]> {
	const results = new Array<O>(inputs.length);
	let next = 0;
	const worker = async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await fn(inputs[index]);
		}
	};
	await Promise.all(Array.from({ length: Math.min(atOnce, inputs.length) }, worker));
	return results;
}
