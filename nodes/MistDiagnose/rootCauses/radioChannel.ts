import { BAND_LABEL } from '../../shared/findings/bands';
import { manual } from '../../shared/findings/remediation';
import { maxSeverity, severityRank } from '../../shared/findings/severity';
import type { Finding, Severity } from '../../shared/findings/types';
import { groupBy } from '../rules/support/collections';
import { gradeHigherIsWorse } from '../rules/support/thresholds';
import type { Limits } from '../rules/support/thresholds';
import { causeFinding } from './cause';
import type { CauseParts } from './cause';
import { airtimeCause, airtimePhrase, channelKey, radioAirtime } from './radioAirtime';
import type { AirtimeCause, RadioAirtime } from './radioAirtime';
import { distinctFindings, onAps, rfFindingsOf, rrmForAps, siteSignals } from './radioSymptoms';
import type { Explanation, RootCauseContext, RootCauseRule } from './types';

/** Clients that suffer from their radio's channel: they are its symptoms, linked by their AP. */
const CLIENT_SYMPTOMS = ['client_low_snr', 'client_high_retries'];

export interface ChannelGroup {
	siteId: string;
	radios: RadioAirtime[];
	aps: Set<string>;
	band: RadioAirtime['band'];
	channel?: number;
}

/** The radios of each site, band and channel whose airtime has this cause. */
export function channelGroups(context: RootCauseContext, cause: AirtimeCause): ChannelGroup[] {
	const radios = radioAirtime(context.aps).filter(
		(radio) => airtimeCause(radio, context.thresholds) === cause,
	);
	return [...groupBy(radios, channelKey).values()].map((group) => ({
		siteId: group[0].siteId,
		radios: group,
		aps: new Set(group.map((radio) => radio.ap)),
		band: group[0].band,
		channel: group[0].channel,
	}));
}

const range = (values: number[]) => {
	const [low, high] = [Math.min(...values), Math.max(...values)];
	return low === high ? `${low}%` : `${low} to ${high}%`;
};

/** Channel-wide for several APs (critical past the limit), one radio's problem for one AP. */
function groupSeverity(group: ChannelGroup, values: number[], limits: Limits): Severity {
	const grade = gradeHigherIsWorse(Math.max(...values), limits);
	const several = group.aps.size > 1;
	if (grade === 'crit') return several ? 'critical' : 'major';
	return several ? 'major' : 'minor';
}

const apNames = (group: ChannelGroup, context: RootCauseContext) =>
	group.radios.map((radio) => radio.apName ?? context.deviceNames[radio.ap] ?? radio.ap).join(', ');

function channelLabel(group: ChannelGroup): string {
	const band = BAND_LABEL[group.band];
	return group.channel !== undefined ? `channel ${group.channel} (${band})` : `the ${band} band`;
}

/** The cause over a channel group: channel scope for several APs, radio scope for one. */
function channelCause(
	group: ChannelGroup,
	symptoms: Finding[],
	context: RootCauseContext,
	parts: Pick<CauseParts, 'rule' | 'summary' | 'likelyCause' | 'remediation' | 'followUp'> & {
		severity: Severity;
	},
): Finding {
	const site = {
		org_id: context.org_id,
		site_id: group.siteId,
		site_name: context.siteNames[group.siteId],
	};
	const one = group.radios.length === 1 ? group.radios[0] : undefined;
	const scope = one
		? {
				level: 'radio' as const,
				...site,
				ap_mac: one.ap,
				ap_name: one.apName,
				band: one.band,
				channel: one.channel,
			}
		: { level: 'channel' as const, ...site, band: group.band, channel: group.channel };
	return causeFinding(symptoms, {
		...parts,
		// The radios' own figures set the floor; a cause is never milder than what it explains.
		severity: maxSeverity(parts.severity, ...symptoms.map((symptom) => symptom.severity)),
		step: 'rf_environment',
		scope,
		target: one ? `${one.ap}/${group.band}` : `channel=${group.band}/${group.channel ?? 'any'}`,
		evidence: {
			// Each radio's airtime in its three parts, as metrics reports and alerts can list.
			metrics: group.radios.slice(0, context.thresholds.maxSampleMacs).flatMap((radio) => [
				{ metric: `util_own_${radio.band}@${radio.ap}`, value: radio.own, unit: '%' },
				{ metric: `util_other_bss_${radio.band}@${radio.ap}`, value: radio.otherBss, unit: '%' },
				{ metric: `util_non_wifi_${radio.band}@${radio.ap}`, value: radio.nonWifi, unit: '%' },
			]),
			radios: group.radios.map((radio) => ({ ...radio })),
			sampleMacs: [...group.aps].sort(),
			bands: [group.band],
		},
	});
}

/** One AP and its RF findings: the worst of them takes the cause over (rule and scope stay). */
function takeOver(rf: Finding[], cause: Finding): Finding {
	const [worst] = [...rf].sort(
		(a, b) =>
			severityRank(a.severity) - severityRank(b.severity) ||
			Number(b.rule === 'non_wifi_interference') - Number(a.rule === 'non_wifi_interference'),
	);
	const { summary, likelyCause, remediation, followUp, evidence, firstSeen, lastSeen } = cause;
	return {
		...worst,
		summary,
		likelyCause,
		remediation,
		followUp,
		evidence: {
			...worst.evidence,
			...evidence,
			metrics: [...(worst.evidence.metrics ?? []), ...(evidence.metrics ?? [])],
		},
		firstSeen,
		lastSeen,
	};
}

function explainGroups(
	open: readonly Finding[],
	context: RootCauseContext,
	cause: AirtimeCause,
	sleRules: string[],
	minAps: number,
	build: (group: ChannelGroup, symptoms: Finding[]) => Finding,
): Explanation[] {
	const explanations: Explanation[] = [];
	for (const group of channelGroups(context, cause)) {
		if (group.aps.size < minAps) continue;
		const rf = rfFindingsOf(open, group.siteId, group.aps, group.band);
		const symptoms = distinctFindings([
			...rf,
			...siteSignals(open, group.siteId, sleRules),
			...onAps(open, group.siteId, group.aps, CLIENT_SYMPTOMS, group.band),
		]);
		if (symptoms.length === 0) continue;
		const found = build(group, symptoms);
		const single = group.aps.size === 1 && rf.length > 0;
		explanations.push({ cause: single ? takeOver(rf, found) : found, symptoms });
	}
	return explanations;
}

/**
 * Non-Wi-Fi energy on one channel: the radios on it lose their airtime to something that is not
 * Wi-Fi, so they must leave that channel: RRM for exactly those APs on that band, not a re-plan
 * of the band. Their noise, busy channel, the SLE's non-Wi-Fi classifier and their clients' low
 * SNR are symptoms of it.
 */
export const nonWifiChannelInterference: RootCauseRule = {
	id: 'non_wifi_interference_channel',
	explain: (open, context) =>
		explainGroups(
			open,
			context,
			'non_wifi',
			['sle_non_wifi_interference'],
			1,
			(group, symptoms) => {
				const where = channelLabel(group);
				const nonWifi = group.radios.map((radio) => radio.nonWifi);
				const own = group.radios.map((radio) => radio.own);
				return channelCause(group, symptoms, context, {
					rule: 'non_wifi_interference_channel',
					severity: groupSeverity(group, nonWifi, context.thresholds.nonWifiUtilPercent),
					summary: `Non-Wi-Fi interference on ${where} at site ${context.siteNames[group.siteId] ?? group.siteId}: ${group.radios.length > 1 ? `${group.radios.length} APs (${apNames(group, context)})` : `AP ${apNames(group, context)}`} lose ${range(nonWifi)} of their airtime to non-Wi-Fi energy; their own traffic is ${range(own)}.`,
					likelyCause: `A non-Wi-Fi source (video sender, microwave link, wireless camera or a jammer) transmits on ${where} near ${group.radios.length > 1 ? 'these APs' : 'this AP'}: ${group.radios.map(airtimePhrase).join('; ')}. Their clients and neighbour Wi-Fi are not what keeps the channel busy, and radios on other channels are clean, so the channel is the problem, not the band.`,
					remediation: rrmForAps(
						group.siteId,
						group.band,
						[...group.aps],
						false,
						`Let RRM move ${apNames(group, context)} off ${where}; their clients reconnect`,
					),
					followUp: [
						manual(
							`Find the source with a spectrum analysis near ${apNames(group, context)} and remove or shield it; if it stays, take ${where} out of the site's RF template channel list.`,
						),
					],
				});
			},
		),
};

/**
 * Several APs on one channel that hear each other: the airtime goes to the other BSSs on the
 * channel, so the fix is the channel plan (spread them, narrower channels, less power), not
 * the clients or an interference hunt.
 */
export const coChannelCongestion: RootCauseRule = {
	id: 'co_channel_congestion',
	explain: (open, context) =>
		explainGroups(open, context, 'other_bss', ['sle_wifi_interference'], 2, (group, symptoms) => {
			const where = channelLabel(group);
			const other = group.radios.map((radio) => radio.otherBss);
			return channelCause(group, symptoms, context, {
				rule: 'co_channel_congestion',
				severity: groupSeverity(
					group,
					group.radios.map((radio) => radio.total),
					context.thresholds.channelUtilPercent,
				),
				summary: `Co-channel congestion on ${where} at site ${context.siteNames[group.siteId] ?? group.siteId}: ${group.radios.length} APs (${apNames(group, context)}) share the channel and spend ${range(other)} of their airtime hearing each other and other Wi-Fi.`,
				likelyCause: `Too many radios on ${where} within earshot of each other (co-channel interference): ${group.radios.map(airtimePhrase).join('; ')}. The airtime goes to other BSSs on the same channel, not to non-Wi-Fi energy or these APs' own clients.`,
				remediation: rrmForAps(
					group.siteId,
					group.band,
					[...group.aps],
					false,
					`Let RRM spread ${apNames(group, context)} over more channels and set their power`,
				),
				followUp: [
					manual(
						`Review the channel plan of ${where}: narrower channels (20/40 MHz) give RRM more channels to spread the APs over; fewer SSIDs and higher basic rates cut beacon airtime.`,
					),
				],
			});
		}),
};
