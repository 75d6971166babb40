import type { IDataObject } from 'n8n-workflow';

import type { LibraryScenario } from '../../../simulator/src/library';
import { librarySiteName } from '../../../simulator/src/library';
import type { World } from '../../../simulator/src/types';

const MAJOR_OR_WORSE = new Set(['critical', 'major']);

export interface Verdict {
	id: string;
	expected: string;
	/** The finding that matched the expected rule on the scenario's site, if any. */
	found?: IDataObject;
	/** Why the scenario is not diagnosed right (empty when it is). */
	problems: string[];
	/** Root causes at major or worse on the site besides the expected one. */
	extraMajor: IDataObject[];
}

function scopeOf(finding: IDataObject): IDataObject {
	return (finding.scope ?? {}) as IDataObject;
}

function findingsOnSite(world: World, siteName: string, findings: IDataObject[]): IDataObject[] {
	const site = world.sites.find((candidate) => candidate.name === siteName);
	return findings.filter((finding) => site && scopeOf(finding).site_id === site.id);
}

function fixProblem(
	scenario: LibraryScenario,
	world: World,
	finding: IDataObject,
): string | undefined {
	const fix = scenario.expect.fix;
	const remediation = (finding.remediation ?? {}) as IDataObject;
	if ('manual' in fix) {
		const text = String(remediation.description ?? '');
		return fix.manual.test(text) ? undefined : `fix "${text}" does not match ${String(fix.manual)}`;
	}
	if (remediation.kind !== 'action' || remediation.operation !== fix.operation)
		return `fix is ${String(remediation.operation ?? remediation.kind)}, expected ${fix.operation}`;
	const faults = world.faults.filter((fault) => fault.siteName === librarySiteName(scenario));
	const wanted = fix.parameters?.(world, faults) ?? {};
	const actual = (remediation.parameters ?? {}) as IDataObject;
	for (const [key, value] of Object.entries(wanted)) {
		if (JSON.stringify(actual[key]) !== JSON.stringify(value))
			return `fix parameter ${key} is ${JSON.stringify(actual[key])}, expected ${JSON.stringify(value)}`;
	}
	return undefined;
}

/** Judges one scenario: its root cause found at its scope with its fix, and what else was said. */
export function judgeScenario(
	world: World,
	scenario: LibraryScenario,
	findings: IDataObject[],
): Verdict {
	const expect = scenario.expect;
	const onSite = findingsOnSite(world, librarySiteName(scenario), findings);
	const faults = world.faults.filter((fault) => fault.siteName === librarySiteName(scenario));
	const candidates = onSite.filter((finding) => finding.rule === expect.rule);
	const wantedScope = { level: expect.level, ...(expect.scope?.(world, faults) ?? {}) };
	const found = candidates.find((finding) =>
		Object.entries(wantedScope).every(([key, value]) => scopeOf(finding)[key] === value),
	);
	const problems: string[] = [];
	if (!found) {
		const seen = onSite.map(
			(finding) => `${String(finding.rule)}@${String(scopeOf(finding).level)}`,
		);
		problems.push(
			candidates.length
				? `${expect.rule} found, but not at scope ${JSON.stringify(wantedScope)}`
				: `${expect.rule} not found (site has: ${seen.join(', ') || 'nothing'})`,
		);
	} else {
		if (found.severity !== expect.severity)
			problems.push(`severity ${String(found.severity)}, expected ${expect.severity}`);
		const fix = fixProblem(scenario, world, found);
		if (fix) problems.push(fix);
		if (expect.cause && !expect.cause.test(String(found.likelyCause)))
			problems.push(
				`likely cause "${String(found.likelyCause)}" does not match ${String(expect.cause)}`,
			);
	}
	const extraMajor = onSite.filter(
		(finding) => finding !== found && MAJOR_OR_WORSE.has(String(finding.severity)),
	);
	return {
		id: scenario.id,
		expected: `${expect.rule}@${expect.level}`,
		found,
		problems,
		extraMajor,
	};
}

/** Major-or-worse findings on the sites that have no fault. */
export function judgeHealthySites(
	world: World,
	healthySites: string[],
	findings: IDataObject[],
): IDataObject[] {
	return healthySites.flatMap((name) =>
		findingsOnSite(world, name, findings).filter((finding) =>
			MAJOR_OR_WORSE.has(String(finding.severity)),
		),
	);
}

/** The library table: per scenario and mode, found or why not, and the extra major findings. */
export function libraryTable(
	verdicts: Record<'all' | 'chain', Verdict[]>,
	onHealthy: Record<'all' | 'chain', IDataObject[]>,
): string {
	const cell = (verdict: Verdict | undefined) =>
		!verdict
			? '—'
			: `${verdict.problems.length ? '✗ ' + verdict.problems.join('; ') : '✓'}` +
				(verdict.extraMajor.length
					? ` (+${verdict.extraMajor.map((finding) => String(finding.rule)).join(', ')})`
					: '');
	const rows = verdicts.all.map((verdict) => {
		const chain = verdicts.chain.find((candidate) => candidate.id === verdict.id);
		return `| ${verdict.id} | ${verdict.expected} | ${cell(verdict)} | ${cell(chain)} |`;
	});
	const found = (mode: 'all' | 'chain') =>
		verdicts[mode].filter((verdict) => verdict.problems.length === 0).length;
	return [
		'| scenario | expected root cause | All Steps | chain |',
		'| --- | --- | --- | --- |',
		...rows,
		`| **found / expected** | | ${found('all')} / ${verdicts.all.length} | ${found('chain')} / ${verdicts.chain.length} |`,
		`| **major+ on healthy sites** | | ${onHealthy.all.length} | ${onHealthy.chain.length} |`,
	].join('\n');
}
