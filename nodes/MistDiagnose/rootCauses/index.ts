import { INFRASTRUCTURE_CAUSES } from './infrastructure.causes';
import { NETWORK_SERVICE_CAUSES } from './networkServices.causes';
import { PEOPLE_CAUSES } from './people.causes';
import { RADIO_CAUSES } from './radio.causes';
import type { RootCauseRule } from './types';

export { explainFindings } from './explain';
export type { Explained } from './explain';
export type { Explanation, RootCauseContext, RootCauseRule } from './types';

/**
 * The correlators, most specific first: a finding one of them explains is not offered to the
 * ones after it. Each family keeps its list in `<family>.causes.ts`, its correlators beside it.
 */
export const ROOT_CAUSE_RULES: readonly RootCauseRule[] = [
	...INFRASTRUCTURE_CAUSES,
	...RADIO_CAUSES,
	...PEOPLE_CAUSES,
	...NETWORK_SERVICE_CAUSES,
];
