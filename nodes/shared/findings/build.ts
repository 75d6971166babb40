import { fingerprint } from './fingerprint';
import type { RuleId } from './titles';
import type {
	DiagnosisStep,
	Evidence,
	Finding,
	FindingScope,
	Remediation,
	Severity,
} from './types';

/** Mist timestamps are epoch seconds, often with a fraction. */
export function isoFromEpoch(seconds: number): string {
	return new Date(Math.round(seconds * 1000)).toISOString();
}

export interface FindingParts {
	step: DiagnosisStep;
	/** Typed, so a rule without a title in titles.ts does not compile. */
	rule: RuleId;
	severity: Severity;
	scope: FindingScope;
	/** Identifies the entity inside the site; see `targets` in fingerprint.ts. */
	target: string;
	summary: string;
	evidence: Evidence;
	likelyCause: string;
	remediation: Remediation;
	followUp?: Remediation[];
	/** Epoch seconds of the evidence; empty means "observed now". */
	timestamps: number[];
	/** Defaults to the number of timestamps (at least 1). */
	count?: number;
	/** Epoch seconds used when there is no timestamp. */
	now: number;
}

export function makeFinding(parts: FindingParts): Finding {
	const stamps = parts.timestamps.filter((value) => Number.isFinite(value));
	const first = stamps.length ? Math.min(...stamps) : parts.now;
	const last = stamps.length ? Math.max(...stamps) : parts.now;
	const firstSeen = isoFromEpoch(first);
	return {
		fingerprint: fingerprint(parts.scope.org_id, parts.scope.site_id, parts.rule, parts.target),
		step: parts.step,
		rule: parts.rule,
		severity: parts.severity,
		scope: dropUndefined(parts.scope),
		summary: parts.summary,
		evidence: parts.evidence,
		likelyCause: parts.likelyCause,
		remediation: parts.remediation,
		followUp: parts.followUp ?? [],
		firstSeen,
		// Most findings have one timestamp: format it once.
		lastSeen: last === first ? firstSeen : isoFromEpoch(last),
		count: parts.count ?? Math.max(1, stamps.length),
	};
}

function dropUndefined<T extends object>(value: T): T {
	// A loop rather than entries/filter/fromEntries: it runs for every finding.
	const kept: Record<string, unknown> = {};
	for (const key of Object.keys(value)) {
		const entry = (value as Record<string, unknown>)[key];
		if (entry !== undefined && entry !== null && entry !== '') kept[key] = entry;
	}
	return kept as T;
}
