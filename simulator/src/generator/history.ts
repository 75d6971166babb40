import type { Rng } from '../prng';
import type { Client, World } from '../types';
import {
	healthyJoin,
	insertSorted,
	makeDeviceEvent,
	makeNacEvent,
	makeRrmEvent,
	round3,
} from './eventFactory';

const BACKGROUND_INTERVAL_SECONDS = 300;

/** Background history of a healthy org: joins, past sessions, config events and nightly RRM runs. */
export function generateHistory(world: World, rng: Rng, now: number): void {
	const nowSec = now / 1000;
	const historySec = world.settings.historyHours * 3600;
	// Emitting in association order leaves the arrays nearly sorted, which makes the final sort cheap.
	const byAssociation = [...world.clients.values()].sort((a, b) => a.assocAt - b.assocAt);
	for (const client of byAssociation) {
		const at = round3(client.assocAt / 1000);
		for (const event of healthyJoin(world, client, at)) world.clientEvents.push(event);
		if (client.wlan.auth === 'eap') {
			world.nacEvents.push(
				makeNacEvent(
					world,
					client,
					'NAC_CLIENT_PERMIT',
					round3(at + 0.2),
					client.wlan.eapType ?? 'eap-peap',
				),
			);
		}
		// One earlier, completed session per client (if it fits in the history window).
		const duration = rng.int(600, 4 * 3600);
		const disconnect = Math.floor(at) - rng.int(60, 1800);
		const connect = disconnect - duration;
		if (connect > nowSec - historySec) {
			world.sessions.push({
				timestamp: disconnect,
				mac: client.mac,
				site_id: client.siteId,
				org_id: world.orgId,
				ap: world.aps.get(client.apId)?.mac ?? '',
				band: client.band,
				ssid: client.wlan.ssid,
				wlan_id: client.wlan.id,
				connect,
				disconnect,
				duration,
				client_manufacture: client.manufacture,
				tags: ['disassociate'],
			});
		}
	}
	for (const site of world.sites) {
		const rrmAt = Math.floor(
			nowSec - rng.int(2, Math.max(3, world.settings.historyHours - 1)) * 3600,
		);
		for (const apId of site.apIds) {
			const ap = world.aps.get(apId);
			if (!ap) continue;
			world.deviceEvents.push(
				makeDeviceEvent(
					world,
					ap,
					'ap',
					'AP_CONFIGURED',
					round3(nowSec - rng.int(3600, historySec - 60)),
					'AP configured',
					{ ev_type: 'notice' },
				),
			);
			for (const band of ['24', '5'] as const) {
				world.rrmEvents.push(makeRrmEvent(ap, band, 'scheduled-site_rrm', rrmAt));
			}
		}
		for (const swId of site.switchIds) {
			const sw = world.switches.get(swId);
			if (sw) {
				world.deviceEvents.push(
					makeDeviceEvent(
						world,
						sw,
						'switch',
						'SW_CONFIGURED',
						round3(nowSec - rng.int(3600, historySec - 60)),
						'Switch configured',
						{ ev_type: 'notice' },
					),
				);
			}
		}
	}
}

export function sortWorldEvents(world: World): void {
	const byTime = (a: { timestamp: number }, b: { timestamp: number }) => a.timestamp - b.timestamp;
	world.clientEvents.sort(byTime);
	world.nacEvents.sort(byTime);
	world.deviceEvents.sort(byTime);
	world.sessions.sort(byTime);
	world.rrmEvents.sort(byTime);
	world.alarms.sort(byTime);
}

/**
 * Keeps a long-running simulator alive: every 5 minutes one healthy client per site re-joins, so
 * recent windows (duration=1h) keep showing normal traffic next to the faults.
 */
export function advanceBackground(world: World, now: number): boolean {
	const nowSec = now / 1000;
	let changed = false;
	while (world.backgroundTickAt + BACKGROUND_INTERVAL_SECONDS <= nowSec) {
		world.backgroundTickAt += BACKGROUND_INTERVAL_SECONDS;
		const tick = Math.round(world.backgroundTickAt / BACKGROUND_INTERVAL_SECONDS);
		const faulty = new Set(world.faults.filter((f) => f.active).flatMap((f) => f.clientMacs));
		for (const site of world.sites) {
			if (site.clientMacs.length === 0) continue;
			const client = world.clients.get(
				site.clientMacs[(tick * 7 + site.index) % site.clientMacs.length],
			) as Client;
			if (!client.connected || faulty.has(client.mac)) continue;
			const at = round3(world.backgroundTickAt - (site.index % 60));
			client.assocAt = Math.round(at * 1000);
			for (const event of healthyJoin(world, client, at)) insertSorted(world.clientEvents, event);
			changed = true;
		}
	}
	return changed;
}
