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

/** Characters `normalizeMacLoose` drops: the separators `:` `-` `.` and whitespace (as `\s`). */
function isMacSeparator(code: number): boolean {
	if (code === 0x3a || code === 0x2d || code === 0x2e || code === 0x20) return true;
	if (code < 0x80) return code >= 0x09 && code <= 0x0d;
	return /\s/.test(String.fromCharCode(code));
}

/**
 * Lower-cases and strips separators; leaves a non-MAC string readable rather than failing.
 * A char loop rather than regexes: the rules call this for every client, AP and event, and most
 * MACs already come normalised (returned as they are, without building a new string).
 */
export function normalizeMacLoose(value: string): string {
	let digits = 0;
	let changed = false;
	for (let index = 0; index < value.length; index++) {
		const code = value.charCodeAt(index);
		if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66)) digits++;
		else if (code >= 0x41 && code <= 0x46) {
			digits++;
			changed = true;
		} else if (isMacSeparator(code)) changed = true;
		// Any other character cannot lower-case to a hex digit or separator: not a MAC.
		else return value.trim().toLowerCase();
	}
	if (digits !== 12) return value.trim().toLowerCase();
	if (!changed) return value;
	let hex = '';
	for (let index = 0; index < value.length; index++) {
		if (!isMacSeparator(value.charCodeAt(index))) hex += value[index];
	}
	return hex.toLowerCase();
}
