import { createEventClassifier } from '../../../../nodes/MistDiagnose/rules';
import type { EventCatalogueEntry } from '../../../../nodes/MistDiagnose/rules';

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
		['MARVIS_EVENT_CLIENT_FBT_FAILURE', 'association_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_FAILURE', 'dhcp_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_NAK', 'dhcp_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_STUCK', 'dhcp_failure'],
		['MARVIS_EVENT_CLIENT_DHCPV6_STUCK', 'dhcp_failure'],
		['MARVIS_HEALTH_EVENT_BAD_IP_ASSIGNMENT_PATTERN', 'dhcp_failure'],
		['MARVIS_DNS_FAILURE', 'dns_failure'],
		['CLIENT_GW_ARP_FAILURE', 'arp_failure'],
		['CLIENT_ARP_FAILURE', 'arp_failure'],
		['CLIENT_EXCESSIVE_ARPING_GW', 'arp_failure'],
		['CLIENT_DEAUTHENTICATED', 'disconnect'],
		['CLIENT_IP_ASSIGNED', 'success'],
		['CLIENT_DNS_OK', 'success'],
		['NAC_CLIENT_PERMIT', 'success'],
	])('%s → %s (known list)', (type, category) => {
		expect(classify(type)).toEqual({ category, via: 'known' });
	});

	it.each([
		['NAC_IDP_GROUP_LOOKUP_FAILURE', 'auth_failure'],
		['MARVIS_EVENT_CLIENT_DHCP_DECLINE', 'other'],
		['MARVIS_EVENT_CLIENT_DHCPV6_TIMEOUT', 'dhcp_failure'],
		['CLIENT_DNS_TIMEOUT', 'dns_failure'],
		['CLIENT_AUTH_ASSOCIATION_11R', 'other'],
		['CLIENT_AUTHENTICATED', 'other'],
		['CLIENT_ROAM_FAILURE', 'association_failure'],
		['AP_SOMETHING_NEW', 'other'],
	])('%s → %s by name pattern when the catalogue does not know it', (type, category) => {
		expect(classify(type)).toEqual({ category, via: 'pattern' });
	});

	it('uses the /const/client_events catalogue for a new failure type whose name alone says nothing', () => {
		const entry = (type: string, display: string, group: string): EventCatalogueEntry => ({ key: type, display, group });
		const catalogue = [
			entry('CLIENT_AUTH_ASSOCIATION_11R', '11r Association', 'Association'),
			entry('MARVIS_EVENT_CLIENT_EAP_TIMEOUT_V2', 'EAP Timeout', 'Authentication'),
			entry('CLIENT_LEASE_REJECTED', 'Lease rejected by server', 'DHCP'),
			entry('CLIENT_GREETING', 'Client greeting', 'Info'),
		];
		const withCatalogue = createEventClassifier(catalogue);
		expect(withCatalogue('MARVIS_EVENT_CLIENT_EAP_TIMEOUT_V2')).toEqual({ category: 'auth_failure', via: 'catalogue' });
		expect(withCatalogue('client_lease_rejected')).toEqual({ category: 'dhcp_failure', via: 'catalogue' });
		expect(withCatalogue('CLIENT_AUTH_ASSOCIATION_11R').category).toBe('other');
		expect(withCatalogue('CLIENT_GREETING')).toEqual({ category: 'other', via: 'pattern' });
	});
});
