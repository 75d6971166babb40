import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { secretProblem } from '../engine/webhookSecret';

/**
 * The Mist Webhook Secret API credential's test. Mist offers no call that checks a webhook secret, so
 * this checks what can go wrong here: an empty secret, or spaces pasted around it.
 */
export async function mistWebhookSecretTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const problem = secretProblem(credential.data?.secret);
	if (problem) return { status: 'Error', message: problem };
	return { status: 'OK', message: 'The secret can be used to check X-Mist-Signature-v2' };
}
