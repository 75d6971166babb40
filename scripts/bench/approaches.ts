/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The three ways of sweeping an org that the benchmark compares, as n8n workflows with fixed ids:
 * one All Steps Mist Diagnose node; the shipped client triage sweep (workflows/, with the
 * sub-workflows it calls); and the per-site baseline built from core n8n nodes only
 * (scripts/baseline/per-site-http-request.json). Each knows where its findings come out.
 */
import fs from 'node:fs';
import path from 'node:path';

import { STEP_DEFINITIONS } from '../../nodes/MistDiagnose/steps';
import { STEPS } from '../../nodes/shared/findings/types';
import { REPO_ROOT } from '../e2e/config';
import type { ExecuteResult } from '../e2e/executeOutput';
import type { CredentialToImport, WorkflowJson } from '../e2e/n8n';
import type { FindingLike } from './faults';

const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');
export const BASELINE_FILE = path.join(
	REPO_ROOT,
	'scripts',
	'baseline',
	'per-site-http-request.json',
);
/** The address of the alert sink in the shipped workflows (the demo's). */
const SHIPPED_SINK_URL = 'http://127.0.0.1:8099';
/** The shipped Mist credential (scripts/shippedCredentials.ts); All Steps uses it too. */
const MIST_CREDENTIAL = { id: 'demoMistAccount1', name: 'Mist account' };
/** The generic Header Auth credential the baseline's HTTP Request nodes reference. */
export const BASELINE_CREDENTIAL = { id: 'baselineMistHeader', name: 'Mist API token (header)' };

/** The shipped chain's Diagnose nodes: each named as its step's option, in flowchart order. */
export const CHAIN_STEPS = STEPS.map((step) => STEP_DEFINITIONS[step].option.name);

export interface Approach {
	key: 'allSteps' | 'chain' | 'baseline';
	label: string;
	workflowId: string;
	findings(result: ExecuteResult): FindingLike[];
}

export const APPROACHES: Approach[] = [
	{
		key: 'allSteps',
		label: 'All Steps node',
		workflowId: 'benchAllSteps001',
		findings: (result) => result.items('All Steps', 0),
	},
	{
		key: 'chain',
		label: 'shipped chain',
		workflowId: 'wfClientTriageSweep',
		findings: (result) => CHAIN_STEPS.flatMap((step) => result.items(step, 0)),
	},
	{
		key: 'baseline',
		label: 'per-site baseline',
		workflowId: 'benchPerSiteBase',
		findings: (result) => result.items('Apply thresholds', 0),
	},
];

export function allStepsWorkflow(): WorkflowJson {
	return {
		id: 'benchAllSteps001',
		name: 'benchmark: All Steps sweep',
		nodes: [
			{
				id: 'b0000000-0000-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b0000000-0000-4000-8000-000000000002',
				name: 'All Steps',
				type: 'n8n-nodes-juniper-mist.mistDiagnose',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					step: 'all',
					mode: 'sweep',
					org: { __rl: true, mode: 'list', value: '' },
					window: '1h',
				},
				credentials: { mistApi: MIST_CREDENTIAL },
			},
		],
		connections: { Start: { main: [[{ node: 'All Steps', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The shipped sub-workflows the sweep calls by id; n8n runs only their published version. */
export const SUB_WORKFLOWS = [
	{ file: 'alert-channels.json', id: 'wfAlertChannels' },
	{ file: 'client-triage-history.json', id: 'wfTriageHistory' },
];

/** A shipped workflow as is, its alert sink address moved to the benchmark's sink. */
export function shippedWorkflow(file: string, sinkUrl: string): WorkflowJson {
	const text = fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
	return JSON.parse(text.split(SHIPPED_SINK_URL).join(sinkUrl)) as WorkflowJson;
}

/**
 * The chain as shipped, but every step due on every run: its three runs come seconds apart, and
 * Check At Most Every would leave the 60 s and 120 s steps out of the second and third. A sweep
 * with every step is the one the ≤ 30 calls target is about.
 */
export function everyStepDue(workflow: WorkflowJson): WorkflowJson {
	for (const node of workflow.nodes as Array<{
		parameters?: { options?: Record<string, unknown> };
	}>) {
		const options = node.parameters?.options;
		if (options && 'checkEvery' in options) delete options.checkEvery;
	}
	return workflow;
}

export const chainWorkflows = (sinkUrl: string): WorkflowJson[] => [
	...SUB_WORKFLOWS.map((sub) => shippedWorkflow(sub.file, sinkUrl)),
	everyStepDue(shippedWorkflow('client-triage-sweep.json', sinkUrl)),
];

interface BaselineNode {
	name: string;
	parameters: { assignments?: { assignments: Array<{ name: string; value: unknown }> } };
}

/** The baseline as shipped, with its Config node set to the simulator's address and org. */
export function baselineWorkflow(config: { baseUrl: string; orgId: string }): WorkflowJson {
	const workflow = JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) as WorkflowJson;
	const node = (workflow.nodes as BaselineNode[]).find((entry) => entry.name === 'Config');
	const assignments = node?.parameters.assignments?.assignments ?? [];
	for (const key of ['baseUrl', 'orgId'] as const) {
		const assignment = assignments.find((entry) => entry.name === key);
		if (!assignment) throw new Error(`The baseline's Config node has no ${key}`);
		assignment.value = config[key];
	}
	return workflow;
}

/** The Header Auth credential of the baseline: `Authorization: Token <token>`. */
export function baselineCredential(token: string): CredentialToImport {
	return {
		...BASELINE_CREDENTIAL,
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: `Token ${token}` },
	};
}
