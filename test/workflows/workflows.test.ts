/**
 * Static checks of every shipped workflow (workflows/*.json), without n8n: it imports as it is
 * (required fields, unique names, connections between existing nodes, node types and versions
 * that exist in this package and in both supported n8n versions), holds no secrets, and keeps
 * remediation safe (dry run on, RRM limited to TX power).
 */
import {
	edges,
	packageNodeVersions,
	PACKAGE_NAME,
	readWorkflow,
	secretsIn,
	workflowFiles,
} from './workflowChecks';
import type { Workflow, WorkflowNode } from './workflowChecks';

const FILES = workflowFiles();
const WORKFLOWS = FILES.map((file) => ({ file, workflow: readWorkflow(file) }));
const DEMO_CREDENTIALS: Record<string, { id: string; name: string }> = {
	mistApi: { id: 'demoMistAccount1', name: 'Mist account' },
	ciscoIseApi: { id: 'demoCiscoIse0001', name: 'Cisco ISE' },
	smtp: { id: 'demoSmtpSink0001', name: 'Alert email (SMTP)' },
	mistPagerDutyEventsApi: { id: 'demoPagerDuty001', name: 'PagerDuty Events API' },
	mistSharedMemoryApi: { id: 'demoSharedMemory', name: 'n8n shared memory' },
};
const STICKY = 'n8n-nodes-base.stickyNote';
const REMEDIATE = `${PACKAGE_NAME}.mistRemediate`;
const ALERT = `${PACKAGE_NAME}.mistAlert`;
const DIAGNOSE = `${PACKAGE_NAME}.mistDiagnose`;
/** A note longer than this no longer reads at a glance on the canvas. */
const NOTE_MAX_CHARS = 700;
/** Nodes that deliver alerts: an unconfigured channel must not fail the run. */
const CHANNEL_TYPES = ['n8n-nodes-base.httpRequest', 'n8n-nodes-base.emailSend'];

const realNodes = (workflow: Workflow) => workflow.nodes.filter((node) => node.type !== STICKY);

it.each([
	[
		'a Slack webhook URL',
		{ url: 'https://hooks.slack.com/services/T000/B000/abcdefabcdef' },
		'url: Slack webhook',
	],
	[
		'an inline password',
		{ parameters: { password: 'hunter2' } },
		'parameters.password: a value under a secret-like key',
	],
	[
		'a bearer token in a header',
		{ value: 'Bearer abcdefghijklmnopqrstuvwxyz' },
		'value: bearer or token header',
	],
	[
		'a long random key',
		{ key: 'k'.repeat(10) + '0123456789abcdef0123456789abcdef' },
		'key: long random string',
	],
	[
		'a PagerDuty integration key anywhere',
		{ text: 'page with e93facc04764012d7bfb002500d5d1a6 please' },
		'text: PagerDuty routing key',
	],
	[
		'a routing key written into a PagerDuty body expression',
		{ jsonBody: "={{ JSON.stringify({ ...$json.pagerduty, routing_key: 'R0utingKey-abc' }) }}" },
		'jsonBody: routing key literal',
	],
])('the secret scan finds %s', (_what, sample, finding) => {
	expect(secretsIn(sample)).toContain(finding);
});

it('the secret scan leaves expressions, placeholders and UUIDs alone', () => {
	expect(
		secretsIn({
			password: '={{ $json.password }}',
			routing_key: '',
			webhookId: '6c1f3b52-8d7e-4a90-b2c4-1e5f7a9d3c20',
			text: 'set-in-mist-alert',
		}),
	).toEqual([]);
});

const CALLS = WORKFLOWS.flatMap(({ file, workflow }) =>
	workflow.nodes
		.filter((node) => node.type === 'n8n-nodes-base.executeWorkflow')
		.map((node) => ({
			file,
			caller: workflow,
			node,
			calleeId: String((node.parameters.workflowId as { value?: string } | undefined)?.value ?? ''),
		})),
);
const shipped = (id: string) => WORKFLOWS.find(({ workflow }) => workflow.id === id);

it('lists a called workflow before its caller, so the demo publishes the callee first', () => {
	const order = WORKFLOWS.map(({ workflow }) => workflow.id);
	for (const { caller, calleeId: callee } of CALLS) {
		expect({
			caller: caller.id,
			callee,
			calleeFirst: order.indexOf(callee) >= 0 && order.indexOf(callee) < order.indexOf(caller.id),
		}).toEqual({ caller: caller.id, callee, calleeFirst: true });
	}
});

it('calls shipped sub-workflows by database id, and each caller names the file it needs in a sticky note', () => {
	expect(CALLS.length).toBeGreaterThan(0);
	for (const { caller, node, calleeId } of CALLS) {
		const callee = shipped(calleeId);
		const notes = caller.nodes
			.filter((entry) => entry.type === STICKY)
			.map((note) => String(note.parameters.content));
		expect({
			caller: caller.id,
			node: node.name,
			source: node.parameters.source,
			waits:
				(node.parameters.options as { waitForSubWorkflow?: boolean } | undefined)
					?.waitForSubWorkflow ?? true,
			calleeStarts: callee?.workflow.nodes.some(
				(entry) => entry.type === 'n8n-nodes-base.executeWorkflowTrigger',
			),
			named: notes.some(
				(content) =>
					content.includes(callee?.file ?? calleeId) ||
					content.includes(callee?.workflow.name ?? calleeId),
			),
		}).toEqual({
			caller: caller.id,
			node: node.name,
			source: 'database',
			waits: true,
			calleeStarts: true,
			named: true,
		});
	}
});

it('keeps incident state per workflow: no called workflow holds a Mist Alert node, and every alert tier is delivered', () => {
	const called = new Set(CALLS.map((call) => call.calleeId));
	const alerting = WORKFLOWS.filter(({ workflow }) =>
		workflow.nodes.some((node) => node.type === ALERT),
	);
	expect(alerting.length).toBeGreaterThan(1);
	for (const { workflow } of alerting) {
		expect({ workflow: workflow.id, called: called.has(workflow.id) }).toEqual({
			workflow: workflow.id,
			called: false,
		});
		// Get Incidents (e.g. the dashboard's Open Incidents) reads incidents and sends no notice.
		const evaluating = workflow.nodes.filter(
			(entry) => entry.type === ALERT && (entry.parameters.operation ?? 'evaluate') === 'evaluate',
		);
		for (const node of evaluating) {
			// Tier 1 chat, Tier 2 email, Tier 3 pager and Resolved: a notice left unconnected is never sent.
			const delivered = [0, 1, 2, 3].map((output) =>
				edges(workflow).some((edge) => edge.from === node.name && edge.output === output),
			);
			expect({ workflow: workflow.id, node: node.name, delivered }).toEqual({
				workflow: workflow.id,
				node: node.name,
				delivered: [true, true, true, true],
			});
		}
	}
});

it('keeps every Alert, Remediate and Trigger memory, and the sweep cache of Diagnose next to them, in the one shared store, so the sweeps share incidents, cooldowns and the site list', () => {
	const remembering = [ALERT, REMEDIATE, `${PACKAGE_NAME}.mistTrigger`];
	// Diagnose caches in the shared store wherever its workflow already needs the credential.
	const usesSharedMemory = (workflow: Workflow) =>
		workflow.nodes.some((node) => node.type !== DIAGNOSE && node.parameters.memory === 'shared');
	const nodes = WORKFLOWS.flatMap(({ file, workflow }) =>
		workflow.nodes
			.filter(
				(node) =>
					remembering.includes(node.type) || (node.type === DIAGNOSE && usesSharedMemory(workflow)),
			)
			.map((node) => ({ file, node: node.name, type: node.type, raw: node })),
	);
	// The two sweeps run the same AP and RF steps: before, each paged on its own.
	expect(nodes.map((entry) => entry.file)).toEqual(
		expect.arrayContaining(['ap-health-rf-sweep.json', 'client-triage-sweep.json']),
	);
	expect(
		[...new Set(nodes.filter(({ type }) => type === DIAGNOSE).map(({ file }) => file))].sort(),
	).toEqual([
		'ap-health-rf-sweep.json',
		'client-triage-sweep.json',
		'daily-weekly-reports.json',
		'mist-webhook-triage.json',
		'network-health-dashboard.json',
	]);
	for (const { file, node, raw } of nodes)
		expect({
			file,
			node,
			memory: raw.parameters.memory,
			namespace: raw.parameters.memoryNamespace ?? 'default',
			credential: raw.credentials?.mistSharedMemoryApi,
		}).toEqual({
			file,
			node,
			memory: 'shared',
			namespace: 'default',
			credential: DEMO_CREDENTIALS.mistSharedMemoryApi,
		});
});

it('ships the flowchart workflows', () => {
	const ids = WORKFLOWS.map(({ workflow }) => workflow.id);
	expect(ids).toEqual(
		expect.arrayContaining([
			'wfClientTriageSweep',
			'wfMistWebhookTriage',
			'wfApHealthRfSweep',
			'wfDailyWeeklyReports',
			'wfClientTroubleshoot',
			'wfTroubleshootForm',
			'wfSelfHealthCheck',
		]),
	);
	expect(new Set(ids).size).toBe(ids.length);
});

describe.each(FILES)('workflows/%s', (file) => {
	const workflow = readWorkflow(file);
	const names = workflow.nodes.map((node) => node.name);
	const packageTypes = packageNodeVersions();

	it('has the fields n8n needs to import and run it', () => {
		expect(workflow.id).toMatch(/^[A-Za-z0-9]{1,21}$/);
		expect(typeof workflow.name).toBe('string');
		expect(workflow.name.length).toBeGreaterThan(0);
		expect(Array.isArray(workflow.nodes)).toBe(true);
		expect(typeof workflow.connections).toBe('object');
		expect(workflow.settings?.executionOrder).toBe('v1');
		for (const node of workflow.nodes) {
			expect({
				node: node.name,
				id: typeof node.id,
				type: typeof node.type,
				version: typeof node.typeVersion,
				parameters: typeof node.parameters,
			}).toEqual({
				node: node.name,
				id: 'string',
				type: 'string',
				version: 'number',
				parameters: 'object',
			});
			expect(node.position).toEqual([expect.any(Number), expect.any(Number)]);
		}
	});

	it('has unique node names and ids, and connections between existing nodes', () => {
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(workflow.nodes.map((node) => node.id)).size).toBe(workflow.nodes.length);
		for (const edge of edges(workflow)) {
			expect({ edge, from: names.includes(edge.from), to: names.includes(edge.to) }).toEqual({
				edge,
				from: true,
				to: true,
			});
		}
		const connected = new Set(edges(workflow).flatMap((edge) => [edge.from, edge.to]));
		for (const node of realNodes(workflow))
			expect({ node: node.name, connected: connected.has(node.name) }).toEqual({
				node: node.name,
				connected: true,
			});
	});

	it('uses node types of this package with their versions', () => {
		for (const node of workflow.nodes.filter((entry) =>
			entry.type.startsWith(`${PACKAGE_NAME}.`),
		)) {
			expect({
				node: node.name,
				type: node.type,
				versions: packageTypes.get(node.type)?.includes(node.typeVersion),
			}).toEqual({ node: node.name, type: node.type, versions: true });
		}
		for (const node of workflow.nodes)
			expect(node.type).toMatch(new RegExp(`^(${PACKAGE_NAME}|n8n-nodes-base)\\.\\w+$`));
	});

	it('holds no secrets: credentials are references to the demo credentials', () => {
		expect(secretsIn(workflow.nodes.map((node) => ({ ...node, credentials: undefined })))).toEqual(
			[],
		);
		for (const node of workflow.nodes) {
			for (const [type, reference] of Object.entries(node.credentials ?? {})) {
				// A reference is an id and a name, nothing else; the three the demo imports have fixed ones.
				const expected = DEMO_CREDENTIALS[type] ?? {
					id: expect.any(String),
					name: expect.any(String),
				};
				expect({ node: node.name, type, reference }).toEqual({
					node: node.name,
					type,
					reference: expected,
				});
			}
		}
	});

	it('explains itself in short sticky notes and has a tidy layout without overlapping nodes', () => {
		const notes = workflow.nodes.filter((node) => node.type === STICKY);
		expect(notes.length).toBeGreaterThan(0);
		for (const note of notes) {
			const length = String(note.parameters.content ?? '').length;
			expect({
				note: note.name,
				length,
				readable: length > 40 && length <= NOTE_MAX_CHARS,
			}).toEqual({ note: note.name, length, readable: true });
		}
		const nodes = realNodes(workflow);
		for (let i = 0; i < nodes.length; i++) {
			for (let j = i + 1; j < nodes.length; j++) {
				const [a, b] = [nodes[i], nodes[j]];
				const overlap =
					Math.abs(a.position[0] - b.position[0]) < 180 &&
					Math.abs(a.position[1] - b.position[1]) < 100;
				expect({ a: a.name, b: b.name, overlap }).toEqual({ a: a.name, b: b.name, overlap: false });
			}
		}
		// Notes sit beside the nodes, not on them (a node is drawn about 100 × 100 from its position).
		for (const note of notes) {
			const [x, y] = note.position;
			const [width, height] = [
				Number(note.parameters.width ?? 240),
				Number(note.parameters.height ?? 160),
			];
			for (const node of nodes) {
				const covered =
					node.position[0] < x + width &&
					node.position[0] + 100 > x &&
					node.position[1] < y + height &&
					node.position[1] + 100 > y;
				expect({ note: note.name, node: node.name, covered }).toEqual({
					note: note.name,
					node: node.name,
					covered: false,
				});
			}
		}
		// Left to right: every connection goes rightwards.
		const at = new Map(nodes.map((node) => [node.name, node.position[0]]));
		for (const edge of edges(workflow))
			expect({ edge, rightwards: (at.get(edge.to) ?? 0) > (at.get(edge.from) ?? 0) }).toEqual({
				edge,
				rightwards: true,
			});
		// A merge is fed top to bottom: input 1 from the highest node, and so on, so its wires do not cross.
		const height = new Map(nodes.map((node) => [node.name, node.position[1]]));
		for (const merge of nodes.filter((node) => node.type === 'n8n-nodes-base.merge')) {
			const feeders = edges(workflow)
				.filter((edge) => edge.to === merge.name)
				.sort((a, b) => a.input - b.input);
			const heights = feeders.map((edge) => height.get(edge.from) ?? 0);
			expect({
				merge: merge.name,
				feeders: feeders.map((edge) => edge.from),
				topToBottom: heights.every((y, index) => index === 0 || y > heights[index - 1]),
			}).toEqual({
				merge: merge.name,
				feeders: feeders.map((edge) => edge.from),
				topToBottom: true,
			});
		}
	});

	it('does not fail the run when an alert channel is not configured, and posts to loopback by default', () => {
		for (const node of workflow.nodes.filter((entry) => CHANNEL_TYPES.includes(entry.type))) {
			expect({ node: node.name, onError: node.onError }).toEqual({
				node: node.name,
				onError: 'continueRegularOutput',
			});
			if (node.type === 'n8n-nodes-base.httpRequest')
				expect({ node: node.name, url: node.parameters.url }).toEqual({
					node: node.name,
					url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
				});
		}
	});

	it('keeps every remediation a dry run, with RRM limited to TX power', () => {
		const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
		for (const node of workflow.nodes.filter((entry) => entry.type === REMEDIATE)) {
			expect({ node: node.name, dryRun: node.parameters.dryRun }).toEqual({
				node: node.name,
				dryRun: true,
			});
			const operation = node.parameters.operation ?? 'fromFinding';
			if (operation === 'rrmOptimize')
				expect({ node: node.name, txPowerOnly: node.parameters.txPowerOnly ?? true }).toEqual({
					node: node.name,
					txPowerOnly: true,
				});
			const allowed = node.parameters.allowedOperations as string[] | undefined;
			if (
				operation === 'fromFinding' &&
				(allowed === undefined || allowed.includes('rrmOptimize'))
			) {
				// Findings may recommend channel changes: a Code node in front forces txpower_only.
				const feeders = edges(workflow)
					.filter((edge) => edge.to === node.name)
					.map((edge) => byName.get(edge.from) as WorkflowNode);
				expect(feeders.length).toBeGreaterThan(0);
				for (const feeder of feeders) {
					expect({
						node: node.name,
						feeder: feeder.name,
						forcesTxPower: /txpower_only: true/.test(String(feeder.parameters.jsCode ?? '')),
					}).toEqual({
						node: node.name,
						feeder: feeder.name,
						forcesTxPower: true,
					});
				}
			}
		}
	});
});

it('shipped Mist Triggers keep no webhook secret in the workflow: no Secret parameter, no static data', () => {
	const triggers = WORKFLOWS.flatMap(({ file, workflow }) =>
		workflow.nodes
			.filter((node) => node.type === 'n8n-nodes-juniper-mist.mistTrigger')
			.map((node) => ({ file, workflow, node })),
	);
	expect(triggers.map(({ file }) => file)).toContain('mist-webhook-triage.json');
	for (const { file, workflow, node } of triggers) {
		expect({ file, secret: node.parameters.secret ?? '' }).toEqual({ file, secret: '' });
		expect({ file, staticData: (workflow as { staticData?: unknown }).staticData ?? null }).toEqual(
			{
				file,
				staticData: null,
			},
		);
		// Registered automatically, the secret is derived from the Mist API credential it names.
		expect(node.parameters.webhookRegistration).toBe('automatic');
		expect(node.credentials).toEqual({
			mistApi: expect.objectContaining({ id: expect.any(String) }),
			mistSharedMemoryApi: DEMO_CREDENTIALS.mistSharedMemoryApi,
		});
	}
});
