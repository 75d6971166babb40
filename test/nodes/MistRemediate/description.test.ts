import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { REMEDIATION_OPERATIONS } from '../../../nodes/shared/findings/operations';
import { MistRemediate } from '../../../nodes/MistRemediate/MistRemediate.node';
import { ACTIONS } from '../../../nodes/MistRemediate/actions';
import { GUARDRAIL_DEFAULTS } from '../../../nodes/MistRemediate/descriptions/guardrailFields';

const description = new MistRemediate().description;
const property = (name: string) =>
	description.properties.find((entry) => entry.name === name) as INodeProperties;

describe('Juniper Mist Remediate › description', () => {
	it('has two outputs, Actions and Skipped', () => {
		expect(description.outputs).toHaveLength(2);
		expect(description.outputNames).toEqual(['Actions', 'Skipped']);
	});

	it('defaults to a dry run and to findings as input', () => {
		expect(property('dryRun').default).toBe(true);
		expect(property('operation').default).toBe('fromFinding');
		expect(property('txPowerOnly').default).toBe(true);
	});

	it('covers every operation of the finding contract except the ISE lookup', () => {
		const contract = REMEDIATION_OPERATIONS.filter((operation) => operation !== 'iseLookup').sort();
		const options = (property('operation').options as INodePropertyOptions[])
			.map((option) => option.value)
			.filter((value) => value !== 'fromFinding');
		expect([...options].sort()).toEqual(contract);
		expect(Object.keys(ACTIONS).sort()).toEqual(contract);
		expect([...(property('allowedOperations').default as string[])].sort()).toEqual(contract);
	});

	it('lists operations alphabetically by name', () => {
		const names = (property('operation').options as INodePropertyOptions[]).map(
			(option) => option.name,
		);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('has the documented guardrail defaults (dry run, limits, cooldown)', () => {
		const guardrails = property('guardrails').options as INodeProperties[];
		const defaults = Object.fromEntries(guardrails.map((entry) => [entry.name, entry.default]));
		expect(defaults).toMatchObject({
			maxActionsPerExecution: 5,
			maxActionsPerSitePerHour: 10,
			cooldownMinutes: 30,
			maxApRestartPercent: 20,
		});
		// The reader falls back to the same numbers when a limit is not set.
		expect(defaults).toMatchObject(GUARDRAIL_DEFAULTS);
	});
});
