/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import path from 'node:path';

import { importCycles, importGraph, relativeSpecifiers, sourceFiles } from './importGraph';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, 'fixtures');

const relative = (cycle: string[]) => cycle.map((file) => path.relative(ROOT, file));

describe('import cycles', () => {
	it('nodes/, credentials/, simulator/ and scripts/ have none', () => {
		const folders = ['nodes', 'credentials', 'simulator', 'scripts'].map((folder) =>
			path.join(ROOT, folder),
		);
		const cycles = importCycles(importGraph(sourceFiles(folders)));
		expect(cycles.map((cycle) => relative(cycle).join(' → '))).toEqual([]);
	});

	it('finds a cycle planted in a fixture, through a re-export and a type-only import', () => {
		const cycles = importCycles(importGraph(sourceFiles([path.join(FIXTURES, 'cycle')])));

		expect(cycles.map(relative)).toEqual([
			[
				'test/imports/fixtures/cycle/alarms.ts',
				'test/imports/fixtures/cycle/sites.ts',
				'test/imports/fixtures/cycle/names.ts',
				'test/imports/fixtures/cycle/alarms.ts',
			],
		]);
	});

	it('does not mistake a diamond (two paths to one module) for a cycle', () => {
		const graph = importGraph(sourceFiles([path.join(FIXTURES, 'acyclic')]));

		expect(
			graph.get(path.join(FIXTURES, 'acyclic', 'index.ts'))?.map((file) => path.basename(file)),
		).toEqual(['left.ts', 'right.ts']);
		expect(importCycles(graph)).toEqual([]);
	});

	it('reads every form of relative import, and ignores packages', () => {
		const source = [
			"import { a } from './a';",
			"import type { B } from '../b';",
			"export * from './c';",
			"export { d } from './d/index';",
			"import './side-effect';",
			"const e = await import('./e');",
			"const f = require('./f');",
			"import { DateTime } from 'luxon';",
			'import {\n\tg,\n\th,\n} from "./gh";',
		].join('\n');

		expect(relativeSpecifiers(source).sort()).toEqual([
			'../b',
			'./a',
			'./c',
			'./d/index',
			'./e',
			'./f',
			'./gh',
			'./side-effect',
		]);
	});
});
