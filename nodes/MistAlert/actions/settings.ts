import { DateTime } from 'luxon';
import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { SEVERITIES } from '../../shared/findings/types';
import type { Severity } from '../../shared/findings/types';
import { alertConfig } from '../engine/config';
import type { AlertConfig, GroupLabel, MuteWindow, Silence } from '../engine/types';
import { GROUP_LABELS } from '../engine/types';

const MINUTE = 60_000;
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

function fail(ctx: IExecuteFunctions, message: string): never {
	throw new NodeOperationError(ctx.getNode(), message);
}

function readSilences(ctx: IExecuteFunctions): Silence[] {
	const raw = (ctx.getNodeParameter('silences.silence', 0, []) as IDataObject[]) ?? [];
	return raw.map((entry, index) => {
		const endsAt = String(entry.endsAt ?? '');
		if (!endsAt || Number.isNaN(Date.parse(endsAt)))
			fail(ctx, `Silence ${index + 1}: "Ends At" ${JSON.stringify(endsAt)} is not a date-time`);
		const severity = String(entry.severity ?? '');
		if (severity && !SEVERITIES.includes(severity as Severity))
			fail(
				ctx,
				`Silence ${index + 1}: "Severity" ${JSON.stringify(severity)} is not one of ${SEVERITIES.join(', ')}`,
			);
		const silence: Silence = { endsAt: new Date(Date.parse(endsAt)).toISOString() };
		for (const field of ['site', 'rule', 'fingerprint', 'comment'] as const) {
			const value = String(entry[field] ?? '').trim();
			if (value) silence[field] = value;
		}
		if (severity) silence.severity = severity as Severity;
		return silence;
	});
}

function readMuteWindows(ctx: IExecuteFunctions): MuteWindow[] {
	const raw = (ctx.getNodeParameter('muteWindows.window', 0, []) as IDataObject[]) ?? [];
	return raw.map((entry, index) => {
		const start = String(entry.start ?? '').trim();
		const end = String(entry.end ?? '').trim();
		const timezone = String(entry.timezone ?? 'UTC').trim() || 'UTC';
		if (!TIME_OF_DAY.test(start))
			fail(ctx, `Mute window ${index + 1}: "Start Time" ${JSON.stringify(start)} is not HH:mm`);
		if (!TIME_OF_DAY.test(end))
			fail(ctx, `Mute window ${index + 1}: "End Time" ${JSON.stringify(end)} is not HH:mm`);
		if (!DateTime.now().setZone(timezone).isValid)
			fail(
				ctx,
				`Mute window ${index + 1}: "Timezone" ${JSON.stringify(timezone)} is not an IANA time zone`,
			);
		const weekdays = ((entry.weekdays as number[] | undefined) ?? []).map(Number);
		return { start, end, timezone, weekdays };
	});
}

/** Node parameters → engine configuration (validated; the first bad field is named). */
export function readAlertConfig(ctx: IExecuteFunctions, operation: string): AlertConfig {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	const number = (name: string, fallback: number) => {
		const value =
			options[name] === undefined || options[name] === '' ? fallback : Number(options[name]);
		if (!Number.isFinite(value) || value < 0)
			fail(ctx, `Option "${name}" must be a number ≥ 0, got ${JSON.stringify(options[name])}`);
		return value;
	};
	const evaluating = operation === 'evaluate';
	const groupBy = (
		evaluating
			? (ctx.getNodeParameter('groupBy', 0, ['site', 'rule']) as string[])
			: ['site', 'rule']
	).filter(Boolean);
	const unknown = groupBy.find((label) => !GROUP_LABELS.includes(label as GroupLabel));
	if (unknown)
		fail(
			ctx,
			`"Group By" value ${JSON.stringify(unknown)} is not one of ${GROUP_LABELS.join(', ')}`,
		);
	return alertConfig({
		groupBy: groupBy as GroupLabel[],
		groupWaitMs: number('groupWaitSeconds', 30) * 1000,
		groupIntervalMs: number('groupIntervalMinutes', 5) * MINUTE,
		repeatIntervalMs: Math.max(1, number('repeatIntervalMinutes', 240)) * MINUTE,
		openAfterRuns: Math.max(1, Math.round(number('openAfterRuns', 1))),
		resolveAfterCleanRuns: Math.max(1, Math.round(number('resolveAfterCleanRuns', 2))),
		tier2AfterMs: number('tier2AfterMinutes', 15) * MINUTE,
		tier3AfterMs: number('tier3AfterMinutes', 30) * MINUTE,
		resolvedRetentionMs: number('resolvedRetentionHours', 24) * 60 * MINUTE,
		forgetReportersAfterMs: number('forgetReportersAfterHours', 24) * 60 * MINUTE,
		maxListed: Math.max(1, Math.round(number('maxListed', 20))),
		criticalBypassesMute: options.criticalBypassesMute === true,
		// On unless switched off: an option left out of the collection keeps the default.
		firstRunDigest: options.firstRunDigest !== false,
		dashboardUrl:
			typeof options.dashboardUrl === 'string' && options.dashboardUrl
				? options.dashboardUrl
				: undefined,
		silences: evaluating ? readSilences(ctx) : [],
		muteWindows: evaluating ? readMuteWindows(ctx) : [],
	});
}
