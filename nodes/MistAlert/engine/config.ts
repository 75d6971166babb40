import type { AlertConfig } from './types';

const MINUTE = 60_000;

/** Alertmanager-like defaults; see the node's parameter descriptions. */
export const DEFAULT_ALERT_CONFIG: AlertConfig = {
	groupBy: ['site', 'rule'],
	groupWaitMs: 30_000,
	groupIntervalMs: 5 * MINUTE,
	repeatIntervalMs: 240 * MINUTE,
	openAfterRuns: 1,
	resolveAfterCleanRuns: 2,
	tier2AfterMs: 15 * MINUTE,
	tier3AfterMs: 30 * MINUTE,
	silences: [],
	muteWindows: [],
	criticalBypassesMute: false,
	resolvedRetentionMs: 24 * 60 * MINUTE,
	maxListed: 20,
	firstRunDigest: true,
	forgetReportersAfterMs: 24 * 60 * MINUTE,
};

export function alertConfig(overrides: Partial<AlertConfig> = {}): AlertConfig {
	return { ...DEFAULT_ALERT_CONFIG, ...overrides };
}
