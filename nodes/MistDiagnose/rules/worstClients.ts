import type { ClientStat } from '../../shared/schemas/mist.schemas';
import type { Finding } from '../../shared/findings/types';
import type { RuleId } from '../../shared/findings/titles';
import { makeFinding } from '../../shared/findings/build';
import { manual } from '../../shared/findings/remediation';
import { targets } from '../../shared/findings/fingerprint';
import type { Grade } from '../../shared/findings/severity';
import type { DiagnosisContext } from './support/context';
import { apScope, deviceLabel, siteLabel, siteScope } from './support/context';
import type { DiagnosisThresholds } from './support/thresholds';
import { rssiLimits } from './support/thresholds';
import { plural, round } from './support/collections';

/**
 * Weak clients on a site whose SLE looks fine (read by rotating coverage): one finding per site
 * and kind listing the worst clients, minor, instead of one finding per client; an AP-scoped one
 * when they gather on one AP. Thousands of healthy-site clients never become thousands of alerts.
 */

/** What the client health rules know of one client (clientHealth.ts `assess`). */
export interface AssessedClient {
	stat: ClientStat;
	mac: string;
	siteId: string;
	ap?: string;
	rssi: Grade;
	snr: Grade;
	retries: Grade;
	retryPercent?: number;
}

interface Kind {
	rule: RuleId;
	what: string;
	unit: string;
	/** The client's value, or undefined when it does not breach this kind. */
	value(client: AssessedClient): number | undefined;
	/** Worst first. */
	worse(a: number, b: number): number;
	limit(thresholds: DiagnosisThresholds): { warn: number; crit: number };
	likelyCause: string;
}

const KINDS: Kind[] = [
	{
		rule: 'weak_signal_clients_site',
		what: 'a weak signal',
		unit: 'dBm',
		value: (client) => (client.rssi !== 'ok' ? (client.stat.rssi as number) : undefined),
		worse: (a, b) => a - b,
		limit: (thresholds) => rssiLimits(thresholds),
		likelyCause: 'Clients at the edge of coverage or not roaming to a closer AP.',
	},
	{
		rule: 'low_snr_clients_site',
		what: 'a low SNR',
		unit: 'dB',
		value: (client) =>
			client.rssi === 'ok' && client.snr !== 'ok' ? (client.stat.snr as number) : undefined,
		worse: (a, b) => a - b,
		limit: (thresholds) => thresholds.snrDb,
		likelyCause: 'Noise near these clients or their APs: interference rather than distance.',
	},
	{
		rule: 'high_retries_clients_site',
		what: 'many retries',
		unit: '%',
		value: (client) =>
			client.retries !== 'ok' && client.retryPercent !== undefined
				? round(client.retryPercent)
				: undefined,
		worse: (a, b) => b - a,
		limit: (thresholds) => thresholds.retriesPercent,
		likelyCause: 'Interference or a busy channel forcing retransmissions.',
	},
];

/** Clients listed per finding (the worst ones); the count covers them all. */
export const WORST_CLIENTS_LISTED = 5;

/** The worst-clients findings of the given unwell clients (all of summarised sites). */
export function worstClientFindings(
	unwell: AssessedClient[],
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding[] {
	const bySite = new Map<string, AssessedClient[]>();
	for (const client of unwell) {
		const list = bySite.get(client.siteId);
		if (list) list.push(client);
		else bySite.set(client.siteId, [client]);
	}
	const findings: Finding[] = [];
	for (const [siteId, clients] of bySite)
		for (const kind of KINDS) {
			const breaching = clients
				.map((client) => ({ client, value: kind.value(client) }))
				.filter(
					(entry): entry is { client: AssessedClient; value: number } => entry.value !== undefined,
				)
				.sort((a, b) => kind.worse(a.value, b.value));
			if (breaching.length)
				findings.push(siteFinding(siteId, kind, breaching, thresholds, context));
		}
	return findings;
}

/** The AP most of them sit on, when they gather there (enough of them, and most). */
function gatheringAp(
	breaching: Array<{ client: AssessedClient }>,
	thresholds: DiagnosisThresholds,
): string | undefined {
	const perAp = new Map<string, number>();
	for (const { client } of breaching)
		if (client.ap) perAp.set(client.ap, (perAp.get(client.ap) ?? 0) + 1);
	const [ap, count] = [...perAp].sort((a, b) => b[1] - a[1])[0] ?? [];
	return ap && count >= thresholds.coverageApMinClients && count / breaching.length > 0.5
		? ap
		: undefined;
}

function siteFinding(
	siteId: string,
	kind: Kind,
	breaching: Array<{ client: AssessedClient; value: number }>,
	thresholds: DiagnosisThresholds,
	context: DiagnosisContext,
): Finding {
	const limit = kind.limit(thresholds);
	const ap = gatheringAp(breaching, thresholds);
	const worst = breaching.slice(0, WORST_CLIENTS_LISTED).map(({ client, value }) => ({
		mac: client.mac,
		hostname: client.stat.hostname ?? undefined,
		value,
		unit: kind.unit,
		ap_mac: client.ap,
		ap_name: client.ap ? context.deviceNames?.[client.ap] : undefined,
		measured_at:
			typeof client.stat.last_seen === 'number'
				? new Date(client.stat.last_seen * 1000).toISOString()
				: undefined,
	}));
	const where = ap
		? `on AP ${deviceLabel(context, ap)} at ${siteLabel(context, siteId)}`
		: `at ${siteLabel(context, siteId)}`;
	const range = `${worst[0].value} ${kind.unit} at worst, limit ${limit.warn} ${kind.unit}`;
	return makeFinding({
		step: 'client_health',
		rule: kind.rule,
		severity: 'minor',
		scope: ap ? apScope(context, siteId, ap) : { level: 'site', ...siteScope(context, siteId) },
		target: ap ? targets.mac(ap) : targets.site(),
		summary: `${plural(breaching.length, 'client')} ${where} ${breaching.length === 1 ? 'has' : 'have'} ${kind.what} (${range}) while the site's SLE looks fine.`,
		evidence: {
			metrics: [
				{
					metric: kind.rule,
					value: worst[0].value,
					warn: limit.warn,
					crit: limit.crit,
					unit: kind.unit,
				},
			],
			affectedClients: breaching.length,
			worstClients: worst,
		},
		likelyCause: kind.likelyCause,
		remediation: manual(
			ap
				? `Check the area AP ${deviceLabel(context, ap)} serves: these clients gather there.`
				: 'Look at the worst clients listed: their devices, places and APs.',
		),
		timestamps: breaching
			.map(({ client }) => client.stat.last_seen)
			.filter((value): value is number => typeof value === 'number'),
		count: breaching.length,
		now: context.now,
	});
}
