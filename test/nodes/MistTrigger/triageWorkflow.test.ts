/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test runs the workflow's own JavaScript in a sandbox */
/**
 * The shipped webhook triage (workflows/mist-webhook-triage.json) routes real `device-updowns`
 * (device_type ap | switch | gateway, mac, device_name, reason): APs to AP Health triage, switches
 * and gateways to an Infrastructure sweep of their sites. The routing expression and Code nodes
 * are run here on real-shaped events, without n8n.
 */
import { runInNewContext } from 'vm';

import { edges, readWorkflow } from '../../workflows/workflowChecks';
import type { WorkflowNode } from '../../workflows/workflowChecks';

const workflow = readWorkflow('mist-webhook-triage.json');
const byName = new Map(workflow.nodes.map((node) => [node.name, node]));
const node = (name: string) => byName.get(name) as WorkflowNode;

const SITE_A = 'a3f61133-995d-46a7-a4d8-bff8283edfac';
const SITE_B = '4ac1dcf4-9d8b-7211-8000-000000000002';
type Event = Record<string, unknown>;

/** Real-shaped up/down (mist-lib's MistDeviceUpDowns, tmunzer/mwtt's reader). */
const updown = (deviceType: string, type: string, extra: Event = {}): Event => ({
	topic: 'device-updowns',
	org_id: '8111f07f-1ecf-48a2-a764-0c812d39ef3e',
	site_id: SITE_A,
	site_name: 'Iriz-401',
	device_type: deviceType,
	device_name: `${deviceType}-01`,
	mac: '5c5b350ed3a6',
	type,
	reason: 'device offline',
	timestamp: 1764064800,
	...extra,
});

/** Evaluates an n8n `={{ … }}` expression for one item's $json. */
function routeOf(event: Event): number {
	const expression = String(node('Route by topic').parameters.output);
	const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
	return runInNewContext(`(${body})`, { $json: event }) as number;
}

/** Runs a Code node's JavaScript on the given items, as n8n's "run once for all items". */
function runCode(name: string, events: Event[]): Event[] {
	const $input = { all: () => events.map((json) => ({ json })) };
	const code = String(node(name).parameters.jsCode);
	// A Code node's body may `return`: run it as the body of a function, as n8n does.
	const out = runInNewContext(`(() => {\n${code}\n})()`, { $input }) as Array<{ json: Event }>;
	return out.map((item) => item.json);
}

const targetsOf = (from: string, output: number) =>
	edges(workflow)
		.filter((edge) => edge.from === from && edge.output === output)
		.map((edge) => edge.to);

describe('workflows/mist-webhook-triage.json › device up/downs', () => {
	it.each([
		['an AP up/down', updown('ap', 'AP_DISCONNECTED', { ap: '5c5b350ed3a6' }), 0],
		[
			'an AP up/down of the spec shape (no device_type)',
			{ topic: 'device-updowns', type: 'AP_RESTARTED', ap: '5c5b350ed3a6' },
			0,
		],
		['a switch up/down', updown('switch', 'SW_DISCONNECTED'), 2],
		['a gateway up/down', updown('gateway', 'GW_DISCONNECTED'), 2],
		[
			'a switch up/down without device_type',
			{ topic: 'device-updowns', type: 'SW_RESTARTED', site_id: SITE_A },
			2,
		],
		['an alarm', { topic: 'alarms', type: 'rogue-ap-detected', aps: ['5c5b35000001'] }, 0],
		[
			'a switch device event (not an up/down)',
			{ topic: 'device-events', type: 'SW_PORT_DOWN', device_type: 'switch' },
			0,
		],
		['a client session', { topic: 'client-sessions', mac: 'aabbccddeeff' }, 1],
		['a NAC event', { topic: 'nac-events', mac: 'aabbccddeeff' }, 1],
	])('routes %s to output %i', (_label, event, output) => {
		expect(routeOf(event)).toBe(output);
	});

	it('sends output 0 to AP triage, 1 to client triage and 2 to the infrastructure check', () => {
		expect(node('Route by topic').parameters.numberOutputs).toBe(3);
		expect(targetsOf('Route by topic', 0)).toEqual(['APs in the events']);
		expect(targetsOf('Route by topic', 1)).toEqual(['Clients in the events']);
		expect(targetsOf('Route by topic', 2)).toEqual(['Sites of switch/gateway up/downs']);
		expect(targetsOf('Sites of switch/gateway up/downs', 0)).toEqual(['Check the infrastructure']);
		expect(edges(workflow).filter((edge) => edge.from === 'Check the infrastructure')).toEqual([
			{ from: 'Check the infrastructure', output: 0, to: 'Findings', input: 2 },
		]);
		expect(node('Findings').parameters.numberInputs).toBe(3);
	});

	it('checks the infrastructure of the sites named, once per delivery, as a Mist Diagnose sweep', () => {
		const check = node('Check the infrastructure');
		expect(check.type).toBe('n8n-nodes-juniper-mist.mistDiagnose');
		expect(check.parameters).toMatchObject({
			step: 'infrastructure',
			mode: 'sweep',
			options: { siteIds: '={{ $json.site_ids }}' },
		});
		const out = runCode('Sites of switch/gateway up/downs', [
			updown('switch', 'SW_DISCONNECTED'),
			updown('gateway', 'GW_DISCONNECTED', { site_id: SITE_B.toUpperCase(), mac: '020000000002' }),
			updown('switch', 'SW_RECONNECTED'),
		]);
		expect(out).toHaveLength(1);
		expect(String(out[0].site_ids).split(',')).toEqual([SITE_A, SITE_B]);
		expect(out[0].devices).toEqual(
			expect.arrayContaining([
				{
					mac: '5c5b350ed3a6',
					name: 'switch-01',
					type: 'switch',
					event: 'SW_DISCONNECTED',
					reason: 'device offline',
				},
				{
					mac: '020000000002',
					name: 'gateway-01',
					type: 'gateway',
					event: 'GW_DISCONNECTED',
					reason: 'device offline',
				},
			]),
		);
	});

	it('starts no sweep when no event names a site (an empty Site IDs would sweep the whole org)', () => {
		expect(
			runCode('Sites of switch/gateway up/downs', [
				updown('switch', 'SW_DISCONNECTED', { site_id: undefined }),
				updown('gateway', 'GW_DISCONNECTED', { site_id: 'not-a-site' }),
			]),
		).toEqual([]);
	});

	it('still triages the AP of a real AP up/down by its mac, without an "ap" field', () => {
		const out = runCode('APs in the events', [
			updown('ap', 'AP_DISCONNECTED', { mac: '5C:5B:35:0E:D3:A6' }),
		]);
		expect(out).toEqual([
			expect.objectContaining({ mac: '5c5b350ed3a6', site_id: SITE_A, event: 'AP_DISCONNECTED' }),
		]);
	});
});
