import { mergeFindings } from '../../shared/findings/merge';
import { severityRank } from '../../shared/findings/severity';
import type { Finding } from '../../shared/findings/types';
import { symptomSummary } from './cause';
import type { RootCauseContext, RootCauseRule } from './types';

export interface Explained {
	/** One finding per problem: the causes the correlators named, and every finding none explained. */
	rootCauses: Finding[];
	/** The findings a root cause explains, each with `rootCause` set to its fingerprint. */
	symptoms: Finding[];
}

/**
 * The root-cause layer: runs the correlators in order over the findings not yet explained, so each
 * finding is explained at most once (one cause per set of symptoms: no contradictions), then sorts
 * the problems most severe first.
 */
export function explainFindings(
	findings: Finding[],
	context: RootCauseContext,
	rules: readonly RootCauseRule[],
): Explained {
	let open = mergeFindings(findings);
	const causes: Finding[] = [];
	const symptoms: Finding[] = [];
	for (const rule of rules) {
		for (const { cause, symptoms: claimed } of rule.explain(open, context)) {
			const still = new Set(open.map((finding) => finding.fingerprint));
			const mine = claimed.filter((symptom) => still.has(symptom.fingerprint));
			if (mine.length === 0) continue;
			const taken = new Set(mine.map((symptom) => symptom.fingerprint));
			// A cause may take over one of its findings (same fingerprint): that one is not its symptom.
			const explained = mine.filter((symptom) => symptom.fingerprint !== cause.fingerprint);
			// Every cause lists exactly what it explains, whether it was built over its symptoms or
			// is one of its findings taking the others over.
			causes.push({
				...cause,
				evidence: { ...cause.evidence, symptoms: explained.map(symptomSummary) },
				explains: explained.map((symptom) => symptom.fingerprint),
			});
			symptoms.push(...explained.map((symptom) => ({ ...symptom, rootCause: cause.fingerprint })));
			open = open.filter((finding) => !taken.has(finding.fingerprint));
		}
	}
	const rootCauses = mergeFindings([...causes, ...open]).sort(
		(a, b) => severityRank(a.severity) - severityRank(b.severity),
	);
	return { rootCauses, symptoms };
}
