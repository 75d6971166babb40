import type { DiagnosisStep } from '../../../shared/findings/types';

/**
 * Sorts client event types into the failure families the rules use. The runtime catalogue
 * (`GET /const/client_events`) is consulted for types this file does not know, so a new Mist
 * failure type is still counted; a name-pattern fallback covers types missing from both.
 */

export type EventCategory =
	| 'auth_failure'
	| 'policy_failure'
	| 'association_failure'
	| 'roaming_failure'
	| 'dhcp_failure'
	| 'dhcpv6_failure'
	| 'dns_failure'
	| 'arp_failure'
	| 'disconnect'
	| 'security'
	| 'info'
	| 'success'
	| 'other';

/**
 * The flowchart step that reads each family. Roaming failures (11r/FT, OKC, PMK caching) are
 * re-associations, so the association step owns them; DHCPv6 failures go to the DHCP step as
 * evidence only (they are frequent noise on dual-stack networks); WxLAN policy lookups are an
 * authorisation failure. The rest is not a failure of any step: successes, disconnects, call
 * and portal-flow information, and security detections Mist alarms on by itself.
 */
export const STEP_OF_CATEGORY: Record<EventCategory, DiagnosisStep | undefined> = {
	auth_failure: 'authentication',
	policy_failure: 'authentication',
	association_failure: 'association',
	roaming_failure: 'association',
	dhcp_failure: 'dhcp',
	dhcpv6_failure: 'dhcp',
	dns_failure: 'infrastructure',
	arp_failure: 'infrastructure',
	disconnect: undefined,
	security: undefined,
	info: undefined,
	success: undefined,
	other: undefined,
};

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
const add = (category: EventCategory, keys: string[]) =>
	keys.forEach((key) => (KNOWN[key] = category));
add('auth_failure', [
	'MARVIS_EVENT_CLIENT_AUTH_FAILURE',
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
add('policy_failure', ['MARVIS_EVENT_CLIENT_WXLAN_POLICY_LOOKUP_FAILURE']);
add('association_failure', [
	'CLIENT_ASSOCIATION_FAILURE',
	'CLIENT_REASSOCIATION_FAILURE',
	'SA_QUERY_TIMEOUT',
]);
// Fast-roaming key failures: the client's credentials are fine, the cached or FT key is not.
add('roaming_failure', [
	'MARVIS_EVENT_CLIENT_FBT_FAILURE',
	'MARVIS_EVENT_CLIENT_AUTH_FAILURE_11R',
	'MARVIS_EVENT_CLIENT_AUTH_FAILURE_OKC',
	'MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND',
]);
add('dhcp_failure', [
	'MARVIS_EVENT_CLIENT_DHCP_FAILURE',
	'MARVIS_EVENT_CLIENT_DHCP_NAK',
	'MARVIS_EVENT_CLIENT_DHCP_STUCK',
	'MARVIS_EVENT_CLIENT_FAILED_DHCP_INFORM',
	'MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED',
	'MARVIS_HEALTH_EVENT_BAD_IP_ASSIGNMENT_PATTERN',
]);
add('dhcpv6_failure', [
	'MARVIS_EVENT_CLIENT_DHCPV6_FAILURE',
	'MARVIS_EVENT_CLIENT_DHCPV6_NAK',
	'MARVIS_EVENT_CLIENT_DHCPV6_STUCK',
]);
add('dns_failure', ['MARVIS_DNS_FAILURE']);
add('arp_failure', ['CLIENT_GW_ARP_FAILURE', 'CLIENT_ARP_FAILURE', 'CLIENT_EXCESSIVE_ARPING_GW']);
add('disconnect', [
	'CLIENT_DEASSOCIATION',
	'CLIENT_DEAUTHENTICATED',
	'CLIENT_DEAUTHENTICATION',
	'MARVIS_EVENT_STA_LEAVING',
]);
add('security', ['DEFAULT_GATEWAY_SPOOFING_DETECTED']);
add('info', [
	'MARVIS_EVENT_WXLAN_CAPTIVE_PORT_FLOW_REDIRECT',
	'HTTP_REDIR_PROCESSED',
	'CLIENT_JOINED_CALL',
	'CLIENT_LEFT_CALL',
	'CLIENT_DISCONNECTED_FROM_CALL',
	'HIGH_CPU_OBSERVED',
	'RADIUS_DAS_NOTIFY',
]);
add('success', [
	'CLIENT_ASSOCIATION',
	'CLIENT_ASSOCIATION_PMKC',
	'CLIENT_AUTH_ASSOCIATION',
	'CLIENT_AUTH_ASSOCIATION_11R',
	'CLIENT_AUTH_ASSOCIATION_OKC',
	'CLIENT_REASSOCIATION',
	'CLIENT_REASSOCIATION_PMKC',
	'CLIENT_AUTH_REASSOCIATION',
	'CLIENT_AUTH_REASSOCIATION_11R',
	'CLIENT_AUTH_REASSOCIATION_OKC',
	'CLIENT_AUTHENTICATED',
	'MARVIS_EVENT_CAPTIVE_PORTAL_AUTHORIZED',
	'CLIENT_IP_ASSIGNED',
	'CLIENT_IPV6_ASSIGNED',
	'CLIENT_DNS_OK',
	'CLIENT_GW_ARP_OK',
	'NAC_CLIENT_PERMIT',
]);

/** Patterns run on upper-cased text with underscores turned into spaces, so `\b` works on type names too. */
const FAILURE =
	/\b(FAIL\w*|DENY|DENIED|NAK|NACK|STUCK|TIMEOUT|TIME OUT|REJECT\w*|UNREACHABLE|BAD|EXCESSIVE|ERROR|INVALID)\b/;
const DISCONNECT = /\b(DEASSOC\w*|DISASSOC\w*|DEAUTH\w*|LEAVING|DISCONNECT\w*)\b/;
/** Checked in order: DHCP/DNS/ARP names often also contain CLIENT or AUTH-like words. */
const DOMAINS: Array<[RegExp, EventCategory]> = [
	[/\bDHCPV6\b/, 'dhcpv6_failure'],
	[/\b(DHCP\w*|LEASE|IP ASSIGN\w*|STATIC IP)\b/, 'dhcp_failure'],
	[/\bDNS\b/, 'dns_failure'],
	[/\b(ARP|ARPING|GATEWAY)\b/, 'arp_failure'],
	[/\b(WXLAN|POLICY)\b/, 'policy_failure'],
	// Before authentication: "AUTH FAILURE 11R" is a roaming key failure, not a credentials one.
	[/\b(FBT|FT|FAST TRANSITION|11R|OKC|PMKC?|ROAM\w*)\b/, 'roaming_failure'],
	[
		/\b(AUTH\w*|802\.?1X|EAP\w*|PSK|SAE|RADIUS|NAC|IDP|CERT\w*|PASSWORD|CREDENTIAL\w*)\b/,
		'auth_failure',
	],
	[/\b(ASSOC\w*|REASSOC\w*)\b/, 'association_failure'],
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
		const text = [definition.key, definition.display, definition.group, definition.description]
			.filter(Boolean)
			.join(' ');
		const category = classifyText(text);
		if (category !== 'other') return { category, via: 'catalogue' };
	}
	return { category: classifyText(type), via: 'pattern' };
}

/** A client event type the vetted list does not know, and what the heuristics made of it. */
export interface UnclassifiedEventType {
	type: string;
	/** The family it is read as; `other` means no step reads it. */
	handledAs: EventCategory;
	via: 'catalogue' | 'pattern';
	/** Its events in the window, when they were read or counted. */
	events?: number;
}

/**
 * The types (from the catalogue, the events read or an event count) that the vetted list does not
 * know, so a new Mist type is reported with how it was handled instead of being guessed silently.
 */
export function unclassifiedEventTypes(
	types: Iterable<string>,
	classify: EventClassifier,
	eventCounts: Record<string, number> = {},
): UnclassifiedEventType[] {
	const out: UnclassifiedEventType[] = [];
	for (const type of [...new Set(types)].sort()) {
		const { category, via } = classify(type);
		if (via === 'known') continue;
		const events = eventCounts[type];
		out.push({ type, handledAs: category, via, ...(events === undefined ? {} : { events }) });
	}
	return out;
}

/** The event families a step reads (see `STEP_OF_CATEGORY`). */
export function categoriesOfStep(step: DiagnosisStep): EventCategory[] {
	return (Object.keys(STEP_OF_CATEGORY) as EventCategory[]).filter(
		(category) => STEP_OF_CATEGORY[category] === step,
	);
}
