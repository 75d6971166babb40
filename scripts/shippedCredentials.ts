/**
 * The credentials that the shipped workflows reference by id, pointed at the local simulators and the
 * alert sink. The demo and the e2e tests of the shipped workflows both import exactly these.
 */
import type { CredentialToImport } from './e2e/n8n';
import { SHARED_MEMORY_CREDENTIAL_ID } from './e2e/restApi';
import type { RunningSimulator } from '../simulator/src/index';
import type { RunningIseSimulator } from '../simulator/src/ise/index';
import type { RunningAlertSink } from '../simulator/src/sink/index';

export interface SimulatedServices {
	sim: RunningSimulator;
	ise: RunningIseSimulator;
	sink: RunningAlertSink;
}

/**
 * A canary, shaped like a PagerDuty integration key (32 characters): tests look for it in every
 * execution item and sink message, and expect it only in Tier 3 PagerDuty bodies.
 */
// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- a fake key for the sink, fixed on purpose
export const PAGERDUTY_CANARY_ROUTING_KEY = 'e2eCanaryPagerDuty0RoutingKey001';

export function shippedCredentials({ sim, ise, sink }: SimulatedServices): CredentialToImport[] {
	return [
		{
			id: 'demoMistAccount1',
			name: 'Mist account',
			type: 'mistApi',
			data: { apiToken: sim.token, cloud: 'custom', customUrl: sim.url, orgId: sim.orgId },
		},
		{
			id: 'demoCiscoIse0001',
			name: 'Cisco ISE',
			type: 'ciscoIseApi',
			data: {
				host: ise.url.replace(/\/admin\/API\/mnt$/, ''),
				username: ise.username,
				password: ise.password,
				ignoreSslIssues: false,
			},
		},
		{
			id: 'demoSmtpSink0001',
			name: 'Alert email (SMTP)',
			type: 'smtp',
			// The sink accepts any login; n8n's SMTP credential needs one.
			data: {
				user: 'demo',
				password: 'demo',
				host: '127.0.0.1',
				port: sink.smtpPort,
				secure: false,
				disableStartTls: true,
			},
		},
		{
			id: 'demoPagerDuty001',
			name: 'PagerDuty Events API',
			type: 'mistPagerDutyEventsApi',
			// The sink accepts any key; with PagerDuty this is an Events API v2 integration key.
			data: { routingKey: PAGERDUTY_CANARY_ROUTING_KEY },
		},
		sharedMemoryPlaceholder(),
	];
}

/**
 * The shared-memory credential as a placeholder: n8n's URL and API key exist only once it runs; the
 * harness fills them in on start (PublicApi.connectSharedMemory), in the demo and the e2e tests alike.
 */
export function sharedMemoryPlaceholder(): CredentialToImport {
	return {
		id: SHARED_MEMORY_CREDENTIAL_ID,
		name: 'n8n shared memory',
		type: 'mistSharedMemoryApi',
		data: { baseUrl: 'http://127.0.0.1:9', apiKey: '' },
	};
}
