/**
 * Mist Alert's PagerDuty routing key comes from the "PagerDuty Events API (Mist Alert)" credential
 * and lands in the routing_key of Tier 3 PagerDuty bodies only: never in chat, email or resolved
 * items, never elsewhere in a Tier 3 item. Without a credential a page still goes out, without a
 * key and with a note; the old plain-text parameter still works for old workflows, with a warning.
 */
import omit from 'lodash/omit';
import { NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { MistPagerDutyEventsApi } from '../../../credentials/MistPagerDutyEventsApi.credentials';
import { PAGERDUTY_NOTES } from '../../../nodes/MistAlert/actions/pagerDutyKey';
import { MistAlert } from '../../../nodes/MistAlert/MistAlert.node';
import { createExecuteContext, serialise } from '../../helpers/executeContext';
import { apFinding, clientFinding, MIN, T0 } from './fixtures';

const TIER3 = 2;
const CANARY = 'pd-CANARY-0f9e8d7c6b5a49382716';
const LEGACY = 'pd-LEGACY-1a2b3c4d5e6f70819283';
const SELECTED = { mistPagerDutyEventsApi: { id: 'pd-1', name: 'PagerDuty Events API' } };

interface Setup {
	selected?: boolean;
	routingKey?: string;
	legacy?: string;
	failing?: boolean;
}

function context(setup: Setup, items: IDataObject[], staticData: IDataObject) {
	const ctx = createExecuteContext({
		params: {
			operation: 'evaluate',
			groupBy: ['site', 'rule'],
			options: { groupWaitSeconds: 0, firstRunDigest: false },
			...(setup.legacy !== undefined ? { pagerDutyRoutingKey: setup.legacy } : {}),
		},
		items: items.map((json) => ({ json })),
		staticData,
		credentials:
			setup.routingKey !== undefined
				? { mistPagerDutyEventsApi: { routingKey: setup.routingKey } }
				: {},
		node: {
			name: 'Mist Alert',
			type: 'n8n-nodes-juniper-mist.mistAlert',
			...(setup.selected ? { credentials: SELECTED } : {}),
		},
	});
	if (setup.failing)
		ctx.getCredentials.mockRejectedValue(
			new Error('Credential with ID "pd-1" does not exist for type "mistPagerDutyEventsApi".'),
		);
	return ctx;
}

/** A critical AP through its life: chat and email, a page 31 minutes on, then page and group resolve. */
async function lifecycle(setup: Setup) {
	let clock = T0;
	const spy = jest.spyOn(Date, 'now').mockImplementation(() => clock);
	const staticData: IDataObject = {};
	const critical = apFinding('aabbccddee71', 'critical');
	const minor = clientFinding(71);
	const runs: INodeExecutionData[][][] = [];
	const hints: unknown[] = [];
	try {
		for (const [minutes, findings] of [
			[0, [critical, minor]],
			[31, [critical, minor]],
			[40, []],
			[45, []],
		] as const) {
			clock = T0 + minutes * MIN;
			const ctx = context(
				setup,
				findings.length ? (findings as unknown as IDataObject[]) : [{}],
				staticData,
			);
			runs.push(await new MistAlert().execute.call(ctx));
			hints.push(...ctx.addExecutionHints.mock.calls.flat());
		}
	} finally {
		spy.mockRestore();
	}
	const items = runs.flatMap((outputs) =>
		outputs.flatMap((output, index) => output.map((item) => ({ output: index, json: item.json }))),
	);
	return { items, tier3: items.filter((item) => item.output === TIER3), hints };
}

const pagerDutyOf = (json: IDataObject) => json.pagerduty as IDataObject | null;

/** A Tier 3 item without `pagerduty.routing_key` (where else the key could hide); others whole. */
function outsideRoutingKey({ output, json }: { output: number; json: IDataObject }): IDataObject {
	const pagerduty = pagerDutyOf(json);
	if (output !== TIER3 || !pagerduty) return json;
	return { ...json, pagerduty: omit(pagerduty, 'routing_key') };
}

describe('Mist Alert › PagerDuty routing key', () => {
	it('from the credential: in the routing_key of every Tier 3 body, nowhere else', async () => {
		const { items, tier3, hints } = await lifecycle({ selected: true, routingKey: CANARY });
		expect(tier3.map((item) => item.json.notice)).toEqual(['page', 'resolved']);
		expect(new Set(items.map((item) => item.output))).toEqual(new Set([0, 1, 2, 3]));
		for (const item of tier3) {
			expect(pagerDutyOf(item.json)).toMatchObject({ routing_key: CANARY });
			expect(item.json.pagerdutyNote).toBeUndefined();
		}
		for (const item of items) {
			expect({ output: item.output, leaks: serialise(outsideRoutingKey(item)) }).toEqual({
				output: item.output,
				leaks: expect.not.stringContaining(CANARY),
			});
		}
		expect(hints).toEqual([]);
	});

	it('without a credential: Tier 3 bodies have no routing_key and the items say why', async () => {
		const { items, tier3, hints } = await lifecycle({});
		expect(tier3).toHaveLength(2);
		for (const item of tier3) {
			expect(pagerDutyOf(item.json)).not.toHaveProperty('routing_key');
			expect(pagerDutyOf(item.json)).toMatchObject({ dedup_key: expect.any(String) });
			expect(item.json.pagerdutyNote).toBe(PAGERDUTY_NOTES.missing);
		}
		const others = items.filter((item) => item.output !== TIER3);
		expect(others.length).toBeGreaterThan(0);
		expect(others.filter((item) => 'pagerdutyNote' in item.json)).toEqual([]);
		expect(hints).toEqual([]);
	});

	it('a selected credential that cannot be read does not stop chat and email; Tier 3 says so', async () => {
		const { items, tier3 } = await lifecycle({ selected: true, failing: true });
		expect(items.filter((item) => item.output === 0).length).toBeGreaterThan(0);
		expect(tier3[0].json.pagerdutyNote).toBe(
			PAGERDUTY_NOTES.unreadable(
				'Credential with ID "pd-1" does not exist for type "mistPagerDutyEventsApi".',
			),
		);
		expect(pagerDutyOf(tier3[0].json)).not.toHaveProperty('routing_key');
	});

	it('a credential with a blank key gives no routing_key and a note', async () => {
		const { tier3 } = await lifecycle({ selected: true, routingKey: '  ' });
		expect(tier3[0].json.pagerdutyNote).toBe(PAGERDUTY_NOTES.empty);
		expect(pagerDutyOf(tier3[0].json)).not.toHaveProperty('routing_key');
	});

	it('the deprecated parameter alone still pages, only in Tier 3, with a deprecation note and hint', async () => {
		const { items, tier3, hints } = await lifecycle({ legacy: LEGACY });
		for (const item of tier3) {
			expect(pagerDutyOf(item.json)).toMatchObject({ routing_key: LEGACY });
			expect(item.json.pagerdutyNote).toBe(PAGERDUTY_NOTES.legacyUsed);
		}
		for (const item of items) expect(serialise(outsideRoutingKey(item))).not.toContain(LEGACY);
		expect(hints).toHaveLength(4);
		expect(hints[0]).toEqual({
			message: PAGERDUTY_NOTES.legacyUsed,
			type: 'warning',
			location: 'outputPane',
		});
	});

	it('the credential wins over the deprecated parameter, whose key then appears nowhere', async () => {
		const { items, tier3, hints } = await lifecycle({
			selected: true,
			routingKey: CANARY,
			legacy: LEGACY,
		});
		for (const item of tier3) {
			expect(pagerDutyOf(item.json)).toMatchObject({ routing_key: CANARY });
			expect(item.json.pagerdutyNote).toBe(PAGERDUTY_NOTES.legacyIgnored);
		}
		expect(items.some((item) => serialise(item.json).includes(LEGACY))).toBe(false);
		expect(hints).toEqual(
			Array(4).fill(expect.objectContaining({ message: PAGERDUTY_NOTES.legacyIgnored })),
		);
	});
});

describe('Mist Alert › PagerDuty credential and parameters as n8n resolves them', () => {
	const description = new MistAlert().description;
	const node = { name: 'Mist Alert', type: 'mistAlert', typeVersion: 1, parameters: {} };
	const resolve = (parameters: IDataObject) =>
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters as never,
			false,
			false,
			node as never,
			description,
		) as IDataObject;

	it('declares the credential as optional, under a name apart from n8n’s pagerDutyApi', () => {
		// The other entry is the shared memory's (sharedMemory.test.ts).
		expect(description.credentials?.filter((entry) => /pagerduty/i.test(entry.name))).toEqual([
			{ name: 'mistPagerDutyEventsApi', required: false, testedBy: 'testPagerDutyRoutingKey' },
		]);
		const credential = new MistPagerDutyEventsApi();
		expect(credential.name).toBe('mistPagerDutyEventsApi');
		expect(credential.properties).toEqual([
			expect.objectContaining({
				name: 'routingKey',
				type: 'string',
				typeOptions: { password: true },
				required: true,
			}),
		]);
	});

	it('a new node has no key parameter; an old workflow keeps its key, so the node can warn', () => {
		expect(resolve({ operation: 'evaluate' })).not.toHaveProperty('pagerDutyRoutingKey');
		expect(resolve({ operation: 'evaluate', pagerDutyRoutingKey: LEGACY })).toMatchObject({
			pagerDutyRoutingKey: LEGACY,
		});
	});

	it.each([
		['a 32-character integration key', 'e93facc04764012d7bfb002500d5d1a6', 'OK'],
		['a key with spaces around it', '  R0123456789abcdefABCDEF012345678  ', 'OK'],
		['a short key', 'abc123', 'Error'],
		['a REST API token instead', 'u+abcdefghijklmnopqrs', 'Error'],
		['an empty key', '', 'Error'],
	])(
		'the credential test accepts %s only when shaped right, and never echoes it',
		async (_what, key, status) => {
			const test = new MistAlert().methods.credentialTest.testPagerDutyRoutingKey;
			const result = await test.call({} as never, {
				id: 'pd',
				name: 'PagerDuty Events API',
				type: 'mistPagerDutyEventsApi',
				data: { routingKey: key },
			});
			expect(result.status).toBe(status);
			if (key.trim()) expect(result.message).not.toContain(key.trim());
		},
	);
});
