/**
 * Every rule id the diagnosis emits, with the title people read (alerts, reports). The id stays the
 * machine key (fingerprints, silences, payload fields); the title is for messages.
 */
export const RULE_TITLES = {
	ap_high_cpu: 'AP CPU high',
	ap_offline: 'AP offline',
	ap_overloaded: 'AP overloaded',
	ap_repeated_reboots: 'AP restarting repeatedly',
	ap_unstable_uplink: 'AP uplink unstable',
	ap_uplink_port_errors: 'Errors on an AP switch port',
	association_failures_ap: 'Association failures on an AP',
	auth_failures_site: 'Authentication failures at a site',
	auth_failures_ssid: 'Authentication failures on an SSID',
	client_arp_failure: 'Client cannot reach its gateway',
	client_association_failure: 'Client cannot associate',
	client_auth_failure: 'Client cannot authenticate',
	client_connectivity_drops: 'Client keeps dropping off',
	client_dhcp_failure: 'Client gets no IP address',
	client_dns_failure: 'Client DNS failures',
	client_high_retries: 'Client with many retries',
	client_low_snr: 'Client with low SNR',
	client_weak_signal: 'Client with weak signal',
	weak_signal_clients_site: 'Clients with weak signal on a healthy site',
	low_snr_clients_site: 'Clients with low SNR on a healthy site',
	high_retries_clients_site: 'Clients with many retries on a healthy site',
	co_channel_congestion: 'Co-channel congestion',
	connectivity_drops_ap: 'Clients dropping off an AP',
	device_down: 'Switch or gateway down',
	device_updown_flaps: 'Switch or gateway flapping',
	dfs_radar_hits: 'Radar on a DFS channel',
	dhcp_failures_site: 'DHCP failures at a site',
	dhcp_failures_vlan: 'DHCP failures on a VLAN',
	dhcp_nak_storm: 'DHCP server refusing leases (NAK) on a VLAN',
	dhcp_pool_exhausted: 'DHCP pool exhausted',
	dhcp_server_unresponsive: 'DHCP server not answering',
	dns_failures_site: 'DNS failures at a site',
	dns_failures_vlan: 'DNS failures on a VLAN',
	dns_servers_unreachable: 'DNS servers unreachable',
	fast_roaming_failures_ssid: 'Fast roaming failing on an SSID',
	gateway_arp_failures_site: 'Gateway unreachable (ARP) at a site',
	gateway_arp_failures_vlan: 'Gateway unreachable (ARP) on a VLAN',
	gateway_unreachable: 'Default gateway of a VLAN not answering',
	high_channel_utilization: 'Busy channel',
	high_noise_floor: 'High noise floor',
	latency_spike: 'Latency spike',
	non_wifi_interference: 'Non-Wi-Fi interference',
	non_wifi_interference_channel: 'Non-Wi-Fi interference on a channel',
	radius_server_unreachable: 'RADIUS server not answering',
	site_down: 'Site down',
	sle_ap_load: 'SLE: AP load',
	sle_ap_reboot: 'SLE: AP reboots',
	sle_ap_unreachable: 'SLE: AP unreachable',
	sle_association: 'SLE: association',
	sle_authorization: 'SLE: authorization',
	sle_coverage_asymmetry: 'SLE: coverage asymmetry',
	sle_dhcp: 'SLE: DHCP',
	sle_ip_services: 'SLE: IP services (ARP/DNS)',
	sle_non_wifi_interference: 'SLE: non-Wi-Fi interference',
	sle_site_down: 'SLE: site down',
	sle_weak_signal: 'SLE: weak signal',
	sle_wifi_interference: 'SLE: Wi-Fi interference',
	slow_auth: 'Slow authentication',
	slow_dhcp: 'Slow DHCP',
	slow_dns: 'Slow DNS',
	switch_port_bad_cable: 'Bad cable on a switch port',
	switch_port_flap: 'Switch port flapping',
	switch_port_missing_vlan: 'VLAN missing on a switch port',
	switch_port_poe: 'PoE lost on a switch port',
	user_auth_failure: 'User cannot authenticate',
	weak_coverage_ap: 'Weak coverage around an AP',
} as const;

/** Rules named after what Marvis reports (`marvis_<reason>`): one family, titled from the reason. */
export const MARVIS_RULE_PREFIX = 'marvis_';

export type KnownRule = keyof typeof RULE_TITLES;
export type RuleId = KnownRule | `${typeof MARVIS_RULE_PREFIX}${string}`;

/** `dhcp_nak_storm` → "Dhcp nak storm": readable enough for a rule this version does not know. */
function humanize(id: string): string {
	const words = id.replace(/_+/g, ' ').trim();
	return words ? words[0].toUpperCase() + words.slice(1) : id;
}

/** The title of a rule id; ids from Marvis or from other versions get a readable fallback. */
export function ruleTitle(rule: string): string {
	if (Object.prototype.hasOwnProperty.call(RULE_TITLES, rule))
		return RULE_TITLES[rule as KnownRule];
	if (rule.startsWith(MARVIS_RULE_PREFIX) && rule.length > MARVIS_RULE_PREFIX.length) {
		return `Marvis: ${humanize(rule.slice(MARVIS_RULE_PREFIX.length)).toLowerCase()}`;
	}
	return humanize(rule);
}

/** "AP offline, Busy channel": the titles of several rules, for one table cell or line. */
export function ruleTitles(rules: string[]): string {
	return rules.map(ruleTitle).join(', ');
}
