import { NodeHelpers } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import { MistTrigger } from '../../../nodes/MistTrigger/MistTrigger.node';
import { sharedMemoryCredential } from '../../../nodes/shared/memory/description';

describe('Mist Trigger › description', () => {
	const node = new MistTrigger();
	const { description } = node;

	it('is a webhook trigger without inputs that is not offered as an AI tool', () => {
		expect(description).toMatchObject({
			name: 'mistTrigger',
			displayName: 'Juniper Mist Trigger',
			group: ['trigger'],
			inputs: [],
		});
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		]);
	});

	it('implements the whole webhook lifecycle and the list/option methods its parameters name', () => {
		expect(Object.keys(node.webhookMethods.default).sort()).toEqual([
			'checkExists',
			'create',
			'delete',
		]);
		const named =
			JSON.stringify(description.properties).match(
				/"(loadOptionsMethod|searchListMethod)":"(\w+)"/g,
			) ?? [];
		const methodNames = named.map((entry) => entry.split(':')[1].replace(/"/g, ''));
		const available = { ...node.methods.listSearch, ...node.methods.loadOptions } as Record<
			string,
			unknown
		>;
		expect(methodNames.length).toBeGreaterThan(0);
		for (const name of methodNames) expect(typeof available[name]).toBe('function');
	});

	it('needs the Mist API credential only when registering, and a webhook secret credential for an existing webhook', () => {
		expect(description.credentials).toEqual([
			{
				name: 'mistApi',
				required: true,
				displayOptions: { show: { webhookRegistration: ['automatic'] } },
			},
			{
				name: 'mistWebhookSecretApi',
				testedBy: 'mistWebhookSecretTest',
				displayOptions: { show: { webhookRegistration: ['existing'], verifySignature: [true] } },
			},
			sharedMemoryCredential,
		]);
		expect(typeof node.methods.credentialTest.mistWebhookSecretTest).toBe('function');
	});

	it('writes the shared memory credential entry as a literal equal to sharedMemoryCredential', () => {
		const entry = description.credentials?.find(
			(credential) => credential.name === 'mistSharedMemoryApi',
		);
		expect(entry).toEqual(sharedMemoryCredential);
		expect(entry).not.toBe(sharedMemoryCredential);
	});

	it('offers the shared memory for the events already seen, and says the default stays in this process', () => {
		const memory = description.properties.find((property) => property.name === 'memory');
		expect(memory?.default).toBe('workflow');
		const options = (memory?.options ?? []) as Array<{ value: string; description: string }>;
		expect(options.map((option) => option.value).sort()).toEqual(['shared', 'workflow']);
		expect(options.find((option) => option.value === 'shared')?.description).toContain(
			'the events already seen',
		);
		expect(options.find((option) => option.value === 'workflow')?.description).toContain(
			'this n8n process only',
		);
		const namespace = description.properties.find(
			(property) => property.name === 'memoryNamespace',
		);
		expect(namespace?.displayOptions).toEqual({ show: { memory: ['shared'] } });
	});

	it('shows the deprecated Secret parameter (a password field) only while it holds a value', () => {
		const secret = description.properties.find((property) => property.name === 'secret');
		expect(secret?.typeOptions).toEqual({ password: true });
		expect(secret?.required).toBeFalsy();
		const shown = (values: Record<string, unknown>) =>
			NodeHelpers.displayParameter(values as INodeParameters, secret!, null, null);
		const existing = { webhookRegistration: 'existing', verifySignature: true };
		expect(shown({ ...existing, secret: 'old-secret' })).toBe(true);
		expect(shown({ ...existing, secret: '' })).toBe(false);
		expect(shown(existing)).toBe(false);
	});

	it('lets n8n keep a legacy Secret value when it saves the node, and drop an empty one', () => {
		const node = {
			id: 'n1',
			name: 'Juniper Mist Trigger',
			type: 'n8n-nodes-juniper-mist.mistTrigger',
			typeVersion: 1,
			position: [0, 0] as [number, number],
			parameters: {},
		};
		const saved = (values: INodeParameters) =>
			NodeHelpers.getNodeParameters(
				description.properties,
				values,
				false,
				false,
				node,
				description,
			);
		const existing = { webhookRegistration: 'existing', verifySignature: true };
		expect(saved({ ...existing, secret: 'old-secret' })).toMatchObject({ secret: 'old-secret' });
		expect(saved({ ...existing, secret: '' })).not.toHaveProperty('secret');
	});

	it('accepts SHA-1-only signatures only when asked (off by default), and says why the option exists', () => {
		const options = description.properties.find((property) => property.name === 'options');
		const sha1 = (
			options?.options as Array<{ name: string; default?: unknown; description?: string }>
		).find((option) => option.name === 'acceptSha1Signatures');
		expect(sha1?.default).toBe(false);
		expect(sha1?.description).toMatch(/X-Mist-Signature-v2 is present, it alone decides/);
		expect(sha1?.description).toMatch(/Off by default/);
	});
});
