import { createHash, createHmac } from 'crypto';

/** Names the purpose in the HMAC input, so the derived secret is useless for anything else. */
const DERIVATION_LABEL = 'n8n-nodes-juniper-mist trigger webhook secret v1';

/**
 * The secret of a webhook the trigger registers itself: HMAC-SHA256 of the node's webhook id,
 * keyed with a secret the node reads from its credential. Derived again for every delivery, so it
 * is never stored; anyone without the key cannot compute it from the (public) webhook id.
 */
export function deriveWebhookSecret(key: string, webhookId: string): string {
	return createHmac('sha256', key).update(`${DERIVATION_LABEL}\n${webhookId}`).digest('hex');
}

/**
 * A short one-way tag of a secret, kept in static data to notice that the key changed (the API
 * token was replaced) without keeping anything that could sign a delivery.
 */
export function secretFingerprint(secret: string): string {
	return createHash('sha256').update(`fingerprint\n${secret}`).digest('hex').slice(0, 16);
}

/** Why a webhook secret credential cannot be used, or undefined when it can. */
export function secretProblem(secret: unknown): string | undefined {
	if (typeof secret !== 'string' || secret === '') return 'The secret is empty';
	if (secret.trim() !== secret)
		return 'The secret starts or ends with a space: Mist signs with the secret exactly as entered there';
	return undefined;
}
