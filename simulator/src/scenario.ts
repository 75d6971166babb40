/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { existsSync, readFileSync } from 'fs';
import { isAbsolute, join, resolve } from 'path';
import type { Scale, Scenario } from './types';
import { DEFAULT_SCALE } from './generator/world';

/** Finds simulator/scenarios whether running from TypeScript sources or from build/. */
export function scenariosDir(): string {
	const candidates = [
		join(__dirname, '..', 'scenarios'),
		join(__dirname, '..', '..', '..', 'simulator', 'scenarios'),
	];
	return candidates.find((dir) => existsSync(dir)) ?? candidates[0];
}

/** A scenario object, a name under simulator/scenarios, or a path to a JSON file. */
export function loadScenario(input: string | Scenario | undefined): Scenario {
	if (input === undefined) return loadScenario('demo');
	if (typeof input !== 'string') return input;
	const looksLikePath = input.endsWith('.json') || input.includes('/') || input.includes('\\');
	const file = looksLikePath
		? isAbsolute(input)
			? input
			: resolve(input)
		: join(scenariosDir(), `${input}.json`);
	if (!existsSync(file)) throw new Error(`Scenario "${input}" not found (looked for ${file})`);
	const parsed = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
	return { name: looksLikePath ? file : input, ...parsed };
}

export function resolveScale(scenario: Scenario, overrides?: Partial<Scale>): Scale {
	const scale = { ...DEFAULT_SCALE, ...(scenario.scale ?? {}), ...(overrides ?? {}) };
	for (const [key, value] of Object.entries(scale)) {
		if (!Number.isInteger(value) || value < 0)
			throw new Error(`Scale ${key} must be a non-negative integer, got ${String(value)}`);
	}
	if (scale.apsPerSite < 1) throw new Error('Scale apsPerSite must be at least 1');
	return scale;
}

/** Parses `sites=100,apsPerSite=100,clientsPerSite=200`. */
export function parseScale(text: string): Partial<Scale> {
	const out: Partial<Scale> = {};
	for (const part of text.split(',').filter(Boolean)) {
		const [key, raw] = part.split('=');
		if (!['sites', 'apsPerSite', 'clientsPerSite'].includes(key))
			throw new Error(`Unknown scale key "${key}"`);
		const value = Number(raw);
		if (!Number.isInteger(value) || value < 0)
			throw new Error(`Scale ${key} must be a non-negative integer, got "${raw}"`);
		out[key as keyof Scale] = value;
	}
	return out;
}
