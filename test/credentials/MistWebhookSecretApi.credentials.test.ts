import type { ICredentialTestFunctions } from 'n8n-workflow';

import { MistWebhookSecretApi } from '../../credentials/MistWebhookSecretApi.credentials';
import { mistWebhookSecretTest } from '../../nodes/MistTrigger/actions/credentialTest';

const test = async (secret: unknown) =>
	await mistWebhookSecretTest.call({} as ICredentialTestFunctions, {
		id: 'c1',
		name: 'Mist webhook secret',
		type: 'mistWebhookSecretApi',
		data: { secret } as never,
	});

describe('Mist Webhook Secret API credential', () => {
	it('holds one required password field named secret', () => {
		const credential = new MistWebhookSecretApi();
		expect(credential.name).toBe('mistWebhookSecretApi');
		expect(credential.properties).toEqual([
			expect.objectContaining({
				name: 'secret',
				type: 'string',
				required: true,
				typeOptions: { password: true },
			}),
		]);
	});

	it('its test accepts a secret and refuses an empty one or one with spaces around it', async () => {
		expect(await test('s3cret-from-mist')).toMatchObject({ status: 'OK' });
		expect(await test('')).toEqual({ status: 'Error', message: 'The secret is empty' });
		expect(await test(undefined)).toMatchObject({ status: 'Error' });
		expect(await test(' s3cret ')).toEqual({
			status: 'Error',
			message: expect.stringContaining('starts or ends with a space'),
		});
	});

	it('never repeats the secret in its test message', async () => {
		for (const secret of ['canary-7f3e', ' canary-7f3e ']) {
			expect(JSON.stringify(await test(secret))).not.toContain('canary-7f3e');
		}
	});
});
