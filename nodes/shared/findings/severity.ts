import type { ScopeLevel, Severity } from './types';
import { SEVERITIES } from './types';

/** 0 = most urgent. */
export function severityRank(severity: Severity): number {
	return SEVERITIES.indexOf(severity);
}

export function maxSeverity(...severities: Severity[]): Severity {
	return severities.reduce(
		(worst, next) => (severityRank(next) < severityRank(worst) ? next : worst),
		'info',
	);
}

/** Sorts most urgent first; ties keep their order. */
export function bySeverity<T extends { severity: Severity }>(items: T[]): T[] {
	return [...items].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

export type Grade = 'ok' | 'warn' | 'crit';

/**
 * Default severity of a threshold breach: a problem shared by many clients (AP, SSID, VLAN, site)
 * ranks one step above the same breach on a single client or port.
 */
export function severityForGrade(grade: Exclude<Grade, 'ok'>, level: ScopeLevel): Severity {
	const shared = level !== 'client' && level !== 'switch_port' && level !== 'user';
	if (grade === 'crit') return shared ? 'critical' : 'major';
	return shared ? 'major' : 'minor';
}

/** One palette for severity in alerts, reports and the dashboard, so a colour means the same everywhere. */
export const SEVERITY_COLOURS: Record<Severity, string> = {
	critical: '#b71c1c',
	major: '#e65100',
	minor: '#f9a825',
	info: '#1565c0',
};
