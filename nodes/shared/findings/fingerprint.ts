/**
 * Stable identity of a finding: `mist:{org_id}:{site_id}:{rule}:{target}`.
 * The same problem on the same entity yields the same key on every run, so alerting can
 * update one open alert instead of creating a new one.
 */
export function fingerprint(
	orgId: string,
	siteId: string | undefined,
	rule: string,
	target: string,
): string {
	return ['mist', orgId.toLowerCase(), (siteId || '-').toLowerCase(), rule, target].join(':');
}

/** Targets: MACs lower-case without separators; switch ports as `{switch_mac}/{port_id}`. */
export const targets = {
	mac: (mac: string) => normalizeMacLoose(mac),
	switchPort: (switchMac: string, portId?: string) =>
		portId ? `${normalizeMacLoose(switchMac)}/${portId.trim()}` : normalizeMacLoose(switchMac),
	ssid: (ssid: string) => `ssid=${ssid.trim()}`,
	vlan: (vlan: string | number) => `vlan=${String(vlan).trim()}`,
	user: (username: string) => `user=${username.trim().toLowerCase()}`,
	site: () => 'site',
};

/** Lower-cases and strips separators; leaves a non-MAC string readable rather than failing. */
export function normalizeMacLoose(value: string): string {
	const hex = value
		.trim()
		.toLowerCase()
		.replace(/[:\-.\s]/g, '');
	return /^[0-9a-f]{12}$/.test(hex) ? hex : value.trim().toLowerCase();
}
