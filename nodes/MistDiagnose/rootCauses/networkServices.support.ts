import type { Finding } from '../../shared/findings/types';

/**
 * A DHCP pool is named after its network ("vlan30", "corp-30") while failures carry the VLAN id
 * ("30"): they are the same VLAN when the names are equal or the pool name ends in the VLAN id.
 */
export function sameVlan(network: string | undefined, vlan: string | undefined): boolean {
	if (!network || !vlan) return false;
	const name = network.trim().toLowerCase();
	const id = vlan.trim().toLowerCase();
	return name === id || /(^|\D)(\d+)$/.exec(name)?.[2] === id;
}

export const onSite = (finding: Finding, siteId: string) => finding.scope.site_id === siteId;

/** A finding raised from a Mist alarm or Marvis action (no client events behind it). */
export const isSignal = (finding: Finding) =>
	finding.evidence.source === 'alarm' || finding.evidence.source === 'marvis';

/** What a shared failure finding's events say about the answer clients got (or did not get). */
export type AnswerKind = 'nak' | 'no_answer' | 'static' | 'unknown';

/**
 * NAKs (the server refuses the lease), no answer at all, or a blocked static address. A refused
 * client keeps its old address, which the WLAN then blocks: those follow NAKs and count with them.
 */
export function answerKind(finding: Finding): AnswerKind {
	const counts = finding.evidence.eventCounts;
	if (!counts) return 'unknown';
	let nak = 0;
	let blocked = 0;
	let other = 0;
	for (const [type, count] of Object.entries(counts)) {
		if (/NAK/i.test(type)) nak += count;
		else if (/STATIC_IP_BLOCKED/i.test(type)) blocked += count;
		else other += count;
	}
	if (nak > 0 && nak >= other) return 'nak';
	if (other > 0 && other >= blocked) return 'no_answer';
	return blocked > 0 ? 'static' : 'unknown';
}

/** Findings of one rule on one VLAN of a site (client findings, or a VLAN finding of another service). */
export const findingsOnVlan = (
	open: readonly Finding[],
	rule: string,
	siteId: string,
	vlan: string | undefined,
) =>
	open.filter(
		(finding) =>
			finding.rule === rule && onSite(finding, siteId) && !!vlan && finding.scope.vlan === vlan,
	);
