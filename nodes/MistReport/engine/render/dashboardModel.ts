import { clientMeasurementsOf } from '../../../shared/findings/clientMeasurements';
import { SEVERITIES } from '../../../shared/findings/types';
import type { Severity } from '../../../shared/findings/types';
import type { RemediationRecord } from '../types';
import { worstClientRows } from '../worstClients';
import type { WorstClientRow } from '../worstClients';
import { SLE_KEYS } from './dashboardInput';
import type { DashboardInput, IncidentInput } from './dashboardInput';

/** What the dashboard page shows, worked out once so the HTML renderer only formats. */

export type ApHealth = 'red' | 'green' | 'grey';

export interface ApPoint {
	mac: string;
	name: string;
	x: number;
	y: number;
	status: string;
	numClients?: number;
	health: ApHealth;
	/** Summaries of the findings on this AP. */
	problems: string[];
}

export interface ClientPoint {
	mac: string;
	hostname: string;
	x: number;
	y: number;
	rssi?: number;
	/** A finding names this client. */
	hasProblem: boolean;
}

export interface DashboardSite {
	id: string;
	name: string;
	status: 'healthy' | 'degraded';
	reasons: string[];
	sle: Record<string, number>;
	worstSle?: { key: string; value: number };
	numAps: number;
	numClients?: number;
	findingCount: number;
	aps: ApPoint[];
	/** APs known to the stats but without a map position. */
	unplacedAps: number;
	clients: ClientPoint[];
	/** Map extent in map pixels, from the positions (Mist map sizes are not fetched). */
	extent: { width: number; height: number };
	trend: number[];
}

export interface DashboardIncident extends IncidentInput {
	ageMinutes?: number;
}

export interface DashboardModel {
	title: string;
	generatedAt: number;
	sleThreshold: number;
	sites: DashboardSite[];
	worstSles: Array<{ siteName: string; key: string; value: number }>;
	incidents: DashboardIncident[];
	remediation: RemediationRecord[];
	/** The org's worst clients per measure, and what part of the org they stand for. */
	worstClients: WorstClientRow[];
	clientCoverage?: string;
	dataErrors: string[];
	hasClientPositions: boolean;
}

/** Worst clients listed per measure on the page. */
const WORST_CLIENTS_SHOWN = 5;

export interface DashboardOptions {
	title: string;
	now: number;
	/** SLE percent below which a site counts as degraded. */
	sleThreshold: number;
	/** Mean SLE percent per site id, oldest first, from earlier dashboard runs. */
	trends?: Record<string, number[]>;
	maxRemediation?: number;
}

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);

/** Open incidents when Mist Alert supplied them; otherwise each current finding counts as one. */
function incidentsOf(input: DashboardInput, now: number): DashboardIncident[] {
	const given = input.incidents.filter((incident) => incident.status === 'open');
	const list: IncidentInput[] = input.incidents.length
		? given
		: input.findings.map((finding) => ({
				fingerprint: finding.fingerprint,
				siteId: finding.scope.site_id,
				siteName: finding.scope.site_name ?? finding.scope.site_id,
				rule: finding.rule,
				severity: finding.severity,
				summary: finding.summary,
				status: 'open',
				since: Date.parse(finding.firstSeen),
				apMac: finding.scope.ap_mac,
			}));
	return list
		.map((incident) => ({
			...incident,
			ageMinutes:
				incident.since === undefined || Number.isNaN(incident.since)
					? undefined
					: Math.max(0, Math.round((now - incident.since) / 60_000)),
		}))
		.sort(
			(a, b) =>
				severityRank(a.severity) - severityRank(b.severity) ||
				a.siteName.localeCompare(b.siteName) ||
				a.summary.localeCompare(b.summary),
		);
}

function extentOf(points: Array<{ x: number; y: number }>): { width: number; height: number } {
	const width = Math.max(100, ...points.map((point) => point.x));
	const height = Math.max(100, ...points.map((point) => point.y));
	// A margin keeps markers on the edge inside the drawing.
	return { width: Math.ceil(width * 1.05), height: Math.ceil(height * 1.05) };
}

const placed = <T extends { x?: number; y?: number }>(
	value: T,
): value is T & { x: number; y: number } => value.x !== undefined && value.y !== undefined;

export function buildDashboard(input: DashboardInput, options: DashboardOptions): DashboardModel {
	const names = new Map<string, string>(input.sites.map((site) => [site.id, site.name]));
	for (const finding of input.findings)
		if (finding.scope.site_name && !names.has(finding.scope.site_id))
			names.set(finding.scope.site_id, finding.scope.site_name);
	const siteIds = [
		...new Set([
			...input.sites.map((site) => site.id),
			...input.sle.map((row) => row.siteId),
			...input.findings.map((finding) => finding.scope.site_id),
		]),
	].filter(Boolean);
	const incidents = incidentsOf(input, options.now);

	const sites = siteIds.map((siteId): DashboardSite => {
		const sleRow = input.sle.find((row) => row.siteId === siteId);
		const sle = sleRow?.values ?? {};
		const findings = input.findings.filter((finding) => finding.scope.site_id === siteId);
		const problemsByAp = new Map<string, string[]>();
		const addProblem = (mac: string | undefined, summary: string) => {
			if (!mac) return;
			const key = mac.toLowerCase();
			problemsByAp.set(key, [...(problemsByAp.get(key) ?? []), summary]);
		};
		for (const finding of findings) addProblem(finding.scope.ap_mac, finding.summary);
		for (const incident of incidents)
			if (incident.siteId === siteId) addProblem(incident.apMac, incident.summary);
		const problemClients = new Set(
			findings.map((finding) => finding.scope.client_mac?.toLowerCase()).filter(Boolean),
		);

		const siteAps = input.devices.filter(
			(device) => device.siteId === siteId && device.type === 'ap',
		);
		const aps = siteAps.filter(placed).map((ap): ApPoint => {
			const problems = [...new Set(problemsByAp.get(ap.mac) ?? [])];
			const health: ApHealth = problems.length
				? 'red'
				: ap.status === 'connected'
					? 'green'
					: 'grey';
			return {
				mac: ap.mac,
				name: ap.name,
				x: ap.x,
				y: ap.y,
				status: ap.status,
				numClients: ap.numClients,
				health,
				problems,
			};
		});
		const clients = input.clients
			.filter((client) => client.siteId === siteId)
			.filter(placed)
			.map((client) => ({
				mac: client.mac,
				hostname: client.hostname,
				x: client.x,
				y: client.y,
				rssi: client.rssi,
				hasProblem: problemClients.has(client.mac),
			}));

		const worst = Object.entries(sle).sort((a, b) => a[1] - b[1])[0];
		const reasons: string[] = [];
		const low = Object.entries(sle).filter(([, value]) => value < options.sleThreshold);
		if (low.length)
			reasons.push(`SLE below ${options.sleThreshold}%: ${low.map(([key]) => key).join(', ')}`);
		const serious = findings.filter((finding) => finding.severity !== 'info');
		if (serious.length) reasons.push(`${serious.length} finding(s)`);
		return {
			id: siteId,
			name: names.get(siteId) ?? siteId,
			status: reasons.length ? 'degraded' : 'healthy',
			reasons,
			sle,
			worstSle: worst ? { key: worst[0], value: worst[1] } : undefined,
			numAps: sleRow?.numAps ?? siteAps.length,
			numClients: sleRow?.numClients,
			findingCount: findings.length,
			aps,
			unplacedAps: siteAps.length - aps.length,
			clients,
			extent: extentOf([...aps, ...clients]),
			trend: options.trends?.[siteId] ?? [],
		};
	});
	// Degraded first, then by name: what needs attention is at the top.
	sites.sort((a, b) =>
		a.status === b.status ? a.name.localeCompare(b.name) : a.status === 'degraded' ? -1 : 1,
	);

	const worstSles = sites
		.flatMap((site) =>
			Object.entries(site.sle).map(([key, value]) => ({ siteName: site.name, key, value })),
		)
		.filter((entry) => entry.value < options.sleThreshold)
		.sort((a, b) => a.value - b.value)
		.slice(0, 5);

	return {
		title: options.title,
		generatedAt: options.now,
		sleThreshold: options.sleThreshold,
		sites,
		worstSles,
		incidents,
		remediation: [...input.remediation]
			.sort((a, b) => b.timestamp - a.timestamp)
			.slice(0, options.maxRemediation ?? 10),
		worstClients: worstClientRows(
			[...input.worstClients, ...input.findings.flatMap(clientMeasurementsOf)],
			WORST_CLIENTS_SHOWN,
		),
		clientCoverage: input.clientCoverage,
		dataErrors: input.dataErrors,
		hasClientPositions: sites.some((site) => site.clients.length > 0),
	};
}

/** Mean SLE percent of each site: the one number per site the trend sparkline follows. */
export function meanSleBySite(input: DashboardInput): Record<string, number> {
	const result: Record<string, number> = {};
	for (const row of input.sle) {
		const values = SLE_KEYS.map((key) => row.values[key]).filter(
			(value): value is number => value !== undefined,
		);
		if (values.length)
			result[row.siteId] =
				Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10;
	}
	return result;
}
