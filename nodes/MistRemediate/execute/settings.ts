import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { splitCommaList } from '../../shared/params/lists';
import { GUARDRAIL_DEFAULTS } from '../descriptions/guardrailFields';
import { MAX_WAIT_SECONDS } from '../descriptions/optionFields';
import type { GuardrailSettings } from '../guardrails/types';
import { WEEKDAYS } from '../guardrails/types';
import { parseClock } from '../guardrails/window';

export interface RunOptions {
	commandOutputMs: number;
	syntheticWaitMs: number;
	verify: boolean;
	verifyWithinMs: number;
}

function number(
	ctx: IExecuteFunctions,
	source: IDataObject,
	key: string,
	field: string,
	min: number,
	max: number,
	fallback: number,
): number {
	const raw = source[key];
	if (raw === undefined || raw === null || raw === '') return fallback;
	const value = Number(raw);
	if (Number.isFinite(value) && value >= min && value <= max) return value;
	throw new NodeOperationError(
		ctx.getNode(),
		`Invalid ${field}: "${String(raw).slice(0, 30)}" is not a number from ${min} to ${max}`,
	);
}

/** Guardrails apply to the whole execution, so they are read once, from the first item. */
export function readGuardrailSettings(ctx: IExecuteFunctions): GuardrailSettings {
	const limits = ctx.getNodeParameter('guardrails', 0, {}) as IDataObject;
	const mode = ctx.getNodeParameter('maintenanceWindow', 0, 'always') as string;
	const settings: GuardrailSettings = {
		maxActionsPerExecution: number(
			ctx,
			limits,
			'maxActionsPerExecution',
			'Max Actions per Execution',
			0,
			10_000,
			GUARDRAIL_DEFAULTS.maxActionsPerExecution,
		),
		maxActionsPerSitePerHour: number(
			ctx,
			limits,
			'maxActionsPerSitePerHour',
			'Max Actions per Site per Hour',
			0,
			10_000,
			GUARDRAIL_DEFAULTS.maxActionsPerSitePerHour,
		),
		cooldownMinutes: number(
			ctx,
			limits,
			'cooldownMinutes',
			'Cooldown (Minutes)',
			0,
			7 * 24 * 60,
			GUARDRAIL_DEFAULTS.cooldownMinutes,
		),
		maxApRestartPercent: number(
			ctx,
			limits,
			'maxApRestartPercent',
			'Max Share of APs Restarting (%)',
			0,
			100,
			GUARDRAIL_DEFAULTS.maxApRestartPercent,
		),
		maxClientsPerReconnect: number(
			ctx,
			limits,
			'maxClientsPerReconnect',
			'Max Clients per Reconnect',
			1,
			10_000,
			GUARDRAIL_DEFAULTS.maxClientsPerReconnect,
		),
		// Site names may contain spaces ("HQ Building"): the lists split on commas only.
		allowSites: splitCommaList(limits.allowSites),
		denySites: splitCommaList(limits.denySites),
		window: { mode: mode === 'window' ? 'window' : 'always', days: [], start: '', end: '' },
	};
	if (settings.window.mode === 'window') {
		const start = String(ctx.getNodeParameter('windowStart', 0, '22:00'));
		const end = String(ctx.getNodeParameter('windowEnd', 0, '05:00'));
		for (const [value, field] of [
			[start, 'Window Start'],
			[end, 'Window End'],
		]) {
			if (parseClock(value) === undefined) {
				throw new NodeOperationError(
					ctx.getNode(),
					`Invalid ${field}: "${value.slice(0, 20)}" is not a time of day`,
					{
						description: 'Use 24-hour HH:mm, e.g. 22:00.',
					},
				);
			}
		}
		const rawDays = ctx.getNodeParameter('windowDays', 0, []) as unknown;
		const days = (Array.isArray(rawDays) ? rawDays : splitCommaList(rawDays)).map((day) =>
			String(day).toLowerCase().slice(0, 3),
		);
		const weekdays = days.map((day) => {
			const weekday = WEEKDAYS.find((known) => known === day);
			if (weekday) return weekday;
			throw new NodeOperationError(ctx.getNode(), `Invalid Window Days: "${day}" is not a weekday`);
		});
		settings.window = { mode: 'window', days: weekdays, start, end };
	}
	return settings;
}

export function readRunOptions(ctx: IExecuteFunctions): RunOptions {
	const options = ctx.getNodeParameter('options', 0, {}) as IDataObject;
	return {
		commandOutputMs:
			number(ctx, options, 'commandOutputSeconds', 'Command Output Wait (Seconds)', 0, 120, 15) *
			1000,
		syntheticWaitMs:
			number(ctx, options, 'syntheticWaitSeconds', 'Synthetic Test Wait (Seconds)', 0, 120, 15) *
			1000,
		verify: options.verify === true,
		verifyWithinMs:
			number(
				ctx,
				options,
				'verifyWithinSeconds',
				'Verify Within (Seconds)',
				0,
				MAX_WAIT_SECONDS,
				180,
			) * 1000,
	};
}
