import { siteLabel, siteMatches } from './sites';
import type {
	GuardrailDecision,
	GuardrailRequest,
	GuardrailSettings,
	GuardrailState,
} from './types';
import { HOUR_MS, MINUTE_MS, RESTART_OVERLAP_MS } from './types';
import { checkWindow, describeWindow } from './window';

export interface EvaluationContext {
	settings: GuardrailSettings;
	/** Actions already sent (persisted) plus those decided earlier in this execution. */
	state: GuardrailState;
	/** Actions allowed so far in this execution (dry-run ones included). */
	executionCount: number;
	now: number;
	/** Readable names for cooldown keys, e.g. `restartDevice:device:<id>` → `AP "Lobby-01"`. */
	targetLabels?: Record<string, string>;
}

type Rule = (
	request: GuardrailRequest,
	context: EvaluationContext,
) => GuardrailDecision | undefined;

const block = (rule: string, reason: string): GuardrailDecision => ({
	allowed: false,
	rule,
	reason: `${rule}: ${reason}`,
});

const denyList: Rule = (request, { settings }) =>
	siteMatches(settings.denySites, request.siteId, request.siteName)
		? block('deny list', `site ${siteLabel(request.siteId, request.siteName)} is on the deny list`)
		: undefined;

const allowList: Rule = (request, { settings }) =>
	settings.allowSites.length > 0 &&
	!siteMatches(settings.allowSites, request.siteId, request.siteName)
		? block(
				'allow list',
				`site ${siteLabel(request.siteId, request.siteName)} is not on the allow list`,
			)
		: undefined;

const executionLimit: Rule = (_request, { settings, executionCount }) =>
	executionCount >= settings.maxActionsPerExecution
		? block(
				'execution limit',
				`${executionCount} actions already in this execution, limit ${settings.maxActionsPerExecution}`,
			)
		: undefined;

const maintenanceWindow: Rule = (request, { settings, now }) => {
	const check = checkWindow(settings.window, now, request.timezone ?? 'UTC');
	return check.open
		? undefined
		: block(
				'maintenance window',
				`site time is ${check.localTime}, outside the window ${describeWindow(settings.window)}`,
			);
};

const siteHourly: Rule = (request, { settings, state, now }) => {
	const lastHour = state.actions.filter(
		(record) => record.siteId === request.siteId && record.at > now - HOUR_MS,
	).length;
	return lastHour >= settings.maxActionsPerSitePerHour
		? block(
				'site hourly limit',
				`${lastHour} actions on this site in the last hour, limit ${settings.maxActionsPerSitePerHour}`,
			)
		: undefined;
};

const cooldown: Rule = (request, { settings, state, now, targetLabels }) => {
	const cooldownMs = settings.cooldownMinutes * MINUTE_MS;
	if (cooldownMs <= 0) return undefined;
	for (const target of request.targets) {
		const last = state.actions
			.filter((record) => record.targets.includes(target) && record.at > now - cooldownMs)
			.sort((a, b) => b.at - a.at)[0];
		if (!last) continue;
		const ago = Math.floor((now - last.at) / MINUTE_MS);
		const wait = Math.ceil((last.at + cooldownMs - now) / MINUTE_MS);
		const label = targetLabels?.[target] ?? target;
		return block(
			'cooldown',
			`${label}: ${last.operation} ${ago} min ago, cooldown ${settings.cooldownMinutes} min (allowed again in ${wait} min)`,
		);
	}
	return undefined;
};

/** The largest number of APs of a site allowed to restart at once; one is always allowed. */
export function maxRestartingAps(apCount: number, percent: number): number {
	return Math.max(1, Math.floor((apCount * percent) / 100));
}

const apShare: Rule = (request, { settings, state, now }) => {
	if (request.restartsAps.length === 0) return undefined;
	if (request.siteApCount === undefined || request.siteApCount < 1) {
		return block(
			'AP share',
			"the site's AP count is unknown, so the share of APs restarting cannot be checked",
		);
	}
	const restarting = new Set(request.restartsAps);
	for (const record of state.actions) {
		if (record.siteId !== request.siteId || record.at <= now - RESTART_OVERLAP_MS) continue;
		for (const id of record.restartedAps ?? []) restarting.add(id);
	}
	const limit = maxRestartingAps(request.siteApCount, settings.maxApRestartPercent);
	if (restarting.size <= limit) return undefined;
	const share = Math.round((restarting.size / request.siteApCount) * 100);
	return block(
		'AP share',
		`${restarting.size} of ${request.siteApCount} APs would be restarting within ${RESTART_OVERLAP_MS / MINUTE_MS} min (${share} %), limit ${settings.maxApRestartPercent} % (${limit} AP${limit === 1 ? '' : 's'})`,
	);
};

const bulkClients: Rule = (request, { settings }) =>
	request.clientCount > settings.maxClientsPerReconnect
		? block(
				'bulk client limit',
				`${request.clientCount} clients in one request, limit ${settings.maxClientsPerReconnect}`,
			)
		: undefined;

/** Rules for every action, then the ones that only matter when the action changes the network. */
const ALWAYS: Rule[] = [denyList, allowList, executionLimit];
const DISRUPTIVE: Rule[] = [maintenanceWindow, bulkClients, siteHourly, cooldown, apShare];

/** The first rule that blocks the action decides; otherwise it is allowed. */
export function evaluateGuardrails(
	request: GuardrailRequest,
	context: EvaluationContext,
): GuardrailDecision {
	const rules = request.disruptive ? [...ALWAYS, ...DISRUPTIVE] : ALWAYS;
	for (const rule of rules) {
		const decision = rule(request, context);
		if (decision) return decision;
	}
	return {
		allowed: true,
		reason: request.disruptive
			? 'allowed: every guardrail passed'
			: 'allowed: diagnostic, site lists and execution limit passed',
	};
}
