/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a test: it reads (and, when asked, records) a fixture file next to it 
/**
 * A guard for the rules speed work (issues 16 and 17): each step's pure rules, run on seeded
 * benchmark data, give exactly the findings and healthy entities recorded from the code before it
 * was optimised. The fixture holds every finding's fingerprint, rule, severity and scope in order,
 * plus a digest of the whole step result (evidence, texts, healthy list), so any change shows.
 * Re-record only on purpose: RECORD_RULES_FIXTURE=1 npx jest rulesEquivalence
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { STEPS } from '../../../../nodes/shared/findings/types';
import type { DiagnosisStep, StepResult } from '../../../../nodes/shared/findings/types';
import { generateRulesData, runStepRules } from '../../../../scripts/bench/rulesThroughput';
import type { RulesScale } from '../../../../scripts/bench/rulesThroughput';

const FIXTURE = path.join(__dirname, '../../../fixtures/rulesFindings.json');

/** The small data set's findings are listed in the fixture; the medium one's only digested (size). */
const DATASETS: Array<{ name: string; scale: RulesScale; seed: number; list: boolean }> = [
	{ name: 'small', scale: { clients: 2_000, aps: 200, sites: 20 }, seed: 7, list: true },
	{
		name: 'medium',
		scale: { clients: 12_000, aps: 1_200, sites: 120 },
		seed: 20_261_205,
		list: false,
	},
];

interface StepRecord {
	count: number;
	/** `fingerprint rule severity scope-level`, one per finding, in output order. */
	findings?: string[];
	findingsDigest: string;
	healthy: number;
	/** Of the whole step result: evidence, texts, remediation, healthy entities. */
	digest: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
type Fixture = Record<string, Record<DiagnosisStep, StepRecord>>;

function summarise(result: StepResult, list: boolean): StepRecord {
	const findings = result.findings.map(
		(finding) =>
			`${finding.fingerprint} ${finding.rule} ${finding.severity} ${finding.scope.level}`,
	);
	return {
		count: findings.length,
		...(list ? { findings } : {}),
		findingsDigest: sha256(findings.join('\n')),
		healthy: result.healthy.length,
		digest: sha256(JSON.stringify(result)),
	};
}

function record(): Fixture {
	const fixture: Fixture = {};
	for (const { name, scale, seed, list } of DATASETS) {
		const data = generateRulesData(scale, seed);
		fixture[name] = Object.fromEntries(
			STEPS.map((step) => [step, summarise(runStepRules(data, step), list)]),
		) as Record<DiagnosisStep, StepRecord>;
	}
	return fixture;
}

if (process.env.RECORD_RULES_FIXTURE === '1') {
	fs.writeFileSync(FIXTURE, JSON.stringify(record(), null, '\t') + '\n');
}

const expected = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Fixture;

describe.each(DATASETS)('rules on the $name benchmark data', ({ name, scale, seed, list }) => {
	const data = generateRulesData(scale, seed);

	it.each([...STEPS])('%s gives the recorded findings, in order', (step) => {
		const actual = summarise(runStepRules(data, step), list);
		const wanted = expected[name][step];
		// The listed findings first: a difference there reads better than a digest mismatch.
		expect(actual.findings).toEqual(wanted.findings);
		expect(actual.count).toBe(wanted.count);
		expect(actual.findingsDigest).toBe(wanted.findingsDigest);
		expect(actual.healthy).toBe(wanted.healthy);
		expect(actual.digest).toBe(wanted.digest);
	});

	it('finds something in every step, so the comparison means something', () => {
		for (const step of STEPS) expect(expected[name][step].count).toBeGreaterThan(0);
	});
});
