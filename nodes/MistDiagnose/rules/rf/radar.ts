import type { Finding } from '../../../shared/findings/types';
import { makeFinding } from '../../../shared/findings/build';
import { manual, remediate } from '../../../shared/findings/remediation';
import { normalizeMacLoose } from '../../../shared/findings/fingerprint';
import type { DiagnosisContext } from '../support/context';
import { deviceLabel, siteLabel, siteScope } from '../support/context';
import type { DiagnosisThresholds } from '../support/thresholds';
import type { DeviceEventInput } from '../support/deviceEvents';
import { groupBy } from '../support/collections';
import type { ApStat } from '../support/uplink';

export const RADAR_EVENT = 'AP_RADAR_DETECTED';

/** 5 GHz channels without radar detection (UNII-1 and UNII-3). */
const NON_DFS_5 = [36, 40, 44, 48, 149, 153, 157, 161, 165];

interface RadarHit {
	siteId: string;
	ap: string;
	channel?: number;
	at: number;
}

/** The channel the radar hit: the event's own field when it has one, else the one its text names. */
function channelOf(event: DeviceEventInput): number | undefined {
	const field = (event as { channel?: unknown }).channel;
	if (typeof field === 'number') return field;
	const named = /channel\s+(\d+)/i.exec(event.text ?? '');
	return named ? Number(named[1]) : undefined;
}

function radarHits(events: DeviceEventInput[] | undefined): RadarHit[] {
	return (events ?? [])
		.filter((event) => event.type === RADAR_EVENT && event.site_id && (event.mac || event.ap))
		.map((event) => ({
			siteId: event.site_id as string,
			ap: normalizeMacLoose((event.mac || event.ap) as string),
			channel: channelOf(event),
			at: event.timestamp,
		}));
}

/** Per site, how many APs use each non-DFS 5 GHz channel: one pass over the APs for all findings. */
function nonDfsUse(aps: ApStat[] | undefined): Map<string, Map<number, number>> {
	const bySite = new Map<string, Map<number, number>>();
	for (const ap of aps ?? []) {
		const channel = ap.radio_stat?.band_5?.channel;
		if (!ap.site_id || typeof channel !== 'number' || !NON_DFS_5.includes(channel)) continue;
		let used = bySite.get(ap.site_id);
		if (!used) bySite.set(ap.site_id, (used = new Map()));
		used.set(channel, (used.get(channel) ?? 0) + 1);
	}
	return bySite;
}

/** The non-DFS 5 GHz channel the fewest radios of the site use (lowest first on a tie). */
function quietestNonDfs(used: Map<number, number> | undefined): number {
	let quietest = NON_DFS_5[0];
	let fewest = Infinity;
	// NON_DFS_5 is in ascending order: a later channel wins only with strictly fewer radios.
	for (const channel of NON_DFS_5) {
		const count = used?.get(channel) ?? 0;
		if (count < fewest) {
			quietest = channel;
			fewest = count;
		}
	}
	return quietest;
}

/** One AP's fix: its 5 GHz radio on the non-DFS channel the fewest APs of its site use. */
function toQuietestNonDfs(
	siteId: string,
	ap: string,
	used: Map<number, number> | undefined,
	context: DiagnosisContext,
) {
	const target = quietestNonDfs(used);
	return remediate.setRadio(
		siteId,
		ap,
		{ band: '5', channel: target },
		`Move ${deviceLabel(context, ap)} to channel ${target}, the non-DFS channel the fewest APs of the site use.`,
	);
}

/**
 * Radar on a DFS channel: an AP that detects radar must leave the channel (and its clients drop),
 * and RRM may bring it back. Repeated detections on one channel make the channel unusable there:
 * the fix is a non-DFS channel for those APs, not a new plan for the band.
 */
export function radarFindings(
	events: DeviceEventInput[] | undefined,
	aps: ApStat[] | undefined,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const findings: Finding[] = [];
	let channelUse: Map<string, Map<number, number>> | undefined;
	const byChannel = groupBy(radarHits(events), (hit) => `${hit.siteId}|${hit.channel ?? '?'}`);
	for (const hits of byChannel.values()) {
		const { siteId, channel } = hits[0];
		const perAp = [...groupBy(hits, (hit) => hit.ap).entries()].filter(
			([, apHits]) => apHits.length >= thresholds.radarHitsRepeated,
		);
		if (perAp.length === 0) continue;
		const where = channel !== undefined ? `DFS channel ${channel} (5 GHz)` : 'a DFS channel';
		const names = perAp
			.map(([ap, apHits]) => `${deviceLabel(context, ap)} ${apHits.length}×`)
			.join(', ');
		const [onlyAp] = perAp.length === 1 ? perAp[0] : [undefined];
		findings.push(
			makeFinding({
				step: 'rf_environment',
				rule: 'dfs_radar_hits',
				severity: 'major',
				scope: { level: 'channel', ...siteScope(context, siteId), band: '5', channel },
				target: `channel=5/${channel ?? 'dfs'}`,
				summary: `Radar detected again and again on ${where} at ${siteLabel(context, siteId)}: ${names} in the window.`,
				evidence: {
					eventCounts: { [RADAR_EVENT]: perAp.reduce((sum, [, apHits]) => sum + apHits.length, 0) },
					sampleMacs: perAp.map(([ap]) => ap).slice(0, thresholds.maxSampleMacs),
					bands: ['5'],
				},
				likelyCause: `A radar (weather, airport or military) near the site uses ${where}: each detection forces the radio off the channel and drops its clients, and RRM can move it back.`,
				remediation: onlyAp
					? toQuietestNonDfs(siteId, onlyAp, (channelUse ??= nonDfsUse(aps)).get(siteId), context)
					: manual(
							`Move the APs off ${where}: give them non-DFS channels (36–48, 149–165) in their radio settings.`,
						),
				followUp: [
					manual(
						"Take the DFS channels (52–144) out of the 5 GHz channel list of the site's RF template, so RRM does not return to them.",
					),
				],
				timestamps: hits.map((hit) => hit.at),
				now: context.now,
			}),
		);
	}
	return findings;
}
