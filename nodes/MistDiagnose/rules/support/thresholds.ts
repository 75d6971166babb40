import { z } from 'zod';
import type { Grade } from '../../../shared/findings/severity';

/**
 * Diagnosis thresholds with field defaults. Boundary rule, everywhere:
 * a value breaches a limit only when it is strictly worse than the limit. RSSI -72 dBm is not weak,
 * -72.1 is; 50 % channel utilisation is fine, 50.1 % is not. Count rules say "at least" (≥).
 */

/** Limits where a lower value is worse (RSSI, SNR): warn when value < warn, crit when value < crit. */
const lowerIsWorse = (warn: number, crit: number) =>
	z
		.object({ warn: z.number().default(warn), crit: z.number().default(crit) })
		.default({})
		.refine((limits) => limits.crit <= limits.warn, {
			message: 'crit must be lower than or equal to warn',
		});

/** Limits where a higher value is worse: warn when value > warn, crit when value > crit. */
const higherIsWorse = (warn: number, crit: number) =>
	z
		.object({ warn: z.number().default(warn), crit: z.number().default(crit) })
		.default({})
		.refine((limits) => limits.crit >= limits.warn, {
			message: 'crit must be higher than or equal to warn',
		});

const count = (value: number) => z.number().int().min(1).default(value);

export const thresholdsSchema = z
	.object({
		/** Voice clients need a stronger signal than data clients. */
		rssiProfile: z.enum(['data', 'voice']).default('data'),
		rssiDataDbm: lowerIsWorse(-72, -80),
		rssiVoiceDbm: lowerIsWorse(-67, -75),
		snrDb: lowerIsWorse(25, 15),
		retriesPercent: higherIsWorse(15, 20),
		/** Retry ratios of clients with fewer packets are noise. */
		retriesMinPackets: count(100),
		channelUtilPercent: higherIsWorse(50, 70),
		nonWifiUtilPercent: higherIsWorse(20, 35),
		noiseFloorDbm: higherIsWorse(-85, -80),
		clientsPerAp: higherIsWorse(30, 50),
		apCpuPercent: higherIsWorse(80, 95),
		/** AP restarts (events + alarm counts) in the window that make "repeated reboots". */
		apRebootsRepeated: count(2),
		/** AP disconnect events in the window that make an unstable uplink. */
		apDisconnectsRepeated: count(2),
		/** Share of a DHCP pool in use (0–1). */
		dhcpPoolUsage: higherIsWorse(0.85, 0.95),
		/** Correlation of client failures into one shared finding. */
		windowSeconds: z.number().positive().default(600),
		/** Distinct clients failing within the window that make a site/VLAN/SSID-level problem (≥). */
		sharedMinClients: count(2),
		/** More distinct clients than this make a shared problem critical (>), as Mist's own email alerts. */
		sharedCriticalClients: count(10),
		/** An AP concentrates failures when it has at least this many failing clients… */
		apConcentrationMinClients: count(3),
		/** …and at least this share (0–1) of the site's failing clients. */
		apConcentrationShare: z.number().min(0).max(1).default(0.5),
		/** Weak clients on one AP that make an AP coverage problem (≥), and their share of its clients (≥). */
		coverageApMinClients: count(3),
		coverageApShare: z.number().min(0).max(1).default(0.3),
		/** APs with the same RF problem on a site that make it a site-level problem (≥). */
		rfSiteMinAps: count(3),
		/** Other-BSS (co-channel) airtime (%) above which a busy radio is congested by its neighbours (>). */
		otherBssUtilPercent: z.number().min(0).max(100).default(30),
		/** AP_RADAR_DETECTED events of one AP in the window that make a DFS channel unusable (≥). */
		radarHitsRepeated: count(3),
		/** Bounded list of sample MACs in evidence. */
		maxSampleMacs: count(10),
		/** SLE ratios (0–1) below this are degraded; per-metric overrides by metric key. */
		sleDegradedBelow: z.number().min(0).max(1).default(0.9),
		sleMetricDegradedBelow: z.record(z.number().min(0).max(1)).default({}),
		/**
		 * An SLE is judged only on sites with at least this many clients (≥). Below 1 / (1 − 0.9) = 10
		 * clients, one client's minutes move a ratio by more than the margin between perfect and
		 * degraded: a real 6-client site reports throughput 0.
		 */
		sleMinClients: count(10),
		/** …and an SLE summary only when its classifier counted at least this many user-minutes (one client-hour). */
		sleMinUserMinutes: z.number().min(0).default(60),
		/** Share (0–1) of user-minutes an SLE classifier degraded: warn above warn, crit above crit. */
		sleClassifierShare: higherIsWorse(0.05, 0.2),
		/** Baseline: flag values above mean + k·σ of the entity's own history, given enough samples. */
		baselineK: z.number().positive().default(3),
		baselineMinSamples: count(6),
		/** Sessions shorter than this (seconds) count as a connectivity drop. */
		shortSessionSeconds: z.number().positive().default(60),
		/** Dropped sessions of one client in the window that make a client problem (≥). */
		dropsPerClient: count(3),
		/** Distinct clients with dropped sessions on one AP that make an AP problem (≥). */
		dropsApMinClients: count(5),
		/** Client-latency averages (seconds). */
		latencyDhcpSeconds: higherIsWorse(1, 3),
		latencyAuthSeconds: higherIsWorse(1, 3),
		latencyDnsSeconds: higherIsWorse(0.3, 1),
		/** SW_PORT_DOWN events on one port in the window that make a flapping port (≥). */
		portFlapDowns: count(3),
		/** Input+output errors on an AP's switch port (≥), and their share of the frames received (>). */
		portErrorsMin: count(100),
		portErrorShare: z.number().min(0).max(1).default(0.0001),
		/** A port that flapped this recently (seconds) explains its AP's disconnects. */
		portFlappedRecentSeconds: z.number().positive().default(3600),
		/** Share of a switch's PoE budget in use (≥) at which it sheds ports: its APs lose power. */
		poeBudgetShare: z.number().min(0).max(1).default(0.95),
		/** Clients failing fast roaming (802.11r/OKC) on one SSID, over ≥ 2 APs, that blame the SSID (≥). */
		roamingSsidMinClients: count(3),
		/** Down events of one switch/gateway in the window that make it unstable (≥). */
		deviceUpdownFlaps: count(2),
	})
	.strict();

export type DiagnosisThresholds = z.infer<typeof thresholdsSchema>;
export type ThresholdInput = z.input<typeof thresholdsSchema>;
export type Limits = { warn: number; crit: number };

export const DEFAULT_THRESHOLDS: DiagnosisThresholds = thresholdsSchema.parse({});

/** Fills defaults; throws an Error naming the bad field (the node wraps it in a NodeOperationError). */
export function resolveThresholds(input: ThresholdInput = {}): DiagnosisThresholds {
	const result = thresholdsSchema.safeParse(input);
	if (result.success) return result.data;
	const issue = result.error.issues[0];
	throw new Error(`Invalid threshold "${issue.path.join('.') || '(root)'}": ${issue.message}`);
}

export function rssiLimits(thresholds: DiagnosisThresholds): Limits {
	return thresholds.rssiProfile === 'voice' ? thresholds.rssiVoiceDbm : thresholds.rssiDataDbm;
}

/** RSSI, SNR: strictly below the limit breaches it. */
export function gradeLowerIsWorse(value: number, limits: Limits): Grade {
	if (value < limits.crit) return 'crit';
	if (value < limits.warn) return 'warn';
	return 'ok';
}

/** Utilisation, retries, noise floor, load: strictly above the limit breaches it. */
export function gradeHigherIsWorse(value: number, limits: Limits): Grade {
	if (value > limits.crit) return 'crit';
	if (value > limits.warn) return 'warn';
	return 'ok';
}

/** Distinct failing clients: ≥ sharedMinClients is shared; > sharedCriticalClients is critical. */
export function gradeSharedClients(
	distinctClients: number,
	thresholds: DiagnosisThresholds,
): Grade {
	if (distinctClients > thresholds.sharedCriticalClients) return 'crit';
	if (distinctClients >= thresholds.sharedMinClients) return 'warn';
	return 'ok';
}
