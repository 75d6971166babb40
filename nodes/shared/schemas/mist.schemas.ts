import { z } from 'zod';

/**
 * Shapes of the Mist responses that diagnosis relies on (from the OpenAPI spec). Only the fields
 * rules read are declared; everything else passes through. Mist omits fields freely, so most are optional.
 */

const num = z.number();
const optNum = num.nullish();
const optStr = z.string().nullish();
const numOrSeries = z.union([num, z.array(num.nullable())]).nullish();

export const siteSchema = z
	.object({
		id: z.string(),
		name: z.string(),
		org_id: optStr,
		timezone: optStr,
		country_code: optStr,
	})
	.passthrough();

/** GET /sites/{id}/stats/clients: wireless clients connected now. */
export const clientStatSchema = z
	.object({
		mac: z.string(),
		site_id: optStr,
		hostname: optStr,
		username: optStr,
		ip: optStr,
		ap_mac: optStr,
		ap_id: optStr,
		ssid: optStr,
		wlan_id: optStr,
		band: z.union([z.string(), num]).nullish(),
		channel: optNum,
		rssi: optNum,
		snr: optNum,
		tx_rate: optNum,
		rx_rate: optNum,
		tx_pkts: optNum,
		rx_pkts: optNum,
		tx_retries: optNum,
		rx_retries: optNum,
		tx_bps: optNum,
		rx_bps: optNum,
		idle_time: optNum,
		last_seen: optNum,
		vlan_id: z.union([z.string(), num]).nullish(),
		os: optStr,
		manufacture: optStr,
		x: optNum,
		y: optNum,
		map_id: optStr,
	})
	.passthrough();
export const clientStatListSchema = z.array(clientStatSchema);

/** GET /orgs/{id}/clients/search results. */
export const clientSearchSchema = z
	.object({
		mac: z.string(),
		site_id: optStr,
		last_hostname: optStr,
		last_ip: optStr,
		last_ssid: optStr,
		last_ap: optStr,
		last_vlan: z.union([z.string(), num]).nullish(),
		last_username: optStr,
		last_os: optStr,
		timestamp: optNum,
	})
	.passthrough();
export const clientSearchListSchema = z.array(clientSearchSchema);

/** Client events (org or site search, or one client's events). */
export const clientEventSchema = z
	.object({
		type: z.string(),
		timestamp: num,
		mac: optStr,
		site_id: optStr,
		ap: optStr,
		ssid: optStr,
		wlan_id: optStr,
		band: z.union([z.string(), num]).nullish(),
		channel: optNum,
		text: optStr,
		reason_code: optNum,
		status_code: optNum,
		username: optStr,
		vlan: z.union([z.string(), num]).nullish(),
	})
	.passthrough();
export const clientEventListSchema = z.array(clientEventSchema);

export const clientSessionSchema = z
	.object({
		mac: z.string(),
		ap: optStr,
		ssid: optStr,
		site_id: optStr,
		connect: optNum,
		disconnect: optNum,
		duration: optNum,
		tags: z.array(z.string()).nullish(),
		timestamp: optNum,
	})
	.passthrough();
export const clientSessionListSchema = z.array(clientSessionSchema);

const radioBandSchema = z
	.object({
		channel: optNum,
		bandwidth: optNum,
		power: optNum,
		noise_floor: optNum,
		num_clients: optNum,
		util_all: optNum,
		util_tx: optNum,
		util_rx_in_bss: optNum,
		util_rx_other_bss: optNum,
		util_non_wifi: optNum,
		util_unknown_wifi: optNum,
		disabled: z.boolean().nullish(),
	})
	.passthrough();

/** GET /sites/{id}/stats/devices and /orgs/{id}/stats/devices (APs; switches share the id fields). */
export const deviceStatSchema = z
	.object({
		id: optStr,
		mac: z.string(),
		name: optStr,
		site_id: optStr,
		type: optStr,
		model: optStr,
		status: optStr,
		uptime: optNum,
		last_seen: optNum,
		num_clients: optNum,
		cpu_util: optNum,
		mem_used_kb: optNum,
		mem_total_kb: optNum,
		last_trouble: z.object({ code: optStr, timestamp: optNum }).passthrough().nullish(),
		radio_stat: z
			.object({
				band_24: radioBandSchema.nullish(),
				band_5: radioBandSchema.nullish(),
				band_6: radioBandSchema.nullish(),
			})
			.passthrough()
			.nullish(),
		x: optNum,
		y: optNum,
		map_id: optStr,
	})
	.passthrough();
export const deviceStatListSchema = z.array(deviceStatSchema);

export const deviceEventSchema = z
	.object({
		type: z.string(),
		timestamp: num,
		mac: optStr,
		site_id: optStr,
		device_type: optStr,
		port_id: optStr,
		text: optStr,
	})
	.passthrough();
export const deviceEventListSchema = z.array(deviceEventSchema);

export const alarmSchema = z
	.object({
		id: z.string(),
		type: z.string(),
		site_id: optStr,
		group: optStr,
		severity: optStr,
		status: optStr,
		count: optNum,
		aps: z.array(z.string()).nullish(),
		switches: z.array(z.string()).nullish(),
		hostnames: z.array(z.string()).nullish(),
		timestamp: optNum,
		last_seen: optNum,
	})
	.passthrough();
export const alarmListSchema = z.array(alarmSchema);

/** GET /orgs/{id}/insights/sites-sle?sle=wifi results: each SLE is a 0–1 success ratio. */
export const siteSleSchema = z
	.object({
		site_id: z.string(),
		num_aps: optNum,
		num_clients: optNum,
		'successful-connect': optNum,
		'time-to-connect': optNum,
		coverage: optNum,
		roaming: optNum,
		throughput: optNum,
		capacity: optNum,
		'ap-health': optNum,
		'ap-availability': optNum,
	})
	.passthrough();
export const siteSleListSchema = z.array(siteSleSchema);

/** GET /sites/{id}/sle/{scope}/{scope_id}/metric/{metric}/summary */
export const sleSummarySchema = z
	.object({
		sle: z
			.object({
				name: optStr,
				samples: z
					.object({
						total: z.array(num.nullable()).nullish(),
						degraded: z.array(num.nullable()).nullish(),
					})
					.passthrough()
					.nullish(),
			})
			.passthrough()
			.nullish(),
		classifiers: z
			.array(
				z
					.object({
						name: z.string(),
						impact: z
							.object({
								num_users: optNum,
								num_aps: optNum,
								total_users: optNum,
								total_aps: optNum,
							})
							.passthrough()
							.nullish(),
						// Per-interval series in the spec example, a single total in some answers.
						samples: z
							.object({ total: numOrSeries, degraded: numOrSeries, duration: numOrSeries })
							.passthrough()
							.nullish(),
					})
					.passthrough(),
			)
			.nullish(),
		impact: z.object({}).passthrough().nullish(),
	})
	.passthrough();

export type Site = z.infer<typeof siteSchema>;
export type ClientStat = z.infer<typeof clientStatSchema>;
export type ClientSearchResult = z.infer<typeof clientSearchSchema>;
export type ClientEvent = z.infer<typeof clientEventSchema>;
export type ClientSession = z.infer<typeof clientSessionSchema>;
export type DeviceStat = z.infer<typeof deviceStatSchema>;
export type RadioBandStat = z.infer<typeof radioBandSchema>;
export type DeviceEvent = z.infer<typeof deviceEventSchema>;
export type Alarm = z.infer<typeof alarmSchema>;
export type SiteSle = z.infer<typeof siteSleSchema>;
export type SleSummary = z.infer<typeof sleSummarySchema>;
