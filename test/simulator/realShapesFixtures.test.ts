/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/** The vendored real-shape evidence stays traceable and loadable (CI has no copy of the research notes). */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import { REAL_SHAPES_DIR, readRealShape, realShapes } from '../fixtures/realShapes';

describe('test/fixtures/real-shapes', () => {
	const files = readdirSync(REAL_SHAPES_DIR).filter((file) => file !== 'SOURCE.md');
	const source = readFileSync(path.join(REAL_SHAPES_DIR, 'SOURCE.md'), 'utf8');

	it('names the origin of every file in SOURCE.md', () => {
		expect(files.length).toBeGreaterThan(10);
		expect(files.filter((file) => !source.includes(`\`${file}\``))).toEqual([]);
	});

	it.each(files.filter((file) => file.endsWith('.json')))('%s says where it comes from', (file) => {
		expect(String(readRealShape(file)._source).length).toBeGreaterThan(60);
	});

	it.each(Object.keys(realShapes) as Array<keyof typeof realShapes>)(
		'realShapes.%s() loads a sample',
		(reader) => {
			const value = realShapes[reader]() as unknown;
			expect(JSON.stringify(value).length).toBeGreaterThan(40);
		},
	);

	it('hands out a fresh copy on every read', () => {
		realShapes.siteStatsClients()[0].vlan_id = 'changed';
		expect(realShapes.siteStatsClients()[0].vlan_id).toBe('1');
	});
});
