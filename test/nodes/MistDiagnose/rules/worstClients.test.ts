import type { IDataObject } from 'n8n-workflow';

import { diagnoseClientHealth } from '../../../../nodes/MistDiagnose/rules';
import { WORST_CLIENTS_LISTED } from '../../../../nodes/MistDiagnose/rules/worstClients';
import { apMac, clientMac, clientStat, context, NOW, SITE, thresholds } from './fixtures';

/** `count` clients on `aps` APs in turn, each given its own overrides. */
const clients = (count: number, aps: number, overrides: (index: number) => object) =>
	Array.from({ length: count }, (_, index) =>
		clientStat({
			mac: clientMac(index),
			hostname: `host-${index}`,
			ap_mac: apMac(index % aps),
			ap_id: undefined,
			last_seen: NOW - index,
			...overrides(index),
		}),
	);

const run = (stats: ReturnType<typeof clients>, summarySites: string[] = [SITE]) =>
	diagnoseClientHealth({ clients: stats, summarySites }, thresholds(), context).findings;

describe('client health: worst clients of a site whose SLE looks fine', () => {
	it.each([
		[
			'weak signal',
			(i: number) => ({ rssi: -75 - i, snr: 30 }),
			'weak_signal_clients_site',
			[-81, -80, -79, -78, -77],
		],
		[
			'low SNR',
			(i: number) => ({ rssi: -60, snr: 20 - i }),
			'low_snr_clients_site',
			[14, 15, 16, 17, 18],
		],
		[
			'many retries',
			(i: number) => ({ rssi: -60, snr: 30, tx_pkts: 10_000, tx_retries: 2_000 + 100 * i }),
			'high_retries_clients_site',
			[26, 25, 24, 23, 22],
		],
	])(
		'%s: one minor site finding listing the worst clients first, no finding per client',
		(_kind, bad, rule, worstValues) => {
			// Seven clients spread over seven APs: no AP gathers them.
			const findings = run(clients(7, 7, bad));
			expect(
				findings.map((finding) => `${finding.rule}:${finding.severity}:${finding.scope.level}`),
			).toEqual([`${rule}:minor:site`]);
			const evidence = findings[0].evidence as IDataObject;
			expect(evidence.affectedClients).toBe(7);
			const worst = evidence.worstClients as IDataObject[];
			expect(worst).toHaveLength(WORST_CLIENTS_LISTED);
			expect(worst.map((client) => client.value)).toEqual(worstValues);
			expect(worst[0]).toEqual(
				expect.objectContaining({
					mac: clientMac(6),
					hostname: 'host-6',
					ap_mac: apMac(6),
					measured_at: new Date((NOW - 6) * 1000).toISOString(),
				}),
			);
		},
	);

	it('scopes the finding to the AP the clients gather on', () => {
		// Four low-SNR clients, three of them on one AP.
		const stats = clients(4, 1, () => ({ rssi: -60, snr: 18 }));
		stats[3].ap_mac = apMac(9);
		const [finding] = run(stats);
		expect(finding.rule).toBe('low_snr_clients_site');
		expect(finding.scope).toEqual(expect.objectContaining({ level: 'ap', ap_mac: apMac(0) }));
	});

	it('keeps one finding per client on the sites it was not asked to summarise', () => {
		const rules = run(
			clients(3, 3, () => ({ rssi: -60, snr: 18 })),
			[],
		).map((finding) => finding.rule);
		expect(rules).toEqual(['client_low_snr', 'client_low_snr', 'client_low_snr']);
	});

	it('leaves the clients of a weak-coverage AP to its AP finding', () => {
		const findings = run(clients(5, 1, () => ({ rssi: -85, snr: 30 })));
		expect(findings.map((finding) => finding.rule)).toEqual(['weak_coverage_ap']);
	});
});
