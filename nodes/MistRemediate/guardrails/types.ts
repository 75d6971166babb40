/** Guardrail model: pure data, no n8n imports, so every rule can be tested with a fake clock. */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface MaintenanceWindow {
	/** `always` allows any time; `window` only between start and end on the given days. */
	mode: 'always' | 'window';
	days: Weekday[];
	/** Local site time, HH:mm. A start later than the end crosses midnight (22:00–05:00). */
	start: string;
	end: string;
}

export interface GuardrailSettings {
	maxActionsPerExecution: number;
	maxActionsPerSitePerHour: number;
	cooldownMinutes: number;
	/** Largest share (percent) of a site's APs that may be restarting at the same time. */
	maxApRestartPercent: number;
	maxClientsPerReconnect: number;
	window: MaintenanceWindow;
	/** Site ids or names (case-insensitive); an empty allow list allows every site. */
	allowSites: string[];
	denySites: string[];
}

/** One action that was sent to Mist, as kept in workflow static data. */
export interface ActionRecord {
	/** Epoch milliseconds. */
	at: number;
	siteId: string;
	operation: string;
	/** Cooldown keys, e.g. `restartDevice:device:<id>`. */
	targets: string[];
	/** Device ids of APs that were restarted (for the share-of-APs rule). */
	restartedAps?: string[];
}

export interface GuardrailState {
	actions: ActionRecord[];
}

/** What the planned action needs checked. */
export interface GuardrailRequest {
	operation: string;
	siteId: string;
	siteName?: string;
	/** Changes something on the network (restart, reconnect, radio change…); diagnostics do not. */
	disruptive: boolean;
	targets: string[];
	/** Device ids of APs this action would restart. */
	restartsAps: string[];
	/** Number of clients a reconnect would drop. */
	clientCount: number;
	/** The site's AP count, when known. */
	siteApCount?: number;
	/** IANA zone of the site; UTC when unknown. */
	timezone?: string;
}

/** A claim in the shared memory, as the output shows it (times as ISO strings). */
export interface ClaimNote {
	/** True once claimed; false in a dry run, which only says what would be claimed. */
	held: boolean;
	targets: string[];
	at: string;
	/** When the cooldown on the targets ends. */
	until: string;
	note?: string;
}

export interface GuardrailDecision {
	allowed: boolean;
	/** Set when the action was claimed in the shared memory (or would be, in a dry run). */
	claim?: ClaimNote;
	/** Name of the rule that blocked the action, absent when allowed. */
	rule?: string;
	/** Plain words with the numbers, e.g. "cooldown: AP restarted 12 min ago, cooldown 30 min". */
	reason: string;
}

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;
/** APs restarted within this time count as "restarting at once" (a reboot takes a few minutes). */
export const RESTART_OVERLAP_MS = 15 * MINUTE_MS;
