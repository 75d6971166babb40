/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- reads the shipped workflow files */
import fs from 'node:fs';
import path from 'node:path';

import type { CadenceWorkflow, SweepNode } from './simulatedHour';

/*
 * The sweeps of the shipped workflows, read from workflows/*.json as they ship: each schedule
 * trigger's interval, and the Mist Diagnose sweep nodes downstream of it in chain order, with
 * their parameters (Check At Most Every included) and which node's Healthy output feeds them, and
 * the Juniper Mist nodes the run reaches (their reads spend the same token).
 * Triggers that are not a fixed interval (a webhook, a daily time) run only at a cadence the
 * caller assumes for that file, e.g. a dashboard opened every 10 minutes.
 */

const WORKFLOWS_DIR = path.join(__dirname, '..', '..', '..', 'workflows');
const DIAGNOSE = 'n8n-nodes-juniper-mist.mistDiagnose';
const MIST = 'n8n-nodes-juniper-mist.mist';
const UNIT_MS: Record<string, number> = { seconds: 1000, minutes: 60_000, hours: 3_600_000 };

interface WorkflowNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
}
interface WorkflowJson {
	nodes: WorkflowNode[];
	connections: Record<string, { main?: Array<Array<{ node: string }> | null> }>;
}

/** A schedule trigger's interval in ms; undefined for a time of day or week (not every hour). */
export function scheduleIntervalMs(parameters: Record<string, unknown>): number | undefined {
	const rule = parameters.rule as { interval?: Array<Record<string, unknown>> } | undefined;
	const first = rule?.interval?.[0];
	const field = String(first?.field ?? '');
	if (!UNIT_MS[field]) return undefined;
	return Number(first?.[`${field}Interval`] ?? 1) * UNIT_MS[field];
}

/** The Diagnose sweep and Juniper Mist nodes reachable from a trigger, in the order a run reaches them. */
export function sweepNodesFrom(workflow: WorkflowJson, trigger: string): SweepNode[] {
	const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
	const found: SweepNode[] = [];
	const queue: Array<{ name: string; fedBy?: { node: string; output: number } }> = [
		{ name: trigger },
	];
	const seen = new Set<string>();
	while (queue.length) {
		const { name, fedBy } = queue.shift()!;
		if (seen.has(name)) continue;
		seen.add(name);
		const node = byName.get(name);
		const isSweep = node?.type === DIAGNOSE && (node.parameters.mode ?? 'sweep') === 'sweep';
		if (isSweep) found.push({ name, params: { ...node.parameters }, fedBy });
		// The Juniper Mist reads of the run spend the same token (the dashboard's, the report's).
		else if (node?.type === MIST) found.push({ name, params: { ...node.parameters }, mist: true });
		(workflow.connections[name]?.main ?? []).forEach((targets, output) => {
			for (const target of targets ?? [])
				queue.push({ name: target.node, fedBy: isSweep ? { node: name, output } : undefined });
		});
	}
	return found;
}

/**
 * Every shipped workflow's sweeps as cadence workflows: its interval triggers at their interval,
 * and, for the files in `assumed`, its other triggers at the cadence given there.
 */
export function shippedSweeps(
	assumed: Record<string, { everyMs: number; firstAtMs?: number }> = {},
): CadenceWorkflow[] {
	const result: CadenceWorkflow[] = [];
	for (const file of fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((name) => name.endsWith('.json'))
		.sort()) {
		const workflow = JSON.parse(
			fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8'),
		) as WorkflowJson;
		const triggers = workflow.nodes.filter((node) => /trigger|webhook/i.test(node.type));
		const runs = new Map<string, CadenceWorkflow>();
		for (const trigger of triggers) {
			const steps = sweepNodesFrom(workflow, trigger.name);
			if (!steps.length) continue;
			const interval =
				trigger.type === 'n8n-nodes-base.scheduleTrigger'
					? scheduleIntervalMs(trigger.parameters)
					: undefined;
			const cadence = interval ? { everyMs: interval } : assumed[file];
			if (!cadence) continue;
			// One run per file and cadence: a second trigger of the same sweep adds nothing.
			const id = `${file.replace(/\.json$/, '')} (${trigger.name})`;
			if (![...runs.values()].some((run) => run.everyMs === cadence.everyMs))
				runs.set(id, { id, ...cadence, steps });
		}
		result.push(...runs.values());
	}
	return result;
}
