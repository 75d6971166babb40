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
		firstSeen: isoFromEpoch(first),
		lastSeen: isoFromEpoch(last),
		count: parts.count ?? Math.max(1, stamps.length),
	};
}

function dropUndefined<T extends object>(value: T): T {
	return Object.fromEntries(
		Object.entries(value).filter(
			([, entry]) => entry !== undefined && entry !== null && entry !== '',
		),
	) as T;
}
