import { createHmac } from 'crypto';

import {
	deriveWebhookSecret,
	secretFingerprint,
} from '../../../../nodes/MistTrigger/engine/webhookSecret';

const WEBHOOK_ID = '6c1f3b52-8d7e-4a90-b2c4-1e5f7a9d3c20';

describe('Mist Trigger › derived webhook secret', () => {
	it('is a 64-hex HMAC-SHA256 of the webhook id keyed with the credential secret', () => {
		const secret = deriveWebhookSecret('api-token-1', WEBHOOK_ID);
		expect(secret).toMatch(/^[0-9a-f]{64}$/);
		expect(secret).toBe(deriveWebhookSecret('api-token-1', WEBHOOK_ID));
		// Not a bare HMAC of the id: the purpose label keeps it from matching any other use of the key.
		expect(secret).not.toBe(createHmac('sha256', 'api-token-1').update(WEBHOOK_ID).digest('hex'));
	});

	it('changes with the key and with the webhook id', () => {
		const secret = deriveWebhookSecret('api-token-1', WEBHOOK_ID);
		expect(deriveWebhookSecret('api-token-2', WEBHOOK_ID)).not.toBe(secret);
		expect(deriveWebhookSecret('api-token-1', `${WEBHOOK_ID.slice(0, -1)}1`)).not.toBe(secret);
	});

	it('has a short fingerprint that contains neither the secret nor a part of it', () => {
		const secret = deriveWebhookSecret('api-token-1', WEBHOOK_ID);
		const fingerprint = secretFingerprint(secret);
		expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
		expect(secret).not.toContain(fingerprint);
		expect(secretFingerprint(deriveWebhookSecret('api-token-2', WEBHOOK_ID))).not.toBe(fingerprint);
	});
});
