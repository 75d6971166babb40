import type { Severity } from '../../shared/findings/types';
import type { Trend } from './types';
import type { WorstClientRow } from './worstClients';

/** The JSON output of Generate: every number the HTML and Markdown show. */
export interface SiteReport {
	siteId: string;
	siteName: string;
	status: 'healthy' | 'degraded';
	reasons: string[];
	findings: Trend;
	bySeverity: Record<Severity, number>;
	sle: Record<string, Trend>;
	clients: Trend;
	aps: Trend;
}

export interface IssueRow {
	rule: string;
	worstSeverity: Severity;
	findings: number;
	previous: number;
	sites: string[];
}

export interface EntityRow {
	id: string;
	name: string;
	siteName: string;
	findings: number;
	rules: string[];
}

export interface ForecastRow {
	siteId: string;
	siteName: string;
	metric: string;
	threshold: number;
	direction: 'above' | 'below';
	latest: number;
	slopePerDay: number;
	daysToThreshold: number;
	reachesAt: string;
	r2: number;
}

export interface AnomalyRow {
	siteId: string;
	siteName: string;
	metric: string;
	value: number;
	mean: number;
	stddev: number;
	zScore: number | null;
	timestamp: string;
}

/** The figures of one report kept in the report history (the shared memory's 'report' log). */
export interface ReportSummary {
	type: 'daily' | 'weekly';
	/** ISO date-times of the reported period. */
	periodStart: string;
	periodEnd: string;
	sites: number;
	degradedSites: number;
	findings: number;
	criticalFindings: number;
	incidentsOpened: number;
	incidentsResolved: number;
	remediationActions: number;
}

export interface ReportFigures {
	title: string;
	type: 'daily' | 'weekly';
	timezone: string;
	generatedAt: string;
	period: { start: string; end: string };
	previousPeriod: { start: string; end: string };
	summary: {
		sites: number;
		healthySites: number;
		degradedSites: number;
		findings: Trend;
		criticalFindings: Trend;
		incidentsOpened: Trend;
		incidentsResolved: Trend;
		remediationActions: Trend;
	};
	sites: SiteReport[];
	topIssues: IssueRow[];
	topClients: EntityRow[];
	topAps: EntityRow[];
	/** The worst clients per measure (weak signal, low SNR, high retries) with when they were measured. */
	worstClients: WorstClientRow[];
	remediation: {
		total: number;
		byDecision: Record<string, number>;
		byResult: Record<string, number>;
		byOperation: Array<{ operation: string; total: number; succeeded: number; failed: number }>;
	};
	incidents: {
		opened: number;
		resolved: number;
		stillOpen: number;
		meanTimeToResolveMinutes: number | null;
	};
	apiBudget: { requests: number; requestLimit: number; percentUsed: number } | null;
	forecasts: ForecastRow[];
	anomalies: AnomalyRow[];
	/** Where the previous period's figures came from: input records, the report history, or nowhere. */
	comparedWith: 'inputs' | 'report history' | 'nothing';
	/** Earlier reports of this type from the report history, oldest first. */
	history: ReportSummary[];
}
