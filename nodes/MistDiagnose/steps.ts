import type { DiagnosisStep } from '../shared/findings/types';
import type { EventCategory } from '../shared/diagnosis/eventClassifier';

export type StepChoice = DiagnosisStep | 'all';

/** Client event families each step reads (the types come from Mist's /const/client_events catalogue). */
export const STEP_EVENT_CATEGORIES: Partial<Record<DiagnosisStep, EventCategory[]>> = {
	association: ['association_failure'],
	authentication: ['auth_failure'],
	dhcp: ['dhcp_failure'],
	infrastructure: ['dns_failure', 'arp_failure'],
};

/** NAC (Access Assurance) event types: they live in their own search endpoint. */
export const NAC_FAILURE_TYPES = ['NAC_CLIENT_CERT_CHECK_FAILURE', 'NAC_CLIENT_DENY', 'NAC_IDP_AUTHC_FAILURE', 'NAC_IDP_UNREACHABLE'];

/** Device events that reveal AP instability and switch port or uplink problems. */
export const AP_EVENT_TYPES = ['AP_DISCONNECTED', 'AP_DISCONNECTED_LONG', 'AP_REBOOTED', 'AP_RESTARTED', 'AP_RESTART_BY_USER'];
export const INFRA_EVENT_TYPES = ['GW_DISCONNECTED', 'SW_DISCONNECTED', 'SW_PORT_DOWN', 'SW_PORT_UP'];

/** Site SLE metrics worth a drill-down (classifiers) per step, on sites the org SLE found degraded. */
export const STEP_SLE_METRICS: Partial<Record<DiagnosisStep, string[]>> = {
	client_health: ['coverage'],
	rf_environment: ['capacity'],
};
