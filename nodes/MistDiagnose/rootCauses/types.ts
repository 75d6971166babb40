import type { Finding } from '../../shared/findings/types';
import type { ApStat } from '../rules/support/uplink';
import type { DiagnosisThresholds } from '../rules/support/thresholds';

/** What correlation may read besides the findings: names, limits, and data the steps already loaded. */
export interface RootCauseContext {
	org_id: string;
	/** Epoch seconds. */
	now: number;
	siteNames: Record<string, string>;
	deviceNames: Record<string, string>;
	thresholds: DiagnosisThresholds;
	/** The org's AP stats when a step of this execution read them (never read for correlation alone). */
	aps?: ApStat[];
}

/** One problem: the cause, and the symptom findings it explains (at least one). */
export interface Explanation {
	cause: Finding;
	symptoms: Finding[];
}

/**
 * A correlator: looks at the findings nothing has explained yet and names the causes behind groups
 * of them. Pure (no n8n, no HTTP). It returns only explanations it is sure of; what it leaves stays
 * for the next correlator, and a finding no correlator explains is its own root cause.
 */
export interface RootCauseRule {
	id: string;
	explain(open: readonly Finding[], context: RootCauseContext): Explanation[];
}
