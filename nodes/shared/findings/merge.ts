import { severityRank } from './severity';
import type { Finding } from './types';

/**
 * Collapses findings with the same fingerprint (e.g. an `ap_offline` alarm and the AP's own
 * disconnected status) into one: the most severe wording wins, the time span and counts widen,
 * and every contributing evidence is kept under `evidence.sources`.
 */
export function mergeFindings(findings: Finding[]): Finding[] {
	const byKey = new Map<string, Finding[]>();
	for (const finding of findings) {
		const group = byKey.get(finding.fingerprint);
		if (group) group.push(finding);
		else byKey.set(finding.fingerprint, [finding]);
	}
	return [...byKey.values()].map((group) => (group.length === 1 ? group[0] : combine(group)));
}

function combine(group: Finding[]): Finding {
	const lead = [...group].sort((a, b) => severityRank(a.severity) - severityRank(b.severity))[0];
	// One alarm naming several APs yields identical evidence several times: keep each once.
	const sources = [
		...new Map(
			group.map((finding) => [JSON.stringify(finding.evidence), finding.evidence]),
		).values(),
	];
	return {
		...lead,
		evidence: sources.length > 1 ? { ...lead.evidence, sources } : lead.evidence,
		...spanOf(group),
	};
}

/** The time span several findings cover together, and the largest count among them. */
export function spanOf(findings: Finding[]): Pick<Finding, 'firstSeen' | 'lastSeen' | 'count'> {
	return {
		firstSeen: findings.map((finding) => finding.firstSeen).sort()[0],
		lastSeen: findings
			.map((finding) => finding.lastSeen)
			.sort()
			.reverse()[0],
		count: Math.max(...findings.map((finding) => finding.count)),
	};
}
