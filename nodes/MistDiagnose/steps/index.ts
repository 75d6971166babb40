import type { INodePropertyOptions } from 'n8n-workflow';

import { STEPS } from '../../shared/findings/types';
import type { DiagnosisStep } from '../../shared/findings/types';
import { apHealthStep } from './apHealth.step';
import { associationStep } from './association.step';
import { authenticationStep } from './authentication.step';
import { clientHealthStep } from './clientHealth.step';
import { dhcpStep } from './dhcp.step';
import { infrastructureStep } from './infrastructure.step';
import { rfEnvironmentStep } from './rfEnvironment.step';
import type { DiagnosisStepDefinition, StepInput } from './types';

/** The steps of the triage flowchart, by id. Their order is `STEPS` of the shared finding model. */
const DEFINITIONS = {
	association: associationStep,
	authentication: authenticationStep,
	dhcp: dhcpStep,
	client_health: clientHealthStep,
	ap_health: apHealthStep,
	rf_environment: rfEnvironmentStep,
	infrastructure: infrastructureStep,
};

type InputOf<Definition> =
	Definition extends DiagnosisStepDefinition<DiagnosisStep, infer Input> ? Input : never;
type StepInputs = { [Step in DiagnosisStep]: InputOf<(typeof DEFINITIONS)[Step]> };

/** Every step under its own id, each with its own input type. */
export type StepRegistry = {
	[Step in DiagnosisStep]: DiagnosisStepDefinition<Step, StepInputs[Step] & StepInput>;
};

export const STEP_DEFINITIONS: StepRegistry = DEFINITIONS;

export const isDiagnosisStep = (value: string): value is DiagnosisStep =>
	STEPS.some((step) => step === value);

/** The Step parameter's options: All Steps, then each step by name. */
export const STEP_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Steps',
		value: 'all',
		description: 'Run every step of the flowchart, sharing the data between them',
	},
	...STEPS.map((step) => ({ ...STEP_DEFINITIONS[step].option, value: step })).sort((a, b) =>
		a.name.localeCompare(b.name),
	),
];
