/* eslint-disable @n8n/community-nodes/no-restricted-imports -- a test of a script: it writes a temporary benchmark.json */
/**
 * The rules throughput benchmark measures what it says: deterministic data with ~10 % of each
 * step's records breaching the default thresholds, every record counted, and the rules really run
 * on it (a record planted on its own becomes a finding).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { STEPS } from '../../nodes/shared/findings/types';
import type { DiagnosisStep, Finding } from '../../nodes/shared/findings/types';
import type { RadioBandStat } from '../../nodes/shared/schemas/mist.schemas';
import { DEFAULT_THRESHOLDS } from '../../nodes/MistDiagnose/rules';
import {
	formatRulesTable,
	generateRulesData,
	measureRulesThroughput,
	measureStep,
	runStepRules,
} from '../../scripts/bench/rulesThroughput';
import type { RulesScale } from '../../scripts/bench/rulesThroughput';
import { rulesOnlyRequested, writeRulesOnly } from '../../scripts/bench/rulesSection';
import type { RulesThroughputReport } from '../../scripts/bench/rulesSection';

const SMALL: RulesScale = { clients: 2_000, aps: 200, sites: 20 };
const data = generateRulesData(SMALL, 7);

/** What each step is given, counted from the generated org itself. */
function expectedRecords(step: DiagnosisStep): number {
	const input = data.inputs[step] as { events?: unknown[]; deviceEvents?: unknown[] };
	const events = (input.events?.length ?? 0) + (input.deviceEvents?.length ?? 0);
	const byStep: Record<DiagnosisStep, number> = {
		association: data.clients.length + events,
		authentication: data.clients.length + events,
		dhcp: data.clients.length + data.switches.length + events,
		client_health: data.clients.length + data.aps.length,
		ap_health: data.aps.length + data.switches.length + events,
		rf_environment: data.aps.length,
		infrastructure: data.clients.length + events,
	};
	return byStep[step];
}

const mentions = (finding: Finding, mac: string) =>
	finding.scope.client_mac === mac ||
	finding.scope.ap_mac === mac ||
	(finding.evidence.sampleMacs ?? []).includes(mac);

describe('rules throughput data', () => {
	it('is the same for the same seed and differs for another', () => {
		const again = generateRulesData(SMALL, 7);
		expect(JSON.stringify(again.inputs)).toBe(JSON.stringify(data.inputs));
		const other = generateRulesData(SMALL, 8);
		expect(JSON.stringify(other.inputs)).not.toBe(JSON.stringify(data.inputs));
	});

	it('has the scale asked for', () => {
		expect(data.clients).toHaveLength(2_000);
		expect(data.aps).toHaveLength(200);
		expect(data.inputs.client_health.sites).toHaveLength(20);
	});

	it('has about 10 % of each step’s records breaching', () => {
		for (const step of STEPS) {
			const { breaching, of } = data.breaching[step];
			expect({ step, share: breaching / of }).toEqual({ step, share: expect.closeTo(0.1, 1) });
		}
	});

	it('breaches the real default thresholds in that share (client signal and AP radios counted afresh)', () => {
		const t = DEFAULT_THRESHOLDS;
		const retries = (retried?: number | null, packets?: number | null) =>
			((retried ?? 0) / (packets ?? 1)) * 100;
		const weakClients = data.clients.filter(
			(client) =>
				(client.rssi as number) < t.rssiDataDbm.warn ||
				(client.snr as number) < t.snrDb.warn ||
				retries(client.tx_retries, client.tx_pkts) > t.retriesPercent.warn ||
				retries(client.rx_retries, client.rx_pkts) > t.retriesPercent.warn,
		);
		expect(weakClients.length).toBe(data.breaching.client_health.breaching);
		const busyAps = data.aps.filter((ap) =>
			(Object.values(ap.radio_stat ?? {}) as Array<RadioBandStat | null | undefined>).some(
				(radio) =>
					!!radio &&
					((radio.util_all ?? 0) > t.channelUtilPercent.warn ||
						(radio.noise_floor ?? -100) > t.noiseFloorDbm.warn ||
						(radio.util_non_wifi ?? 0) > t.nonWifiUtilPercent.warn),
			),
		);
		expect(busyAps.length).toBe(data.breaching.rf_environment.breaching);
		const dhcpFailing = new Set(data.inputs.dhcp.events?.map((event) => event.mac));
		expect(dhcpFailing.size).toBe(data.breaching.dhcp.breaching);
	});
});

describe('measureRulesThroughput', () => {
	const throughput = measureRulesThroughput(SMALL, 7);

	it('measures every step on all of its records and reports findings and a rate', () => {
		expect(throughput.steps.map((step) => step.step)).toEqual([...STEPS]);
		for (const measured of throughput.steps) {
			expect({ step: measured.step, records: measured.records }).toEqual({
				step: measured.step,
				records: expectedRecords(measured.step),
			});
			expect(measured.findings).toBeGreaterThan(0);
			expect(measured.ms).toBeGreaterThanOrEqual(0);
			expect(measured.recordsPerSecond).toBeGreaterThan(0);
			expect(measured.meetsTarget).toBe(measured.recordsPerSecond >= 200_000);
		}
	});

	it('reports the breaching share of each step', () => {
		for (const step of STEPS) {
			const share = throughput.breachingShare[step];
			expect({ step, share }).toEqual({ step, share: expect.closeTo(0.1, 1) });
		}
	});

	it.each([...STEPS])('runs the %s rules on the data: the planted record is a finding', (step) => {
		const planted = data.planted[step];
		const findings = runStepRules(data, step).findings;
		expect(findings.filter((finding) => mentions(finding, planted)).length).toBeGreaterThan(0);
		// Its finding is its own: it stands alone on the first site.
		expect(
			findings.some(
				(finding) => finding.scope.client_mac === planted || finding.scope.ap_mac === planted,
			),
		).toBe(true);
	});

	it('counts the findings of the run it times', () => {
		const measured = measureStep(data, 'client_health');
		expect(measured.findings).toBe(runStepRules(data, 'client_health').findings.length);
	});
});

describe('formatRulesTable', () => {
	it('prints a row for every step with its figures and whether it meets 200k/s', () => {
		const table = formatRulesTable({
			scale: SMALL,
			seed: 7,
			breachingShare: Object.fromEntries(STEPS.map((step) => [step, 0.1])) as Record<
				DiagnosisStep,
				number
			>,
			steps: STEPS.map((step, index) => ({
				step,
				records: 110_000 + index,
				findings: 42 + index,
				ms: 12.5,
				recordsPerSecond: index % 2 ? 150_000 : 250_000,
				meetsTarget: index % 2 === 0,
			})),
		});
		const lines = table.split('\n');
		expect(lines[0]).toContain('2,000 clients, 200 APs, 20 sites');
		expect(lines[1]).toMatch(/step\s+records\s+findings\s+ms\s+records\/s/);
		STEPS.forEach((step, index) => {
			const row = lines.find((line) => line.startsWith(`${step} `));
			expect(row).toBeDefined();
			expect(row).toContain(`110,00${index}`);
			expect(row).toContain(`${42 + index}`);
			expect(row).toContain(index % 2 ? '150,000' : '250,000');
			expect(row?.trim().endsWith(index % 2 ? 'NO' : 'yes')).toBe(true);
		});
	});
});

describe('the benchmark’s rules section', () => {
	it('runs alone with --rules-only or BENCH_ONLY=rules, and not otherwise', () => {
		expect(rulesOnlyRequested(['node', 'benchmark.js', '--rules-only'], {})).toBe(true);
		expect(rulesOnlyRequested(['node', 'benchmark.js'], { BENCH_ONLY: 'rules' })).toBe(true);
		expect(rulesOnlyRequested(['node', 'benchmark.js'], {})).toBe(false);
		expect(rulesOnlyRequested(['node', 'benchmark.js'], { BENCH_ONLY: 'n8n' })).toBe(false);
	});

	it('replaces rulesThroughput in benchmark.json and keeps the n8n figures', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-bench-'));
		const file = path.join(dir, 'benchmark.json');
		const report = {
			...measureRulesThroughput({ clients: 200, aps: 20, sites: 2 }),
			at: '2026-12-05T19:00:00.000Z',
			node: 'v22',
			cpus: 2,
		} satisfies RulesThroughputReport;
		try {
			writeRulesOnly(file, report);
			expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ rulesThroughput: report });
			fs.writeFileSync(file, JSON.stringify({ n8n: '2.8.4', rows: [{ case: 'demo' }] }));
			writeRulesOnly(file, report);
			expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({
				n8n: '2.8.4',
				rows: [{ case: 'demo' }],
				rulesThroughput: report,
			});
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
