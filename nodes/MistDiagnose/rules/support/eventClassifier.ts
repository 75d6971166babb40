/**
 * Sorts client event types into the failure families the rules use. The runtime catalogue
 * (`GET /const/client_events`) is consulted for types this file does not know, so a new Mist
 * failure type is still counted; a name-pattern fallback covers types missing from both.
 */

export type EventCategory =
	| 'auth_failure'
	| 'association_failure'
	| 'dhcp_failure'
	| 'dns_failure'
	| 'arp_failure'
	| 'disconnect'
	| 'success'
	| 'other';

/** One entry of Mist's client event catalogue (`GET /const/client_events`). */
export interface EventCatalogueEntry {
	key: string;
	group?: string | null;
	display?: string | null;
	description?: string | null;
}

export interface EventClass {
	category: EventCategory;
	/** Where the answer came from: the vetted list, the catalogue text, or the type name alone. */
	via: 'known' | 'catalogue' | 'pattern';
}

/**
 * Vetted names: the spec shows only examples, and two independent Mist client codebases agree on
 * these. There is no CLIENT_AUTH_FAILURE or CLIENT_DHCP_*: failures carry MARVIS_EVENT_. They win over any heuristic.
 */
const KNOWN: Record<string, EventCategory> = {};
const add = (category: EventCategory, keys: string[]) => keys.forEach((key) => (KNOWN[key] = category));
add('auth_failure', [
	'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
	'MARVIS_EVENT_CLIENT_AUTH_FAILURE_11R',
	'MARVIS_EVENT_CLIENT_AUTH_FAILURE_OKC',
	'MARVIS_EVENT_CLIENT_AUTH_DENIED',
	'MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE',
	'MARVIS_EVENT_SAE_AUTH_FAILURE',
	'SAE_AUTH_FAILURE',
	'REPEATED_AUTH_FAILURES',
	'NAC_CLIENT_DENY',
	'NAC_CLIENT_CERT_CHECK_FAILURE',
	'NAC_IDP_AUTHC_FAILURE',
	'NAC_IDP_UNREACHABLE',
]);
add('association_failure', [
	'CLIENT_ASSOCIATION_FAILURE',
	'CLIENT_REASSOCIATION_FAILURE',
	'MARVIS_EVENT_CLIENT_FBT_FAILURE',
	'SA_QUERY_TIMEOUT',
]);
add('dhcp_failure', [
	'MARVIS_EVENT_CLIENT_DHCP_FAILURE',
	'MARVIS_EVENT_CLIENT_DHCP_NAK',
	'MARVIS_EVENT_CLIENT_DHCP_STUCK',
	'MARVIS_EVENT_CLIENT_FAILED_DHCP_INFORM',
	'MARVIS_EVENT_CLIENT_DHCPV6_FAILURE',
	'MARVIS_EVENT_CLIENT_DHCPV6_NAK',
	'MARVIS_EVENT_CLIENT_DHCPV6_STUCK',
	'MARVIS_HEALTH_EVENT_BAD_IP_ASSIGNMENT_PATTERN',
]);
add('dns_failure', ['MARVIS_DNS_FAILURE']);
add('arp_failure', ['CLIENT_GW_ARP_FAILURE', 'CLIENT_ARP_FAILURE', 'CLIENT_EXCESSIVE_ARPING_GW']);
add('disconnect', ['CLIENT_DEASSOCIATION', 'CLIENT_DEAUTHENTICATED', 'CLIENT_DEAUTHENTICATION', 'MARVIS_EVENT_STA_LEAVING']);
add('success', ['CLIENT_IP_ASSIGNED', 'CLIENT_IPV6_ASSIGNED', 'CLIENT_DNS_OK', 'CLIENT_GW_ARP_OK', 'NAC_CLIENT_PERMIT']);

/** Patterns run on upper-cased text with underscores turned into spaces, so `\b` works on type names too. */
const FAILURE = /\b(FAIL\w*|DENY|DENIED|NAK|NACK|STUCK|TIMEOUT|TIME OUT|REJECT\w*|UNREACHABLE|BAD|EXCESSIVE|ERROR|INVALID)\b/;
const DISCONNECT = /\b(DEASSOC\w*|DISASSOC\w*|DEAUTH\w*|LEAVING|DISCONNECT\w*)\b/;
/** Checked in order: DHCP/DNS/ARP names often also contain CLIENT or AUTH-like words. */
const DOMAINS: Array<[RegExp, EventCategory]> = [
	[/\b(DHCP\w*|LEASE|IP ASSIGN\w*)\b/, 'dhcp_failure'],
	[/\bDNS\b/, 'dns_failure'],
	[/\b(ARP|ARPING|GATEWAY)\b/, 'arp_failure'],
	[/\b(AUTH\w*|802\.?1X|EAP\w*|PSK|SAE|RADIUS|NAC|IDP|CERT\w*|PASSWORD|CREDENTIAL\w*)\b/, 'auth_failure'],
	[/\b(ASSOC\w*|REASSOC\w*|FBT|FAST TRANSITION|11R|ROAM\w*)\b/, 'association_failure'],
];

function classifyText(raw: string): EventCategory {
	const text = raw.toUpperCase().replace(/_/g, ' ');
	if (FAILURE.test(text)) return DOMAINS.find(([pattern]) => pattern.test(text))?.[1] ?? 'other';
	if (DISCONNECT.test(text)) return 'disconnect';
	return 'other';
}

export type EventClassifier = (type: string) => EventClass;

/** Builds a memoising classifier over the catalogue (may be empty). */
export function createEventClassifier(catalogue: EventCatalogueEntry[] = []): EventClassifier {
	const definitions = new Map(catalogue.map((entry) => [entry.key.toUpperCase(), entry]));
	const cache = new Map<string, EventClass>();
	return (rawType: string) => {
		const type = rawType.trim().toUpperCase();
		const cached = cache.get(type);
		if (cached) return cached;
		const result = classifyOnce(type, definitions.get(type));
		cache.set(type, result);
		return result;
	};
}

function classifyOnce(type: string, definition: EventCatalogueEntry | undefined): EventClass {
	if (KNOWN[type]) return { category: KNOWN[type], via: 'known' };
	if (definition) {
		const text = [definition.key, definition.display, definition.group, definition.description].filter(Boolean).join(' ');
		const category = classifyText(text);
		if (category !== 'other') return { category, via: 'catalogue' };
	}
	return { category: classifyText(type), via: 'pattern' };
}
