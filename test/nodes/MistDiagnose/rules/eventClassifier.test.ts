import {
	categoriesOfStep,
	createEventClassifier,
	STEP_OF_CATEGORY,
	unclassifiedEventTypes,
} from '../../../../nodes/MistDiagnose/rules';
import type { EventCatalogueEntry, EventCategory } from '../../../../nodes/MistDiagnose/rules';
import type { DiagnosisStep } from '../../../../nodes/shared/findings/types';
import realTypes from '../fixtures/real/client-event-types.json';

describe('event type classification', () => {
	const classify = createEventClassifier();

	it.each([
		['MARVIS_EVENT_CLIENT_AUTH_FAILURE', 'auth_failure'],
		['MARVIS_EVENT_CLIENT_AUTH_DENIED', 'auth_failure'],
		['MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE', 'auth_failure'],
		['SAE_AUTH_FAILURE', 'auth_failure'],
		['REPEATED_AUTH_FAILURES', 'auth_failure'],
		['NAC_CLIENT_DENY', 'auth_failure'],
		['NAC_CLIENT_CERT_CHECK_FAILURE', 'auth_failure'],
		['NAC_IDP_UNREACHABLE', 'auth_failure'],
		['CLIENT_ASSOCIATION_FAILURE', 'association_failure'],
		['CLIENT_REASSOCIATION_FAILURE', 'association_failure'],
		['MARVIS_EVENT_CLIENT_FBT_FAILURE', 'roaming_failure'],
		['MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND', 'roaming_failure'],
		['MARVIS_EVENT_CLIENT_AUTH_FAILURE_11R', 'roaming_failure'],
		['MARVIS_EVENT_CLIENT_WXLAN_POLICY_LOOKUP_FAILURE', 'policy_failure'],
		['MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED', 'dhcp_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_FAILURE', 'dhcp_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_NAK', 'dhcp_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_STUCK', 'dhcp_failure'],
		['MARVIS_EVENT_CLIENT_DHCPV6_STUCK', 'dhcpv6_failure'],
		['MARVIS_HEALTH_EVENT_BAD_IP_ASSIGNMENT_PATTERN', 'dhcp_failure'],
		['MARVIS_DNS_FAILURE', 'dns_failure'],
		['CLIENT_GW_ARP_FAILURE', 'arp_failure'],
		['CLIENT_ARP_FAILURE', 'arp_failure'],
		['CLIENT_EXCESSIVE_ARPING_GW', 'arp_failure'],
		['CLIENT_DEAUTHENTICATED', 'disconnect'],
		['CLIENT_IP_ASSIGNED', 'success'],
		['CLIENT_DNS_OK', 'success'],
		['CLIENT_AUTHENTICATED', 'success'],
		['CLIENT_AUTH_ASSOCIATION_11R', 'success'],
		['NAC_CLIENT_PERMIT', 'success'],
		['DEFAULT_GATEWAY_SPOOFING_DETECTED', 'security'],
		['CLIENT_JOINED_CALL', 'info'],
	])('%s → %s (known list)', (type, category) => {
		expect(classify(type)).toEqual({ category, via: 'known' });
	});

	it.each([
		['NAC_IDP_GROUP_LOOKUP_FAILURE', 'auth_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_DECLINE', 'other'],
		['MARVIS_EVENT_CLIENT_DHCPV6_TIMEOUT', 'dhcpv6_failure'],
		['CLIENT_DNS_TIMEOUT', 'dns_failure'],
		['CLIENT_AUTH_ASSOCIATION_SAE', 'other'],
		['CLIENT_ROAM_FAILURE', 'roaming_failure'],
		['MARVIS_EVENT_CLIENT_AUTH_FAILURE_PMKC', 'roaming_failure'],
		['CLIENT_REASSOC_TIMEOUT', 'association_failure'],
		['MARVIS_EVENT_CLIENT_WXLAN_RULE_FAILURE', 'policy_failure'],
		['AP_SOMETHING_NEW', 'other'],
	])('%s → %s by name pattern when the catalogue does not know it', (type, category) => {
		expect(classify(type)).toEqual({ category, via: 'pattern' });
	});

	it('uses the /const/client_events catalogue for a new failure type whose name alone says nothing', () => {
		const entry = (type: string, display: string, group: string): EventCatalogueEntry => ({
			key: type,
			display,
			group,
		});
		const catalogue = [
			entry('CLIENT_AUTH_ASSOCIATION_SAE', 'SAE Association', 'Association'),
			entry('MARVIS_EVENT_CLIENT_EAP_TIMEOUT_V2', 'EAP Timeout', 'Authentication'),
			entry('CLIENT_LEASE_REJECTED', 'Lease rejected by server', 'DHCP'),
			entry('CLIENT_GREETING', 'Client greeting', 'Info'),
		];
		const withCatalogue = createEventClassifier(catalogue);
		expect(withCatalogue('MARVIS_EVENT_CLIENT_EAP_TIMEOUT_V2')).toEqual({
			category: 'auth_failure',
			via: 'catalogue',
		});
		expect(withCatalogue('client_lease_rejected')).toEqual({
			category: 'dhcp_failure',
			via: 'catalogue',
		});
		expect(withCatalogue('CLIENT_AUTH_ASSOCIATION_SAE').category).toBe('other');
		expect(withCatalogue('CLIENT_GREETING')).toEqual({ category: 'other', via: 'pattern' });
	});
});

describe('the real client event catalogue (fixtures/real/client-event-types.json)', () => {
	const classify = createEventClassifier();
	/** Every type of the real list, with the family and step it belongs to. */
	const EXPECTED: Record<string, [EventCategory, DiagnosisStep | undefined]> = {
		CLIENT_IP_ASSIGNED: ['success', undefined],
		CLIENT_IPV6_ASSIGNED: ['success', undefined],
		MARVIS_EVENT_CLIENT_DHCP_NAK: ['dhcp_failure', 'dhcp'],
		MARVIS_EVENT_CLIENT_DHCP_FAILURE: ['dhcp_failure', 'dhcp'],
		MARVIS_EVENT_CLIENT_DHCP_STUCK: ['dhcp_failure', 'dhcp'],
		MARVIS_EVENT_CLIENT_DHCPV6_NAK: ['dhcpv6_failure', 'dhcp'],
		MARVIS_EVENT_CLIENT_DHCPV6_FAILURE: ['dhcpv6_failure', 'dhcp'],
		MARVIS_EVENT_CLIENT_DHCPV6_STUCK: ['dhcpv6_failure', 'dhcp'],
		MARVIS_EVENT_CLIENT_FAILED_DHCP_INFORM: ['dhcp_failure', 'dhcp'],
		CLIENT_DNS_OK: ['success', undefined],
		MARVIS_DNS_FAILURE: ['dns_failure', 'infrastructure'],
		CLIENT_AUTHENTICATED: ['success', undefined],
		CLIENT_AUTH_ASSOCIATION: ['success', undefined],
		CLIENT_AUTH_ASSOCIATION_11R: ['success', undefined],
		CLIENT_AUTH_ASSOCIATION_OKC: ['success', undefined],
		MARVIS_EVENT_CLIENT_AUTH_FAILURE: ['auth_failure', 'authentication'],
		MARVIS_EVENT_CLIENT_AUTH_DENIED: ['auth_failure', 'authentication'],
		MARVIS_EVENT_CLIENT_MAC_AUTH_FAILURE: ['auth_failure', 'authentication'],
		MARVIS_EVENT_SAE_AUTH_FAILURE: ['auth_failure', 'authentication'],
		SA_QUERY_TIMEOUT: ['association_failure', 'association'],
		CLIENT_ASSOCIATION: ['success', undefined],
		CLIENT_ASSOCIATION_FAILURE: ['association_failure', 'association'],
		CLIENT_AUTH_REASSOCIATION: ['success', undefined],
		CLIENT_AUTH_REASSOCIATION_11R: ['success', undefined],
		CLIENT_AUTH_REASSOCIATION_OKC: ['success', undefined],
		CLIENT_REASSOCIATION: ['success', undefined],
		CLIENT_REASSOCIATION_PMKC: ['success', undefined],
		CLIENT_ASSOCIATION_PMKC: ['success', undefined],
		MARVIS_EVENT_CLIENT_FBT_FAILURE: ['roaming_failure', 'association'],
		MARVIS_EVENT_CLIENT_AUTH_FAILURE_OKC: ['roaming_failure', 'association'],
		MARVIS_EVENT_CLIENT_AUTH_FAILURE_11R: ['roaming_failure', 'association'],
		MARVIS_EVENT_WLC_FT_KEY_NOT_FOUND: ['roaming_failure', 'association'],
		CLIENT_REASSOCIATION_FAILURE: ['association_failure', 'association'],
		CLIENT_DEASSOCIATION: ['disconnect', undefined],
		CLIENT_DEAUTHENTICATION: ['disconnect', undefined],
		CLIENT_DEAUTHENTICATED: ['disconnect', undefined],
		MARVIS_EVENT_STA_LEAVING: ['disconnect', undefined],
		CLIENT_GW_ARP_OK: ['success', undefined],
		CLIENT_GW_ARP_FAILURE: ['arp_failure', 'infrastructure'],
		CLIENT_ARP_FAILURE: ['arp_failure', 'infrastructure'],
		CLIENT_EXCESSIVE_ARPING_GW: ['arp_failure', 'infrastructure'],
		MARVIS_EVENT_WXLAN_CAPTIVE_PORT_FLOW_REDIRECT: ['info', undefined],
		HTTP_REDIR_PROCESSED: ['info', undefined],
		MARVIS_EVENT_CAPTIVE_PORTAL_AUTHORIZED: ['success', undefined],
		MARVIS_EVENT_CLIENT_WXLAN_POLICY_LOOKUP_FAILURE: ['policy_failure', 'authentication'],
		DEFAULT_GATEWAY_SPOOFING_DETECTED: ['security', undefined],
		MARVIS_EVENT_CLIENT_STATIC_IP_BLOCKED: ['dhcp_failure', 'dhcp'],
		CLIENT_JOINED_CALL: ['info', undefined],
		CLIENT_LEFT_CALL: ['info', undefined],
		CLIENT_DISCONNECTED_FROM_CALL: ['info', undefined],
		HIGH_CPU_OBSERVED: ['info', undefined],
		RADIUS_DAS_NOTIFY: ['info', undefined],
	};

	it('covers every type of the real list, and only those', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...realTypes.types].sort());
	});

	it.each(realTypes.types)('%s lands in its family and step, from the vetted list', (type) => {
		const [category, step] = EXPECTED[type];
		expect(classify(type)).toEqual({ category, via: 'known' });
		expect(STEP_OF_CATEGORY[category]).toBe(step);
	});

	it('gives every failure family a step that reads it', () => {
		for (const step of ['association', 'authentication', 'dhcp', 'infrastructure'] as const) {
			expect(categoriesOfStep(step).length).toBeGreaterThan(0);
		}
		const families = new Set(Object.values(EXPECTED).map(([category]) => category));
		for (const category of families) {
			if (category.endsWith('_failure')) expect(STEP_OF_CATEGORY[category]).toBeDefined();
			else expect(STEP_OF_CATEGORY[category]).toBeUndefined();
		}
	});

	it('reports the types it does not know with their handling and counts, and none of the real ones', () => {
		const catalogue = [
			...realTypes.types,
			'MARVIS_EVENT_CLIENT_EAP_TIMEOUT_V2',
			'CLIENT_QOS_MAP_UPDATED',
		];
		const counts = { MARVIS_EVENT_CLIENT_EAP_TIMEOUT_V2: 4, CLIENT_AUTHENTICATED: 900 };
		expect(unclassifiedEventTypes(catalogue, classify, counts)).toEqual([
			{ type: 'CLIENT_QOS_MAP_UPDATED', handledAs: 'other', via: 'pattern' },
			{
				type: 'MARVIS_EVENT_CLIENT_EAP_TIMEOUT_V2',
				handledAs: 'auth_failure',
				via: 'pattern',
				events: 4,
			},
		]);
		expect(unclassifiedEventTypes(realTypes.types, classify)).toEqual([]);
	});
});
