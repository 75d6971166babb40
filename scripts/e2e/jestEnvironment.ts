/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import type { Circus } from '@jest/types';
import { TestEnvironment } from 'jest-environment-node';

/** Node environment that remembers a failed test or hook, so the harness keeps that run's n8n logs. */
export default class E2eEnvironment extends TestEnvironment {
	async handleTestEvent(event: Circus.Event): Promise<void> {
		if (event.name === 'test_fn_failure' || event.name === 'hook_failure') {
			this.global.__N8N_E2E_FAILED__ = true;
		}
	}
}
