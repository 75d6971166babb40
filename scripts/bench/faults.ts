/**
 * Which of the simulator's injected faults (its ground truth, `sim.world.faults`) an approach's
 * findings name. Kept deliberately simple:
 *
 * - a finding counts for a fault only on the fault's site (`scope.site_id`);
 * - when the fault has APs or clients and the finding names an AP (`scope.ap_mac`) or a client
 *   (`scope.client_mac`), one of them must be the fault's;
 * - a finding that names no AP and no client (site, SSID, VLAN, server or switch-port wide) counts
 *   for every fault of its site, and so does any finding of the site for a fault with no AP or
 *   client (e.g. a switch port flap).
 *
 * Besides found / injected, `falseAlarmSites` counts the sites with findings but no fault.
 */
import type { World } from '../../simulator/src/types';

export interface GroundTruthFault {
	kind: string;
	siteId: string;
	siteName: string;
	apMacs: string[];
	clientMacs: string[];
}

export interface FindingLike {
	scope?: { site_id?: unknown; ap_mac?: unknown; client_mac?: unknown; [key: string]: unknown };
	[key: string]: unknown;
}

export interface FaultMatch {
	injected: number;
	found: number;
	/** `kind@site` of the faults no finding named. */
	missed: string[];
	findings: number;
	falseAlarmSites: number;
}

export const normaliseMac = (mac: unknown): string =>
	typeof mac === 'string' ? mac.toLowerCase().replace(/[^0-9a-f]/g, '') : '';

export function groundTruth(world: Pick<World, 'faults' | 'aps'>): GroundTruthFault[] {
	return world.faults.map((fault) => ({
		kind: fault.kind,
		siteId: fault.siteId,
		siteName: fault.siteName,
		apMacs: fault.apIds.map((id) => world.aps.get(id)?.mac ?? id).map(normaliseMac),
		clientMacs: fault.clientMacs.map(normaliseMac),
	}));
}

export function findingNamesFault(fault: GroundTruthFault, finding: FindingLike): boolean {
	const scope = finding.scope ?? {};
	if (scope.site_id !== fault.siteId) return false;
	if (fault.apMacs.length === 0 && fault.clientMacs.length === 0) return true;
	const ap = normaliseMac(scope.ap_mac);
	const client = normaliseMac(scope.client_mac);
	if (!ap && !client) return true;
	return (
		(ap !== '' && fault.apMacs.includes(ap)) || (client !== '' && fault.clientMacs.includes(client))
	);
}

export function matchFaults(faults: GroundTruthFault[], findings: FindingLike[]): FaultMatch {
	const missed = faults.filter(
		(fault) => !findings.some((finding) => findingNamesFault(fault, finding)),
	);
	const faultSites = new Set(faults.map((fault) => fault.siteId));
	const flaggedSites = new Set(findings.map((finding) => String(finding.scope?.site_id ?? '')));
	return {
		injected: faults.length,
		found: faults.length - missed.length,
		missed: missed.map((fault) => `${fault.kind}@${fault.siteName}`),
		findings: findings.length,
		falseAlarmSites: [...flaggedSites].filter((site) => site && !faultSites.has(site)).length,
	};
}
