/**
 * Real `alarms` deliveries may carry no severity (Juniper's rogue-ap-detected sample): the trigger
 * looks it up by type in /const/alarm_defs with the node's credential, and says where it came from.
 */
import nock from 'nock';
import type { IDataObject } from 'n8n-workflow';

import { MistTrigger } from '../../../nodes/MistTrigger/MistTrigger.node';
import { forgetRecentEvents } from '../../../nodes/MistTrigger/actions/webhook';
import { forgetAlarmDefinitions } from '../../../nodes/MistTrigger/engine/definitionCache';
import { signBody } from '../../../nodes/MistTrigger/engine/signature';
import { LEAK_CANARY, MIST_TEST_URL, mistCredentials, SITE_ID } from '../../helpers/executeContext';
import { createWebhookContext, loggedText } from './contexts';

const SECRET = 'b2'.repeat(32);
const DEFINITIONS = [
	{
		key: 'rogue-ap-detected',
		display: 'Rogue AP',
		group: 'security',
		severity: 'warn',
		fields: [],
	},
	{
		key: 'device_down',
		display: 'Device offline',
		group: 'infrastructure',
		severity: 'critical',
		fields: [],
	},
];
const params = (filters: IDataObject = {}) => ({
	webhookRegistration: 'automatic',
	verifySignature: true,
	topics: ['alarms'],
	filters,
});
const rogue = (id: string) => ({
	id,
	type: 'rogue-ap-detected',
	aps: ['5c5b35000001'],
	bssids: ['00024a000001'],
	count: 16,
	last_seen: 1549068720,
	ssids: ['qwerty'],
	timestamp: 1549068202,
	update: true,
	site_id: SITE_ID,
});
const down = (id: string) => ({ ...rogue(id), type: 'device_down' });

async function deliver(
	events: IDataObject[],
	options: { filters?: IDataObject; credentials?: IDataObject | null; registration?: string } = {},
) {
	const body = JSON.stringify({ topic: 'alarms', events });
	const existing = options.registration === 'existing';
	const context = createWebhookContext({
		params: existing
			? { ...params(options.filters), webhookRegistration: 'existing', secret: SECRET }
			: params(options.filters),
		staticData: existing ? {} : { webhookSecret: SECRET },
		credentials: options.credentials === null ? undefined : mistCredentials,
		delivery: { body, headers: { 'x-mist-signature-v2': signBody(body, SECRET) } },
	});
	const result = await new MistTrigger().webhook.call(context.ctx);
	return { ...context, result, items: result.workflowData?.[0]?.map((item) => item.json) ?? [] };
}

const alarmDefs = () => nock(MIST_TEST_URL).get('/api/v1/const/alarm_defs');

describe('Mist Trigger › alarm severity lookup', () => {
	beforeEach(() => {
		forgetRecentEvents();
		forgetAlarmDefinitions();
		nock.disableNetConnect();
	});
	afterEach(() => {
		nock.cleanAll();
		nock.enableNetConnect();
	});

	it('filters severity-less alarms by the severity of their type, read once for many deliveries', async () => {
		const scope = alarmDefs().once().reply(200, DEFINITIONS);
		const first = await deliver([rogue('r1'), down('d1')], { filters: { minSeverity: 'major' } });
		expect(first.items).toEqual([
			expect.objectContaining({
				id: 'd1',
				severity: 'critical',
				group: 'infrastructure',
				severitySource: 'alarmDefinitions',
			}),
		]);
		const second = await deliver([rogue('r2')], { filters: { minSeverity: 'warn' } });
		expect(second.items).toEqual([
			expect.objectContaining({ id: 'r2', severity: 'warn', severitySource: 'alarmDefinitions' }),
		]);
		expect(scope.isDone()).toBe(true);
		expect(first.ctx.helpers.httpRequestWithAuthentication).toHaveBeenCalledWith(
			'mistApi',
			expect.objectContaining({
				method: 'GET',
				url: `${MIST_TEST_URL}/api/v1/const/alarm_defs`,
				timeout: 5000,
			}),
		);
		expect(second.ctx.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
	});

	it('reads nothing when every alarm names its severity and group', async () => {
		const { items, ctx } = await deliver([{ ...down('d1'), severity: 'minor', group: 'marvis' }], {
			filters: { minSeverity: 'major' },
		});
		expect(items).toEqual([]);
		expect(ctx.helpers.httpRequestWithAuthentication).not.toHaveBeenCalled();
	});

	it('keeps the alarm, severity unknown and the reason, when Mist fails to answer', async () => {
		alarmDefs().reply(503, { detail: 'Service Unavailable' });
		const { items, ctx } = await deliver([rogue('r1')], {
			filters: { minSeverity: 'critical', dropWithoutSeverity: true },
		});
		expect(items).toEqual([
			expect.objectContaining({
				id: 'r1',
				severity: 'unknown',
				severitySource: 'unknown',
				severityNote: expect.stringMatching(/\/const\/alarm_defs could not be read/),
			}),
		]);
		expect(ctx.logger.warn).toHaveBeenCalledWith(
			expect.stringContaining('could not read /const/alarm_defs'),
			expect.anything(),
		);
		expect(loggedText(ctx)).not.toContain(LEAK_CANARY);
		expect(JSON.stringify(items)).not.toContain(LEAK_CANARY);
	});

	it('keeps the alarm, severity unknown, when the answer is not a list of definitions', async () => {
		alarmDefs().reply(200, { detail: 'not what was asked' });
		const { items } = await deliver([rogue('r1')], { filters: { minSeverity: 'critical' } });
		expect(items).toEqual([
			expect.objectContaining({
				severitySource: 'unknown',
				severityNote: expect.stringContaining('not a list of alarm definitions'),
			}),
		]);
	});

	it('marks an alarm type Mist does not define as unknown', async () => {
		alarmDefs().reply(200, DEFINITIONS);
		const { items } = await deliver([{ ...rogue('n1'), type: 'brand_new_alarm' }]);
		expect(items).toEqual([
			expect.objectContaining({
				severity: 'unknown',
				severitySource: 'unknown',
				severityNote: 'Alarm type "brand_new_alarm" is not in /const/alarm_defs',
			}),
		]);
	});

	it('says the severity is unknown when the node has no Mist credential (existing webhook)', async () => {
		const { items } = await deliver([rogue('r1')], {
			registration: 'existing',
			credentials: null,
			filters: { minSeverity: 'critical' },
		});
		expect(items).toEqual([
			expect.objectContaining({
				severity: 'unknown',
				severitySource: 'unknown',
				severityNote: expect.stringContaining('no Mist API credential'),
			}),
		]);
	});
});
