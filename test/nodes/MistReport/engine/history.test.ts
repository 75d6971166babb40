import { omit } from 'lodash';
import type { IDataObject } from 'n8n-workflow';

import { buildReport } from '../../../../nodes/MistReport/engine/aggregate';
import { classifyReportItem, findingRecord } from '../../../../nodes/MistReport/engine/classify';
import {
	decodeEntity,
	encodeEntity,
	fromHistoryRow,
	HISTORY_COLUMNS,
} from '../../../../nodes/MistReport/engine/history';
import { toHistoryRows } from '../../../../nodes/MistReport/engine/historyRows';
import type { HistoryRow, ReportRecord } from '../../../../nodes/MistReport/engine/types';
import { apFinding, clientFinding } from '../../MistAlert/fixtures';
import {
	allInputs,
	currentFindings,
	END,
	metricSnapshots,
	OPTIONS,
	previousFindings,
} from '../fixtures';

function rowsOf(json: IDataObject, timezone = 'UTC'): HistoryRow[] {
	const result = toHistoryRows(json, timezone);
	if ('error' in result) throw new Error(result.error);
	return result.rows;
}

function recordsOf(json: IDataObject): ReportRecord[] {
	const result = classifyReportItem(json);
	if ('error' in result) throw new Error(result.error);
	return result.records;
}

describe('Mist Report › history rows', () => {
	it('flattens a finding into one row with every column', () => {
		const finding = { ...apFinding('aabbccddee01'), lastSeen: '2026-11-24T23:30:00.000Z' };
		const [row] = rowsOf(finding as unknown as IDataObject);
		expect(Object.keys(row).sort()).toEqual([...HISTORY_COLUMNS].sort());
		expect(row).toEqual({
			kind: 'finding',
			period: '2026-11-24',
			site_id: finding.scope.site_id,
			site_name: 'HQ',
			rule: 'ap_offline',
			severity: 'critical',
			metric: 'ap:aabbccddee01:AP-ee01',
			value: 1,
			timestamp: '2026-11-24T23:30:00.000Z',
			fingerprint: finding.fingerprint,
		});
		expect(rowsOf(finding as unknown as IDataObject, 'Europe/Paris')[0].period).toBe('2026-11-25');
	});

	it('flattens a metric snapshot into one row per numeric metric', () => {
		const rows = rowsOf({
			site_id: 's1',
			site_name: 'HQ',
			timestamp: 1764072000,
			metrics: { sle_coverage: 0.95, num_clients: '42', note: 'x', empty: null },
		});
		expect(rows.map((row) => [row.kind, row.metric, row.value, row.timestamp])).toEqual([
			['metric', 'sle_coverage', 0.95, '2025-11-25T12:00:00.000Z'],
			['metric', 'num_clients', 42, '2025-11-25T12:00:00.000Z'],
		]);
	});

	it.each([
		['client with hostname', { level: 'client', id: '001122334455', name: 'laptop:7' }],
		['AP without name', { level: 'ap', id: 'aabbccddeeff' }],
		['switch port', { level: 'switch_port', id: 'aabbccddeeff/ge-0/0/1' }],
	])('encodes and decodes an entity: %s', (_name, entity) => {
		expect(decodeEntity(encodeEntity(entity))).toEqual(entity);
	});

	it('round-trips findings and metrics through rows (as a Data Table returns them)', () => {
		const inputs = [...currentFindings(), clientFinding(4)] as unknown as IDataObject[];
		for (const json of inputs) {
			const back = rowsOf(json).flatMap((row) =>
				recordsOf({
					...row,
					id: 7,
					createdAt: '2026-11-25T00:00:00Z',
					value: String(row.value),
				} as IDataObject),
			);
			// Everything a report counts, not the client measurements (history rows keep none).
			const withoutClients = recordsOf(json).map((record) => omit(record, 'clients'));
			expect(back).toEqual(withoutClients);
		}
		const snapshot = metricSnapshots()[0];
		expect(rowsOf(snapshot).flatMap((row) => recordsOf(row as unknown as IDataObject))).toEqual(
			recordsOf(snapshot),
		);
	});

	it('a report from history rows equals the report from the original items', () => {
		const historic = [...currentFindings(), ...previousFindings()]
			.map((finding) => finding as unknown as IDataObject)
			.concat(metricSnapshots());
		const others = allInputs().slice(historic.length);
		const fromItems = buildReport([...historic, ...others].flatMap(recordsOf), OPTIONS);
		const rows = historic.flatMap((json) => rowsOf(json));
		const fromRows = buildReport(
			[...rows.map((row) => row as unknown as IDataObject), ...others].flatMap(recordsOf),
			OPTIONS,
		);
		// History rows keep no client measurements: the worst clients come from the items only.
		const { worstClients, ...fromItemsFigures } = fromItems;
		expect(fromRows).toEqual({ ...fromItemsFigures, worstClients: [] });
		expect(worstClients.map((row) => row.mac)).toContain('001122000003');
		expect(fromRows.summary.findings.current).toBe(5);
		expect(findingRecord(currentFindings()[0]).entity).toEqual({
			level: 'client',
			id: '001122000001',
		});
	});

	it.each([
		[
			'a remediation record',
			{ operation: 'ping', decision: 'executed', timestamp: END },
			'To History Rows takes findings and metric snapshots, not a remediation record',
		],
		[
			'a row',
			{ kind: 'metric', period: '2026-11-25', metric: 'x', value: 1, timestamp: END },
			'Already a history row',
		],
		[
			'a snapshot without site_id',
			{ metrics: { a: 1 }, timestamp: END },
			'Not a metric snapshot: "site_id" is required',
		],
	])('refuses %s', (_name, json, message) => {
		expect(toHistoryRows(json as IDataObject, 'UTC')).toEqual({
			error: expect.stringContaining(message),
		});
	});

	it.each([
		['bad value', { value: 'abc' }, 'Not a history row: "value" "abc" is not a number'],
		[
			'bad timestamp',
			{ timestamp: 'soon' },
			'Not a history row: "timestamp" "soon" is not a date-time',
		],
		[
			'finding row without fingerprint',
			{ fingerprint: '' },
			'Not a history row: "fingerprint" is required for a finding row',
		],
	])('names the bad column of a row: %s', (_name, patch, message) => {
		const [row] = rowsOf(clientFinding(5) as unknown as IDataObject);
		expect(fromHistoryRow({ ...row, ...patch })).toEqual({ error: message });
	});
});

describe('Mist Report › remediation records', () => {
	it.each([
		[
			'short form',
			{
				operation: 'ping',
				target: 'aabbccddeeff',
				decision: 'executed',
				result: 'success',
				timestamp: 1764072000,
			},
			{ decision: 'executed', result: 'success', target: 'aabbccddeeff' },
		],
		[
			'Mist Remediate audit record',
			{
				status: 'failed',
				operation: 'restartDevice',
				at: '2025-11-25T12:00:00.000Z',
				target: { site_id: 's', site_name: 'HQ', device_names: ['AP-1'] },
				guardrail: { decision: 'allowed', rule: null },
				result: null,
			},
			{ decision: 'allowed', result: 'failed', target: 'HQ AP-1' },
		],
		[
			'dry run audit',
			{
				status: 'dry-run',
				operation: 'bouncePort',
				at: '2025-11-25T12:00:00.000Z',
				guardrail: { decision: 'allowed' },
			},
			{ result: 'dry-run' },
		],
	])('reads the %s', (_name, json, expected) => {
		const result = classifyReportItem(json as IDataObject);
		expect(result).toEqual({
			records: [
				expect.objectContaining({
					kind: 'remediation',
					timestamp: Date.parse('2025-11-25T12:00:00.000Z'),
					...expected,
				}),
			],
		});
	});
});
