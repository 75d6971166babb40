import type { Finding, Severity } from '../../shared/findings/types';

/** Finding fields a notification can group on. */
export const GROUP_LABELS = ['ap', 'org', 'rule', 'severity', 'site', 'step'] as const;
export type GroupLabel = (typeof GROUP_LABELS)[number];

/** A silence mutes every incident its non-empty fields all match, until `endsAt`. */
export interface Silence {
	site?: string;
	rule?: string;
	severity?: Severity;
	fingerprint?: string;
	/** ISO date-time. */
	endsAt: string;
	comment?: string;
}

/** A recurring quiet period: on the listed weekdays (1 = Monday … 7 = Sunday) between two local times. */
export interface MuteWindow {
	weekdays: number[];
	/** `HH:mm`; a start later than the end spans midnight. */
	start: string;
	end: string;
	timezone: string;
}

export interface AlertConfig {
	groupBy: GroupLabel[];
	groupWaitMs: number;
	groupIntervalMs: number;
	repeatIntervalMs: number;
	/** Consecutive runs with the finding before an incident opens (flap hold-down). */
	openAfterRuns: number;
	/** Consecutive runs without the finding before an incident resolves. */
	resolveAfterCleanRuns: number;
	tier2AfterMs: number;
	tier3AfterMs: number;
	silences: Silence[];
	muteWindows: MuteWindow[];
	/** Lets critical incidents through mute windows (silences still apply). */
	criticalBypassesMute: boolean;
	/** How long resolved incidents stay in state (so a quick return counts as a re-open, not a new storm). */
	resolvedRetentionMs: number;
	/** Incidents listed in one chat or email message; the rest are counted. */
	maxListed: number;
	/** Optional link shown in messages (e.g. a dashboard). */
	dashboardUrl?: string;
	/** The node's first announcement is one digest per channel instead of one message per group. */
	firstRunDigest: boolean;
	/** A reporter silent this long no longer holds its incidents open (see reporters.ts). */
	forgetReportersAfterMs: number;
}

export interface Acknowledgement {
	by: string;
	note: string;
	at: string;
}

export type IncidentStatus = 'pending' | 'open' | 'resolved';

/** One reporter's view of an incident: when it last saw it and its clean runs since. */
export interface ReporterMark {
	lastSeen: string;
	cleanRuns: number;
}

/** One incident per fingerprint, kept in the node's memory (JSON only). */
export interface IncidentRecord {
	fingerprint: string;
	status: IncidentStatus;
	groupKey: string;
	/** Latest finding, so messages can show current evidence. */
	finding: Finding;
	badRuns: number;
	cleanRuns: number;
	/** Runs in which the finding was seen since the incident (re)opened. */
	runsSeen: number;
	firstSeen: string;
	lastSeen: string;
	/** When the hold-down passed; escalation age counts from here. */
	openedAt?: string;
	resolvedAt?: string;
	acknowledged?: Acknowledgement;
	/** When each tier was sent for this incident. */
	notified: { tier1?: string; tier2?: string; tier3?: string; pagerAck?: string };
	/** A chat/email resolved notice is owed (it waits out mute windows). */
	resolveChatPending?: boolean;
	/** A PagerDuty resolve is owed (sent at once: closing a page never disturbs anyone). */
	resolvePagerPending?: boolean;
	/**
	 * The Evaluate nodes (`workflow id/node name`) that saw it since it (re)opened. Absent in states
	 * kept before reporters existed: then any run's absence counts towards resolution.
	 */
	reportedBy?: Record<string, ReporterMark>;
}

export interface GroupRecord {
	key: string;
	labels: Record<string, string>;
	createdAt: string;
	lastNotifiedAt?: string;
}

export interface AlertState {
	version: 1;
	incidents: Record<string, IncidentRecord>;
	groups: Record<string, GroupRecord>;
	runs: number;
	lastRunAt?: string;
	/** When this node first announced incidents in chat; until then the first-run digest applies. */
	announcedAt?: string;
	/** When each reporter last ran, by reporter; those silent too long are dropped. */
	reporters?: Record<string, string>;
}

/** An acknowledgement request: one incident by fingerprint, or every incident of a group. */
export interface AckRequest {
	fingerprint?: string;
	groupKey?: string;
	by: string;
	note: string;
}

export type NoticeKind = 'firing' | 'escalation' | 'page' | 'acknowledge' | 'resolved';
export type NoticeTier = 'tier1' | 'tier2' | 'tier3' | 'resolved';

/** What one message is about; the renderers turn it into channel payloads. */
export interface IncidentView {
	fingerprint: string;
	rule: string;
	/** The rule's human title (titles.ts). */
	title: string;
	severity: Severity;
	summary: string;
	siteId: string;
	siteName: string;
	target: string;
	entity: string;
	level: string;
	likelyCause: string;
	remediation: string;
	status: IncidentStatus;
	firstSeen: string;
	lastSeen: string;
	openedAt?: string;
	resolvedAt?: string;
	runsSeen: number;
	findingCount: number;
	acknowledged?: Acknowledgement;
	isNew: boolean;
	orgId: string;
	step: string;
	evidence: Record<string, unknown>;
}

export interface Notice {
	kind: NoticeKind;
	tier: NoticeTier;
	groupKey: string;
	labels: Record<string, string>;
	incidents: IncidentView[];
	/** A first-run digest: every group in one message, listed by site. */
	digest: boolean;
	/** The groups the notice covers (one, or every group of a digest), e.g. to acknowledge them. */
	groupKeys: string[];
	/** Whether this is a reminder of an unchanged group (repeat interval). */
	repeat: boolean;
	/** Open incidents left in the group (for resolved notices). */
	stillOpen: number;
	generatedAt: string;
	/** Input item indexes that contributed (for pairedItem). */
	sourceItems: number[];
}
