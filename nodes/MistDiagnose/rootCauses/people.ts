import { targets } from '../../shared/findings/fingerprint';
import { manual, remediate } from '../../shared/findings/remediation';
import type { Finding } from '../../shared/findings/types';
import type { AuthCause } from '../rules/support/authCause';
import { dominantCause } from '../rules/support/authCause';
import { CLIENT_CAUSES, CLIENT_CHECKS } from '../rules/support/authCauseTexts';
import { distinct, groupBy, plural } from '../rules/support/collections';
import { causeFinding } from './cause';
import type { Explanation, RootCauseContext, RootCauseRule } from './types';

/** Causes that belong to the person: a radio (79) or RADIUS timeout is not theirs to fix. */
const PERSONAL_CAUSES: ReadonlySet<string> = new Set<AuthCause>([
	'password',
	'credentials',
	'certificate',
	'idp',
]);

const strings = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

const apsOf = (finding: Finding) => strings(finding.evidence.aps);
const ssidsOf = (finding: Finding) => [...strings(finding.evidence.ssids), finding.scope.ssid];

function userCause(symptoms: Finding[], context: RootCauseContext): Explanation {
	const first = symptoms[0];
	const username = first.scope.username as string;
	const aps = distinct(symptoms.flatMap(apsOf));
	const ssids = distinct(symptoms.flatMap(ssidsOf));
	const macs = distinct(symptoms.map((symptom) => symptom.scope.client_mac));
	const cause = dominantCause(symptoms.map((symptom) => symptom.evidence.cause as AuthCause));
	const site = context.siteNames[first.scope.site_id] ?? first.scope.site_id;
	const where = `${plural(macs.length, 'device')}, ${plural(aps.length, 'AP')} and ${plural(ssids.length, 'SSID')}`;
	return {
		cause: causeFinding(symptoms, {
			rule: 'user_auth_failure',
			scope: {
				level: 'user',
				org_id: first.scope.org_id,
				site_id: first.scope.site_id,
				site_name: first.scope.site_name,
				username,
				ssid: ssids.length === 1 ? ssids[0] : undefined,
			},
			target: targets.user(username),
			summary: `User ${username} failed authentication on ${where} (${ssids.join(', ')}) at site ${site}; no other user is affected.`,
			likelyCause: `${CLIENT_CAUSES[cause]} The failures follow the user across ${where}, so neither the APs nor the SSIDs are the cause.`,
			remediation: manual(
				CLIENT_CHECKS[cause] ??
					"Check the user's account (locked, expired, password changed) and the credentials saved on each device.",
			),
			followUp: macs.length
				? [remediate.iseLookup(macs[0], `Look up the failure reason of ${username} in Cisco ISE.`)]
				: [],
			evidence: { cause, devices: macs, aps, ssids },
		}),
		symptoms,
	};
}

/**
 * One person failing on several devices, APs or SSIDs is one problem about that person (their
 * password, account or certificate), not one per device or AP.
 */
export const userAuthFailure: RootCauseRule = {
	id: 'user_auth_failure',
	explain(open, context) {
		const personal = open.filter(
			(finding) =>
				finding.rule === 'client_auth_failure' &&
				!!finding.scope.username &&
				PERSONAL_CAUSES.has(String(finding.evidence.cause)),
		);
		const byUser = groupBy(
			personal,
			(finding) => `${finding.scope.site_id}|${String(finding.scope.username).toLowerCase()}`,
		);
		return [...byUser.values()]
			.filter(
				(symptoms) =>
					symptoms.length > 1 ||
					distinct(symptoms.flatMap(apsOf)).length > 1 ||
					distinct(symptoms.flatMap(ssidsOf)).length > 1,
			)
			.map((symptoms) => userCause(symptoms, context));
	},
};
