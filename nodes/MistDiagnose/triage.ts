import type { IDataObject } from 'n8n-workflow';

import type { DiagnosisStep, Finding } from '../shared/findings/types';
import { normalizeMac } from '../shared/params/identifiers';
import type { MistDataCollector } from './collect/MistDataCollector';
import type { DiagnosisThresholds } from './rules/support/thresholds';
import { runSteps } from './run';
import type { InputNarrowing } from './run';
import type { SweepScope, TriageFields } from './steps/types';

export type ItemKind = 'client' | 'ap';

export interface TriageTarget {
	itemIndex: number;
	mac: string;
	siteId?: string;
}

export interface TriageOutcome {
	findingsByItem: Map<number, Finding[]>;
	/** Items that could not be checked by a step, with the reason. */
	notChecked: Map<number, string[]>;
	siteNames: Record<string, string>;
	deviceNames: Record<string, string>;
}

/** Where a client failed in this step: the SSIDs and VLANs of its failure events and client records. */
interface Involvement {
	ssids: Set<string>;
	vlans: Set<string>;
}

function involvement(input: TriageFields): Map<string, Involvement> {
	const byMac = new Map<string, Involvement>();
	const entry = (mac: string) => {
		if (!byMac.has(mac)) byMac.set(mac, { ssids: new Set(), vlans: new Set() });
		return byMac.get(mac) as Involvement;
	};
	for (const event of input.events ?? []) {
		const mac = normalizeMac(String(event.mac ?? ''));
		if (!mac) continue;
		const facts = entry(mac);
		if (event.ssid) facts.ssids.add(event.ssid);
		if (event.vlan !== undefined && event.vlan !== null && event.vlan !== '')
			facts.vlans.add(String(event.vlan));
	}
	for (const client of input.clients ?? []) {
		const mac = normalizeMac(String(client.mac ?? ''));
		if (!mac || !byMac.has(mac)) continue;
		const vlan = client.vlan_id ?? client.last_vlan;
		if (vlan !== undefined && vlan !== null && vlan !== '') entry(mac).vlans.add(String(vlan));
	}
	return byMac;
}

/**
 * A finding concerns a target when it names it, lists it among the affected clients, or is a
 * shared SSID/VLAN problem where the target itself failed (same SSID or VLAN).
 */
function concerns(
	finding: Finding,
	target: TriageTarget,
	kind: ItemKind,
	involved: Map<string, Involvement>,
): boolean {
	const scope = finding.scope;
	if (kind === 'ap') return normalizeMac(scope.ap_mac ?? '') === target.mac;
	const clientMac = normalizeMac(scope.client_mac ?? '');
	if (clientMac) return clientMac === target.mac;
	const samples =
		((finding.evidence as IDataObject | undefined)?.sampleMacs as string[] | undefined) ?? [];
	if (samples.some((mac) => normalizeMac(mac) === target.mac)) return true;
	const facts = involved.get(target.mac);
	if (!facts || (target.siteId && scope.site_id !== target.siteId)) return false;
	if (scope.level === 'ssid') return !!scope.ssid && facts.ssids.has(scope.ssid);
	if (scope.level === 'vlan') return !!scope.vlan && facts.vlans.has(scope.vlan);
	return false;
}

/**
 * Checks the given clients or APs with one org-wide read per step (the same as a sweep), joined in
 * memory: the cost does not grow with the number of items. Client health reads the connected
 * clients of the items' sites only.
 */
export async function triage(
	collector: MistDataCollector,
	steps: DiagnosisStep[],
	scope: SweepScope,
	thresholds: DiagnosisThresholds,
	nowMs: number,
	kind: ItemKind,
	targets: TriageTarget[],
): Promise<TriageOutcome> {
	const outcome: TriageOutcome = {
		findingsByItem: new Map(),
		notChecked: new Map(),
		siteNames: {},
		deviceNames: {},
	};
	// The flowchart: an item that failed a step has its cause there, so later steps skip it.
	const failed = new Set<number>();
	const note = (target: TriageTarget, reason: string) => {
		const list = outcome.notChecked.get(target.itemIndex) ?? [];
		list.push(reason);
		outcome.notChecked.set(target.itemIndex, list);
	};

	for (const step of steps) {
		const pending = targets.filter((target) => !failed.has(target.itemIndex));
		if (pending.length === 0) break;
		const macs = new Set(pending.map((target) => target.mac));
		let involved = new Map<string, Involvement>();
		let stepScope = scope;
		if (step === 'client_health' && kind === 'client') {
			// Only the sites of the items: no SLE-guided drill-down in triage.
			const siteIds = [
				...new Set(pending.map((target) => target.siteId).filter((id): id is string => !!id)),
			];
			stepScope = {
				...scope,
				drillAllSites: true,
				siteFilter: new Set(siteIds),
				maxDrilldownSites: Math.max(siteIds.length, 1),
			};
			const unread = 'client_health: no site ID, so its connected stats could not be read';
			for (const target of pending) if (!target.siteId) note(target, unread);
			if (siteIds.length === 0) continue;
		}
		const isItem = (entity: { mac: string }) => macs.has(normalizeMac(entity.mac) ?? '');
		const narrow: InputNarrowing = (_step, input) => {
			involved = involvement(input);
			if (kind === 'ap' && input.aps) return { ...input, aps: input.aps.filter(isItem) };
			if (kind === 'client' && step === 'client_health' && input.clients) {
				return { ...input, clients: input.clients.filter(isItem) };
			}
			return input;
		};
		const result = await runSteps(collector, [step], stepScope, thresholds, nowMs, narrow);
		Object.assign(outcome.siteNames, result.siteNames);
		Object.assign(outcome.deviceNames, result.deviceNames);
		for (const target of pending) {
			const mine = result.findings.filter((finding) => concerns(finding, target, kind, involved));
			if (mine.length === 0) continue;
			if (mine.some((finding) => finding.severity !== 'info')) failed.add(target.itemIndex);
			const earlier = outcome.findingsByItem.get(target.itemIndex) ?? [];
			outcome.findingsByItem.set(target.itemIndex, [...earlier, ...mine]);
		}
	}
	return outcome;
}
