/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A static scan of relative imports between TypeScript files, enough to find import cycles without
 * compiling: `import … from`, `export … from`, side-effect imports, `import()` and `require()`.
 * Type-only imports count too: a cycle of types is still two modules that cannot be read apart.
 */
import fs from 'node:fs';
import path from 'node:path';

const IMPORT_PATTERNS = [
	/(?:^|[\s;])(?:import|export)\s[^'";]*?\sfrom\s*['"](\.{1,2}\/[^'"]*)['"]/g,
	/(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]*)['"]/g,
	/\b(?:import|require)\(\s*['"](\.{1,2}\/[^'"]*)['"]\s*\)/g,
];

/** Every .ts file under the folders (declaration files aside), as absolute paths. */
export function sourceFiles(folders: string[]): string[] {
	const files: string[] = [];
	const walk = (folder: string) => {
		for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
			const full = path.join(folder, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
		}
	};
	for (const folder of folders) walk(path.resolve(folder));
	return files.sort();
}

/** The relative module specifiers one source text imports. */
export function relativeSpecifiers(source: string): string[] {
	return IMPORT_PATTERNS.flatMap((pattern) =>
		[...source.matchAll(pattern)].map((match) => match[1]),
	);
}

/** File → the files it imports, among the given files (`./x` is `x.ts` or `x/index.ts`). */
export function importGraph(files: string[]): Map<string, string[]> {
	const known = new Set(files);
	const resolve = (from: string, specifier: string) => {
		const base = path.resolve(path.dirname(from), specifier);
		return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) =>
			known.has(candidate),
		);
	};
	const graph = new Map<string, string[]>();
	for (const file of files) {
		const targets = relativeSpecifiers(fs.readFileSync(file, 'utf8')).map((specifier) =>
			resolve(file, specifier),
		);
		graph.set(file, [
			...new Set(targets.filter((target): target is string => target !== undefined)),
		]);
	}
	return graph;
}

/** A shortest path from `start` back to itself inside one strongly connected component. */
function cycleThrough(
	start: string,
	graph: Map<string, string[]>,
	component: Set<string>,
): string[] {
	const previous = new Map<string, string>();
	const queue = [start];
	while (queue.length) {
		const file = queue.shift() as string;
		for (const next of graph.get(file) ?? []) {
			if (!component.has(next)) continue;
			if (next === start) {
				const cycle = [start];
				for (let at = file; at !== start; at = previous.get(at) as string) cycle.splice(1, 0, at);
				return [...cycle, start];
			}
			if (!previous.has(next)) {
				previous.set(next, file);
				queue.push(next);
			}
		}
	}
	return [start, start];
}

/** One cycle per group of files that import each other (Tarjan's strongly connected components). */
export function importCycles(graph: Map<string, string[]>): string[][] {
	const order = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	const visit = (file: string) => {
		order.set(file, order.size);
		low.set(file, order.get(file) as number);
		stack.push(file);
		onStack.add(file);
		for (const next of graph.get(file) ?? []) {
			if (!order.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file) as number, low.get(next) as number));
			} else if (onStack.has(next)) {
				low.set(file, Math.min(low.get(file) as number, order.get(next) as number));
			}
		}
		if (low.get(file) !== order.get(file)) return;
		const component = new Set<string>();
		let member: string;
		do {
			member = stack.pop() as string;
			onStack.delete(member);
			component.add(member);
		} while (member !== file);
		const selfImport = (graph.get(file) ?? []).includes(file);
		if (component.size > 1 || selfImport)
			cycles.push(cycleThrough([...component].sort()[0], graph, component));
	};
	for (const file of graph.keys()) if (!order.has(file)) visit(file);
	return cycles;
}
