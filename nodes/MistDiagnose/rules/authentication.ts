import type { Finding, Remediation, StepResult } from '../../shared/findings/types';
import { makeFinding } from '../../shared/findings/build';
import { manual, remediate } from '../../shared/findings/remediation';
import { targets } from '../../shared/findings/fingerprint';
import { severityForGrade } from '../../shared/findings/severity';
import type { DiagnosisContext } from './support/context';
import { siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import { gradeSharedClients } from './support/thresholds';
import type { EventCatalogueEntry } from './support/eventClassifier';
import { createEventClassifier } from './support/eventClassifier';
import type { ClientEventInput, EventDefaults, FailureEvent } from './support/failures';
import { toFailures } from './support/failures';
import type { AuthCause } from './support/authCause';
import { authCauseOf, dominantCause, radiusServerOf } from './support/authCause';
import { CLIENT_CAUSES, CLIENT_CHECKS, SSID_CAUSES } from './support/authCauseTexts';
import { applyBaseline } from './support/correlate';
import type { CommonStepInput } from './support/common';
import { commonFindings, eventEvidence, windowNote } from './support/common';
import { HealthTracker } from './support/health';
import type { ClientRecord } from './support/directory';
import { clientDirectory } from './support/directory';
import { countBy, distinct, groupBy, plural, topKey, withFields } from './support/collections';
import { peakDistinctInWindow } from './support/window';
import type { AlarmInput } from './signals/alarms';
import { alarmFacts, alarmSignals } from './signals/alarms';
import type { MarvisActionInput } from './signals/marvis';
import { marvisSignals } from './signals/marvis';

export interface AuthenticationInput extends CommonStepInput {
	/** Client events and/or NAC client events. */
	events?: ClientEventInput[];
	catalogue?: EventCatalogueEntry[];
	defaults?: EventDefaults;
	clients?: ClientRecord[];
	alarms?: AlarmInput[];
	marvisActions?: MarvisActionInput[];
	/** Site id → history of distinct failing users per window (baseline). */
	baseline?: Record<string, number[]>;
}

/** A person if the event names one, else the device: one user with two devices is still one user. */
/**
 * Client events carry no username while NAC events of the same client do: give every failure of a
 * MAC the username seen for it, so one person is not counted once per event source.
 */
export function withKnownUsernames(failures: FailureEvent[]): FailureEvent[] {
	const usernameByMac = new Map(
		failures
			.filter((failure) => failure.username)
			.map((failure) => [failure.mac, failure.username]),
	);
	return failures.map((failure) =>
		failure.username || !usernameByMac.has(failure.mac)
			? failure
			: withFields(failure, { username: usernameByMac.get(failure.mac) }),
	);
}

/** The RADIUS servers the failures name (a correlator groups the SSIDs and clients of one server). */
const radiusServers = (failures: FailureEvent[]) =>
	distinct(failures.map(radiusServerOf)).filter((server): server is string => !!server);

const identityOf = (failure: FailureEvent) =>
	failure.username ? `user:${failure.username.toLowerCase()}` : `mac:${failure.mac}`;

function ssidRemediation(
	siteId: string,
	cause: AuthCause,
	topAp: string | undefined,
	ssid: string,
): { remediation: Remediation; followUp: Remediation[] } {
	if (cause === 'psk')
		return {
			remediation: manual(
				`If the PSK of ${ssid} was changed, distribute the new PSK to its users and devices (or restore the old one); otherwise check that the PSK configured is the one given to users.`,
			),
			followUp: [],
		};
	if (cause === 'rf') {
		return {
			remediation: manual(
				`Check the radio where ${ssid} fails (signal, interference and utilisation of the APs in the evidence).`,
			),
			followUp: [],
		};
	}
	if (cause === 'policy') {
		return {
			remediation: manual(
				`Check the WxLAN policies and labels applied to ${ssid}, and the directory lookups they use.`,
			),
			followUp: [],
		};
	}
	const check = manual(
		cause === 'certificate'
			? 'Check the validity and chain of the RADIUS server certificate and the client trust settings.'
			: 'Check the RADIUS/IdP servers: reachability from the site, shared secret, policy and logs.',
	);
	if (!topAp) return { remediation: check, followUp: [] };
	// A RADIUS synthetic test needs a test account the finding cannot know, so it is the follow-up.
	return {
		remediation: check,
		followUp: [
			remediate.syntheticTest(
				siteId,
				topAp,
				'radius',
				`Run a RADIUS test from AP ${topAp} with a test account (add its user name and password).`,
			),
		],
	};
}

function ssidFinding(
	siteId: string,
	ssid: string,
	failures: FailureEvent[],
	peak: number,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	history?: number[],
): Finding {
	const identities = distinct(failures.map(identityOf));
	const macs = distinct(failures.map((failure) => failure.mac));
	const cause = dominantCause(
		failures.map((failure) => authCauseOf(failure, context.wlanSecurity)),
	);
	const grade = gradeSharedClients(peak, thresholds);
	const outcome = applyBaseline(
		severityForGrade(grade === 'ok' ? 'warn' : grade, 'ssid'),
		peak,
		history,
		thresholds,
	);
	const topAp = topKey(
		countBy(
			failures.filter((failure) => failure.ap),
			(failure) => failure.ap as string,
		),
	);
	const fix = ssidRemediation(siteId, cause, topAp, ssid);
	return makeFinding({
		step: 'authentication',
		rule: 'auth_failures_ssid',
		severity: outcome.severity,
		scope: { level: 'ssid', ...siteScope(context, siteId), ssid },
		target: targets.ssid(ssid),
		summary: `${plural(identities.length, 'user')} failed to authenticate on SSID ${ssid} at ${siteLabel(context, siteId)}${windowNote(identities.length, peak, thresholds, outcome.withinBaseline ? 'usual for this site' : undefined)}.`,
		evidence: withFields(eventEvidence(failures, macs, thresholds), {
			affectedUsers: identities.length,
			cause,
			aps: distinct(failures.map((failure) => failure.ap)).slice(0, thresholds.maxSampleMacs),
			servers: radiusServers(failures),
			peakUsersInWindow: peak,
			baseline: outcome.evidence,
		}),
		likelyCause: SSID_CAUSES[cause],
		...fix,
		timestamps: failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

function clientFinding(
	siteId: string,
	failures: FailureEvent[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
	hostname?: string,
): Finding {
	const mac = failures[0].mac;
	const username = failures.find((failure) => failure.username)?.username;
	const aps = distinct(failures.map((failure) => failure.ap));
	const cause = dominantCause(
		failures.map((failure) => authCauseOf(failure, context.wlanSecurity)),
	);
	const who = [username && `User ${username}`, hostname ? `${hostname} (${mac})` : mac]
		.filter(Boolean)
		.join(' on ');
	const manualCheck = manual(
		CLIENT_CHECKS[cause] ??
			"Check the user's credentials / PSK / certificate and whether the account is locked or expired.",
	);
	return makeFinding({
		step: 'authentication',
		rule: 'client_auth_failure',
		severity: 'minor',
		scope: {
			level: 'client',
			...siteScope(context, siteId),
			client_mac: mac,
			client_hostname: hostname,
			username,
			ssid: failures.find((f) => f.ssid)?.ssid,
		},
		target: targets.mac(mac),
		summary: `${who} failed authentication ${plural(failures.length, 'time')} on ${plural(aps.length, 'AP')} at ${siteLabel(context, siteId)}; no other user is affected.`,
		evidence: withFields(eventEvidence(failures, [mac], thresholds), {
			cause,
			aps: aps.slice(0, thresholds.maxSampleMacs),
			apCount: aps.length,
			ssids: distinct(failures.map((failure) => failure.ssid)),
			servers: radiusServers(failures),
		}),
		// Failing the same way on several APs rules the APs out.
		likelyCause:
			aps.length > 1
				? `${CLIENT_CAUSES[cause]} The failures follow the client across ${aps.length} APs, so the APs are not the cause.`
				: CLIENT_CAUSES[cause],
		remediation: manualCheck,
		followUp: ['psk', 'rf', 'policy'].includes(cause)
			? []
			: [remediate.iseLookup(mac, 'Look up the failure reason of this MAC in Cisco ISE.')],
		timestamps: failures.map((failure) => failure.timestamp),
		now: context.now,
	});
}

function signalFindings(input: AuthenticationInput, context: DiagnosisContext): Finding[] {
	const signals = [
		...alarmSignals(input.alarms, ['dot1x_failure', 'psk_failure', 'repeated_auth_failures']),
		...marvisSignals(input.marvisActions, ['auth_failure']),
	];
	return signals.map((signal) => {
		const ssid = signal.ssid;
		const psk = signal.type === 'psk_failure';
		return makeFinding({
			step: 'authentication',
			rule: ssid ? 'auth_failures_ssid' : 'auth_failures_site',
			severity: 'major',
			scope: { level: ssid ? 'ssid' : 'site', ...siteScope(context, signal.site_id), ssid },
			target: ssid ? targets.ssid(ssid) : targets.site(),
			summary: `Mist reports ${signal.type.replace(/_/g, ' ')} at ${siteLabel(context, signal.site_id)}${ssid ? ` on SSID ${ssid}` : ''} (${plural(signal.count, 'occurrence')}).`,
			evidence: {
				source: signal.source,
				id: signal.id,
				type: signal.type,
				count: signal.count,
				affectedClients: signal.impactedClients,
				...alarmFacts(signal),
			},
			likelyCause: psk ? SSID_CAUSES.psk : SSID_CAUSES.radius,
			remediation: manual(
				psk
					? 'Check the PSK configured on the WLAN.'
					: 'Check the RADIUS/IdP servers and the WLAN authentication settings.',
			),
			timestamps: signal.timestamps,
			count: signal.count,
			now: context.now,
		});
	});
}

/**
 * Authentication step. Many users failing on one SSID → one SSID finding (RADIUS/IdP/PSK/certificate);
 * one user failing (on one AP or many) → a client finding about that user's credentials.
 */
export function diagnoseAuthentication(
	input: AuthenticationInput,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): StepResult {
	const health = new HealthTracker('authentication', context);
	const directory = clientDirectory(input.clients);
	for (const site of input.sites ?? []) health.check('site', site.id, site.id, site.name);
	directory.forEachClient(input.defaults?.site_id, (mac, siteId, hostname) => {
		// A directory's MACs are distinct.
		if (siteId) health.checkDistinct('client', mac, siteId, hostname);
	});
	const failures = withKnownUsernames(
		toFailures(
			input.events ?? [],
			createEventClassifier(input.catalogue),
			['auth_failure', 'policy_failure'],
			input.defaults,
		),
	);
	const findings: Finding[] = [];
	for (const [siteId, siteFailures] of groupBy(failures, (failure) => failure.site_id)) {
		let single = siteFailures.filter((failure) => !failure.ssid);
		for (const [ssid, ssidFailures] of groupBy(siteFailures, (failure) => failure.ssid)) {
			const peak = peakDistinctInWindow(
				ssidFailures,
				thresholds.windowSeconds,
				(failure) => failure.timestamp,
				identityOf,
			);
			if (peak.distinct >= thresholds.sharedMinClients) {
				findings.push(
					ssidFinding(
						siteId,
						ssid,
						ssidFailures,
						peak.distinct,
						thresholds,
						context,
						input.baseline?.[siteId],
					),
				);
				health.flagAll(
					'client',
					ssidFailures.map((failure) => failure.mac),
				);
			} else {
				single = single.concat(ssidFailures);
			}
		}
		for (const clientFailures of groupBy(single, (failure) => failure.mac).values()) {
			findings.push(
				clientFinding(
					siteId,
					clientFailures,
					thresholds,
					context,
					directory.hostname(clientFailures[0].mac),
				),
			);
		}
	}
	findings.push(
		...signalFindings(input, context),
		...commonFindings('authentication', input, thresholds, context),
	);
	return health.result(findings);
}
