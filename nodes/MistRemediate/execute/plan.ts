import type { Finding } from '../../shared/findings/types';
import { planAction } from '../actions';
import type { ActionPlan } from '../actions/types';
import { knownNames, namedSummary } from './names';
import type { KnownNames } from './names';
import type { Reason, Requested } from './read';
import type { ApFacts, SiteDirectory, SiteFacts } from './siteDirectory';

/** The action, checked and spelled out. */
export interface Planned {
	why: Reason;
	finding?: Finding;
	plan: ActionPlan;
	summary: string;
}

/** The planned action with the facts about its target that the guardrails and the record need. */
export interface Located extends Planned {
	site?: SiteFacts;
	/** The site's APs, read only when the action restarts devices (for the share-of-APs rule). */
	aps?: Map<string, ApFacts>;
	names: KnownNames;
}

/** Stage 2: the operation's plan; bad parameters fail here, naming the field, before any call. */
export function plan(requested: Requested): Planned {
	const planned = planAction(requested.operation, requested.parameters);
	return {
		why: requested.why,
		finding: requested.finding,
		plan: planned,
		summary: planned.summary,
	};
}

/** Stage 3: the target's site (name, timezone), its APs when devices restart, and the names known. */
export async function locate(
	planned: Planned,
	directory: SiteDirectory,
	itemIndex: number,
): Promise<Located> {
	const { siteId, restartsDevices } = planned.plan;
	const site = siteId ? await directory.site(siteId, itemIndex) : undefined;
	const aps =
		siteId && restartsDevices.length ? await directory.apsOf(siteId, itemIndex) : undefined;
	const names = knownNames(planned.finding, aps);
	return { ...planned, site, aps, names, summary: namedSummary(planned.plan, names.devices) };
}
