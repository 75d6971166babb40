import type { INodeProperties, INodeCredentialDescription } from 'n8n-workflow';

import { SHARED_MEMORY_CREDENTIAL } from './n8nApi';

export type MemoryChoice = 'shared' | 'workflow';

/** The credential entry of a node that can keep its memory in n8n's Data Tables. */
export const sharedMemoryCredential: INodeCredentialDescription = {
	name: SHARED_MEMORY_CREDENTIAL,
	required: true,
	displayOptions: { show: { memory: ['shared'] } },
};

/** "Memory" and "Namespace", the same on every Mist node that remembers something. */
export function memoryProperties(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Memory',
			name: 'memory',
			type: 'options',
			options: [
				{
					name: 'Shared (N8n Data Tables)',
					value: 'shared',
					description: `Keep ${what} in n8n's Data Tables, shared by every workflow and worker of this n8n (needs an n8n API key)`,
				},
				{
					name: 'This Workflow Only',
					value: 'workflow',
					description: `Keep ${what} in this workflow's static data; other workflows do not see it and concurrent runs may both act`,
				},
			],
			default: 'workflow',
		},
		{
			displayName: 'Namespace',
			name: 'memoryNamespace',
			type: 'string',
			default: 'default',
			displayOptions: { show: { memory: ['shared'] } },
			description:
				'Nodes with the same namespace share one memory (one incident per problem, one cooldown per AP); give separate teams separate namespaces',
		},
	];
}
