import pick from 'lodash/pick';

import { fingerprint } from '../../shared/findings/fingerprint';
import { spanOf } from '../../shared/findings/merge';
import { maxSeverity } from '../../shared/findings/severity';
import type { RuleId } from '../../shared/findings/titles';
import type {
	DiagnosisStep,
	Evidence,
	Finding,
	FindingScope,
	Remediation,
	Severity,
	SymptomSummary,
} from '../../shared/findings/types';

export interface CauseParts {
	rule: RuleId;
	/** The step of the flowchart where the cause shows first; defaults to the first symptom's. */
	step?: DiagnosisStep;
	scope: FindingScope;
	/** Identifies the entity inside the site (see `targets` in shared/findings/fingerprint.ts). */
	target: string;
	summary: string;
	likelyCause: string;
	remediation: Remediation;
	followUp?: Remediation[];
	/** Defaults to the worst severity of the symptoms. */
	severity?: Severity;
	evidence?: Evidence;
}

export function symptomSummary(finding: Finding): SymptomSummary {
	// Picked, not spelled out: a symptom keeps whatever rule id it carries.
	return pick(finding, ['fingerprint', 'rule', 'severity', 'summary']);
}

/**
 * A root-cause finding over its symptoms: their time span and count, their worst severity unless
 * the cause says otherwise, and the symptoms listed in its evidence.
 */
export function causeFinding(symptoms: Finding[], parts: CauseParts): Finding {
	if (symptoms.length === 0) throw new Error(`Root cause ${parts.rule} needs at least one symptom`);
	return {
		fingerprint: fingerprint(parts.scope.org_id, parts.scope.site_id, parts.rule, parts.target),
		step: parts.step ?? symptoms[0].step,
		rule: parts.rule,
		severity: parts.severity ?? maxSeverity(...symptoms.map((symptom) => symptom.severity)),
		scope: parts.scope,
		summary: parts.summary,
		evidence: { ...parts.evidence, symptoms: symptoms.map(symptomSummary) },
		likelyCause: parts.likelyCause,
		remediation: parts.remediation,
		followUp: parts.followUp ?? [],
		...spanOf(symptoms),
		explains: symptoms.map((symptom) => symptom.fingerprint),
	};
}
