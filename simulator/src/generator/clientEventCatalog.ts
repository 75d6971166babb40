/**
 * The client event catalogue of the realistic profile (`GET /const/client_events`): every type that
 * public code written against live orgs lists (test/fixtures/real-shapes/client-event-types.md;
 * that source counts 59 types and names these). No real dump of the endpoint is public, so
 * `display` follows the key's own words and `description` says what the event means without
 * adding failure words the key does not carry (the package classifies unknown types by this text).
 */

export interface ClientEventDefinition {
	key: string;
	display: string;
	group: string;
	description: string;
}

const entry = (key: string, group: string, description: string, display = displayOf(key)) => ({
	key,
	display,
	group,
	description,
});

/** `MARVIS_EVENT_CLIENT_DHCP_NAK` → "Client DHCP NAK"; acronyms stay upper case. */
function displayOf(key: string): string {
	const ACRONYMS = new Set(
		'DHCP DHCPV6 DNS ARP GW IP IPV6 NAK OKC PMKC SAE SA FBT FT WLC MAC HTTP WXLAN CPU RADIUS DAS STA'.split(
			' ',
		),
	);
	return key
		.replace(/^MARVIS_(EVENT_)?/, '')
		.split('_')
		.map((word) =>
			ACRONYMS.has(word) ? word.replace('V6', 'v6') : word.charAt(0) + word.slice(1).toLowerCase(),
		)
		.join(' ')
		.replace(/\b11r\b/i, '11r');
}

export const REAL_CLIENT_EVENTS: readonly ClientEventDefinition[] = [
	entry('CLIENT_ASSOCIATION', 'association', 'The client associated with the AP'),
	entry('CLIENT_ASSOCIATION_PMKC', 'association', 'The client associated using a cached PMK'),
	entry('CLIENT_ASSOCIATION_FAILURE', 'association', 'The AP refused the association request'),
	entry('CLIENT_AUTH_ASSOCIATION', 'association', 'The client associated and authenticated'),
	entry(
		'CLIENT_AUTH_ASSOCIATION_11R',
		'association',
		'The client associated with 802.11r fast transition',
		'11r Association',
	),
	entry(
		'CLIENT_AUTH_ASSOCIATION_OKC',
		'association',
		'The client associated with opportunistic key caching',
	),
	entry('CLIENT_REASSOCIATION', 'roaming', 'The client re-associated (roamed) to this AP'),
	entry('CLIENT_REASSOCIATION_PMKC', 'roaming', 'The client roamed using a cached PMK'),
	entry('CLIENT_REASSOCIATION_FAILURE', 'roaming', 'The AP refused the re-association request'),
	entry('CLIENT_AUTH_REASSOCIATION', 'roaming', 'The client roamed and authenticated again'),
	entry(
		'CLIENT_AUTH_REASSOCIATION_11R',
		'roaming',
		'The client roamed with 802.11r fast transition',
	),
	entry(
		'CLIENT_AUTH_REASSOCIATION_OKC',
		'roaming',
		'The client roamed with opportunistic key caching',
	),
	entry('MARVIS_EVENT_CLIENT_FBT_FAILURE', 'roaming', 'Fast BSS transition of the client failed'),
	entry(
		'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND',
		'roaming',
		'The controller had no fast transition key for the roaming client',
	),
	entry('SA_QUERY_TIMEOUT', 'association', 'The client did not answer the SA query in time'),
	entry('CLIENT_AUTHENTICATED', 'authentication', 'The client completed authentication'),
	entry('MARVIS_EVENT_CLIENT_AUTH_FAILURE', 'authentication', 'Client authentication failed'),
	entry(
		'MARVIS_EVENT_CLIENT_AUTH_FAILURE_11R',
		'authentication',
		'Client authentication failed during an 802.11r roam',
	),
	entry(
		'MARVIS_EVENT_CLIENT_AUTH_FAILURE_OKC',
		'authentication',
		'Client authentication failed during an OKC roam',
	),
	entry(
		'MARVIS_EVENT_CLIENT_AUTH_DENIED',
		'authentication',
		'The authentication server denied the client',
	),
	entry(
		'MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE',
		'authentication',
		'MAC authentication of the client failed',
	),
	entry(
		'MARVIS_EVENT_SAE_AUTH_FAILURE',
		'authentication',
		'WPA3 SAE authentication of the client failed',
	),
	entry(
		'RADIUS_DAS_NOTIFY',
		'authentication',
		'The RADIUS server sent a dynamic authorization message',
	),
	entry('CLIENT_IP_ASSIGNED', 'ip', 'The client got an IPv4 address from DHCP'),
	entry('CLIENT_IPV6_ASSIGNED', 'ip', 'The client got an IPv6 address'),
	entry('MARVIS_EVENT_CLIENT_DHCP_NAK', 'ip', 'The DHCP server answered the client with a NAK'),
	entry(
		'MARVIS_EVENT_CLIENT_DHCP_FAILURE',
		'ip',
		'The client failed to obtain an IPv4 address via DHCP',
	),
	entry('MARVIS_EVENT_CLIENT_DHCP_STUCK', 'ip', 'The client is stuck in DHCP: no server answered'),
	entry('MARVIS_EVENT_CLIENT_DHCPV6_NAK', 'ip', 'The DHCPv6 server answered the client with a NAK'),
	entry(
		'MARVIS_EVENT_CLIENT_DHCPV6_FAILURE',
		'ip',
		'The client failed to obtain an IPv6 address via DHCPv6',
	),
	entry(
		'MARVIS_EVENT_CLIENT_DHCPV6_STUCK',
		'ip',
		'The client is stuck in DHCPv6: no server answered',
	),
	entry('MARVIS_EVENT_CLIENT_FAILED_DHCP_INFORM', 'ip', 'The DHCP inform of the client failed'),
	entry(
		'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED',
		'ip',
		'Traffic from a static IP address of the client was blocked',
	),
	entry('CLIENT_DNS_OK', 'dns', 'The client resolved names'),
	entry('MARVIS_DNS_FAILURE', 'dns', 'DNS lookups of the client failed'),
	entry('CLIENT_GW_ARP_OK', 'arp', 'The gateway answered the client ARP'),
	entry('CLIENT_GW_ARP_FAILURE', 'arp', 'The gateway did not answer the client ARP'),
	entry('CLIENT_ARP_FAILURE', 'arp', 'ARP of the client failed'),
	entry('CLIENT_EXCESSIVE_ARPING_GW', 'arp', 'The client ARPs for the gateway excessively'),
	entry('CLIENT_DEASSOCIATION', 'disconnect', 'The client disassociated'),
	entry('CLIENT_DEAUTHENTICATION', 'disconnect', 'The AP deauthenticated the client'),
	entry('CLIENT_DEAUTHENTICATED', 'disconnect', 'The client was deauthenticated'),
	entry('MARVIS_EVENT_STA_LEAVING', 'disconnect', 'The client is leaving the network'),
	entry(
		'MARVIS_EVENT_WXLAN_CAPTIVE_PORT_FLOW_REDIRECT',
		'portal',
		'Client traffic was redirected to the captive portal',
	),
	entry('HTTP_REDIR_PROCESSED', 'portal', 'The captive portal redirect was processed'),
	entry(
		'MARVIS_EVENT_CAPTIVE_PORTAL_AUTHORIZED',
		'portal',
		'The captive portal authorized the client',
	),
	entry(
		'MARVIS_EVENT_CLIENT_WXLAN_POLICY_LOOKUP_FAILURE',
		'policy',
		'WxLAN policy lookup for the client failed',
	),
	entry(
		'DEFAULT_GATEWAY_SPOOFING_DETECTED',
		'security',
		'A client answered for the default gateway address',
	),
	entry('CLIENT_JOINED_CALL', 'call', 'The client joined a call'),
	entry('CLIENT_LEFT_CALL', 'call', 'The client left a call'),
	entry('CLIENT_DISCONNECTED_FROM_CALL', 'call', 'The client was disconnected from a call'),
	entry('HIGH_CPU_OBSERVED', 'device', 'High CPU load was observed on the client device'),
];

/** `type_code` values seen on real events (the spec's lab example: CLIENT_DNS_OK carries 15). */
export const REAL_TYPE_CODES: Readonly<Record<string, number>> = { CLIENT_DNS_OK: 15 };
