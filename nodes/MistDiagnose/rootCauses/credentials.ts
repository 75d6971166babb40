import { manual } from '../../shared/findings/remediation';
import { severityForGrade } from '../../shared/findings/severity';
import type { Finding } from '../../shared/findings/types';
import { distinct, groupBy, plural } from '../rules/support/collections';
import { gradeSharedClients } from '../rules/support/thresholds';
import { causeFinding } from './cause';
import type { Explanation, RootCauseContext, RootCauseRule } from './types';

const AUTH_RULES = new Set(['auth_failures_ssid', 'auth_failures_site', 'client_auth_failure']);

const strings = (value: unknown): string[] =>
	Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** Users behind a finding: an SSID finding counts its users, a client finding one. */
const usersOf = (finding: Finding) =>
	finding.scope.level === 'client'
		? 1
		: Number(finding.evidence.peakUsersInWindow ?? finding.evidence.affectedUsers ?? 1);

function serverCause(
	server: string | undefined,
	symptoms: Finding[],
	context: RootCauseContext,
): Explanation {
	const first = symptoms[0];
	const ssids = distinct(symptoms.map((symptom) => symptom.scope.ssid));
	const users = symptoms.reduce((sum, symptom) => sum + usersOf(symptom), 0);
	const grade = gradeSharedClients(users, context.thresholds);
	const usual = symptoms.every((symptom) => symptom.severity === 'info');
	const name = server ? `RADIUS server ${server}` : `The RADIUS server of ${ssids.join(', ')}`;
	const site = context.siteNames[first.scope.site_id] ?? first.scope.site_id;
	return {
		cause: causeFinding(symptoms, {
			rule: 'radius_server_unreachable',
			scope: {
				level: 'server',
				org_id: first.scope.org_id,
				site_id: first.scope.site_id,
				site_name: first.scope.site_name,
				server,
			},
			target: `server=${server ?? ssids.join(',')}`,
			// Failures the site's baseline calls usual (info) stay info: the server is as it always is.
			severity: grade === 'ok' || usual ? undefined : severityForGrade(grade, 'server'),
			summary: `${name} did not answer for ${plural(users, 'user')} on ${plural(ssids.length, 'SSID')} (${ssids.join(', ')}) at site ${site}.`,
			likelyCause: `${name} is unreachable or not answering: every SSID that uses it times out together (server down, routing or firewall between the site and the server, or a shared secret it silently drops), so neither the users nor the SSIDs are the cause.`,
			remediation: manual(
				`Check that ${server ? `RADIUS server ${server}` : 'the RADIUS server'} is up and reachable from the site (routing, firewall on UDP 1812/1813), and that the shared secret configured on the WLANs matches the server's.`,
			),
			followUp: symptoms.flatMap((symptom) => symptom.followUp).slice(0, 1),
			evidence: { server, ssids, affectedUsers: users },
		}),
		symptoms,
	};
}

/**
 * RADIUS timeouts on several SSIDs (or many clients) of a site that use one server are one problem:
 * that server. Groups by the server the events name; without a name, two SSIDs timing out together.
 */
export const radiusServerUnreachable: RootCauseRule = {
	id: 'radius_server_unreachable',
	explain(open, context) {
		const timeouts = open.filter(
			(finding) => AUTH_RULES.has(finding.rule) && finding.evidence.cause === 'radius',
		);
		const explanations: Explanation[] = [];
		for (const siteFindings of groupBy(timeouts, (finding) => finding.scope.site_id).values()) {
			const byServer = groupBy(
				siteFindings,
				(finding) => strings(finding.evidence.servers)[0] ?? '',
			);
			for (const [server, symptoms] of byServer) {
				const ssidFindings = symptoms.filter((symptom) => symptom.scope.level === 'ssid');
				const enough = server
					? ssidFindings.length >= 1 || symptoms.length >= 2
					: ssidFindings.length >= 2;
				if (enough) explanations.push(serverCause(server || undefined, symptoms, context));
			}
		}
		return explanations;
	},
};

/**
 * A PSK-failure alarm on an SSID where the events show one device failing is that device's wrong
 * key, not the SSID's: the client finding takes the alarm over and stays the device's problem.
 */
export const pskAlarmOfOneDevice: RootCauseRule = {
	id: 'psk_alarm_of_one_device',
	explain(open) {
		const explanations: Explanation[] = [];
		const alarms = open.filter(
			(finding) =>
				finding.rule === 'auth_failures_ssid' &&
				finding.evidence.type === 'psk_failure' &&
				finding.evidence.affectedUsers === undefined,
		);
		for (const alarm of alarms) {
			const devices = open.filter(
				(finding) =>
					finding.rule === 'client_auth_failure' &&
					finding.evidence.cause === 'psk' &&
					finding.scope.site_id === alarm.scope.site_id &&
					finding.scope.ssid === alarm.scope.ssid,
			);
			if (devices.length !== 1) continue;
			const [device] = devices;
			const cause = { ...device, evidence: { ...device.evidence, alarm: alarm.evidence } };
			explanations.push({ cause, symptoms: [device, alarm] });
		}
		return explanations;
	},
};
