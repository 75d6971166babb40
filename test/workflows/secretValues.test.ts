/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The shipped workflows carry no secret values: not the secrets of the credentials the demo and
 * the e2e tests import (the PagerDuty canary key among them), nothing shaped like a PagerDuty
 * routing key, and no Mist Alert node keeps its routing key in the deprecated plain-text parameter.
 */
import fs from 'node:fs';
import path from 'node:path';

import { PAGERDUTY_CANARY_ROUTING_KEY, shippedCredentials } from '../../scripts/shippedCredentials';
import type { SimulatedServices } from '../../scripts/shippedCredentials';
import {
	PACKAGE_NAME,
	readWorkflow,
	secretsIn,
	WORKFLOWS_DIR,
	workflowFiles,
} from './workflowChecks';

const FILES = workflowFiles();

const canary = (what: string) => `${what}-canary-7f3e2b9d`;
/** The credentials with made-up service secrets: only the fields n8n keeps as passwords matter. */
const CREDENTIALS = shippedCredentials({
	sim: { token: canary('sim-token'), url: 'http://127.0.0.1:1', orgId: 'org' },
	ise: { url: 'http://127.0.0.1:2', username: 'ise-user', password: canary('ise-password') },
	sink: { smtpPort: 3 },
} as unknown as SimulatedServices);
const SECRET_FIELDS = ['apiToken', 'password', 'routingKey'];
const SECRETS = CREDENTIALS.flatMap((credential) =>
	SECRET_FIELDS.map((field) => (credential.data as Record<string, unknown>)[field]).filter(
		(value): value is string => typeof value === 'string' && value.length >= 8,
	),
);

it('knows the secrets of the shipped credentials, the PagerDuty canary key included', () => {
	expect(SECRETS).toEqual(
		expect.arrayContaining([
			canary('sim-token'),
			canary('ise-password'),
			PAGERDUTY_CANARY_ROUTING_KEY,
		]),
	);
	expect(secretsIn({ text: PAGERDUTY_CANARY_ROUTING_KEY })).toEqual([
		'text: PagerDuty routing key',
	]);
});

describe.each(FILES)('workflows/%s', (file) => {
	const text = fs.readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8');
	const workflow = readWorkflow(file);

	it('holds none of the credential secrets and nothing shaped like a routing key', () => {
		expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([]);
		expect(secretsIn(workflow.nodes.map((node) => ({ ...node, credentials: undefined })))).toEqual(
			[],
		);
	});

	it('keeps no PagerDuty routing key in a Mist Alert parameter', () => {
		for (const node of workflow.nodes.filter((entry) => entry.type === `${PACKAGE_NAME}.mistAlert`))
			expect({ node: node.name, parameters: Object.keys(node.parameters) }).toEqual({
				node: node.name,
				parameters: expect.not.arrayContaining(['pagerDutyRoutingKey']),
			});
	});
});
