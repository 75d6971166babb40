import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseFinding } from '../../shared/findings/schema';
import type { Finding } from '../../shared/findings/types';
import { InvalidParameter, ParameterReader } from '../operations/fields';
import { planAction, PLANNERS } from '../operations/catalog';
import type { ActionOperation, ActionPlan } from '../operations/types';

/** Why an action was asked for: a finding, or a person who configured the node. */
export type Reason =
	| { source: 'manual request' }
	| { source: 'finding'; fingerprint: string; rule: string; severity: string; summary: string; recommendation: string };

export type ItemInput =
	| { kind: 'plan'; plan: ActionPlan; why: Reason; finding?: Finding }
	| { kind: 'skip'; operation: string; reason: string; why: Reason; finding?: Finding };

const FIELD_NAMES: Record<string, string> = {
	org_id: 'Organization',
	site_id: 'Site',
	device_id: 'Device',
	device_ids: 'Device IDs',
	client_mac: 'Client MAC',
	client_macs: 'Client MAC',
	ports: 'Ports',
	port: 'Port',
	bands: 'Bands',
	txpower_only: 'TX Power Only',
	macs: 'AP MACs',
	force: 'Force',
	band: 'Band',
	channel: 'Channel',
	power: 'Power (dBm)',
	bandwidth: 'Bandwidth',
	host: 'Host',
	count: 'Count',
	type: 'Test Type',
	vlan_id: 'VLAN ID',
	hostname: 'Host Name',
	ip: 'IP Address',
	url: 'URL',
	username: 'RADIUS User Name',
	password: 'RADIUS Password',
};

export function isActionOperation(value: string): value is ActionOperation {
	return Object.prototype.hasOwnProperty.call(PLANNERS, value);
}

function list(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** Node parameters as the canonical (finding-style) parameters of the operation. */
function explicitParameters(ctx: IExecuteFunctions, operation: ActionOperation, itemIndex: number): Record<string, unknown> {
	const get = (name: string, fallback: unknown = '') => ctx.getNodeParameter(name, itemIndex, fallback, { extractValue: true });
	const raw: Record<string, unknown> = { site_id: get('site') };
	const zeroIsUnset = (value: unknown) => (Number(value) === 0 ? undefined : value);
	switch (operation) {
		case 'reconnectClient':
		case 'unauthorizeGuest': {
			const macs = list(get('clientMac'));
			if (macs.length > 1) raw.client_macs = macs;
			else raw.client_mac = macs[0] ?? '';
			break;
		}
		case 'reauthenticateClient':
			raw.client_mac = get('clientMac');
			break;
		case 'restartDevice': {
			const more = list(get('moreDeviceIds'));
			if (more.length > 0) raw.device_ids = [get('device'), ...more];
			else raw.device_id = get('device');
			break;
		}
		case 'rrmOptimize':
			Object.assign(raw, { bands: get('bands', ['24', '5']), txpower_only: get('txPowerOnly', true), macs: get('apMacs') });
			break;
		case 'resetRadios':
			Object.assign(raw, { bands: get('bands', ['24', '5']), force: get('force', false) });
			break;
		default:
			raw.device_id = get('device');
	}
	if (operation === 'bouncePort') raw.ports = get('ports');
	if (operation === 'cableTest') raw.port = get('port');
	if (operation === 'setRadio') {
		Object.assign(raw, { band: get('band', '5'), channel: zeroIsUnset(get('channel', 0)), power: zeroIsUnset(get('power', 0)), bandwidth: get('bandwidth', '') });
	}
	if (operation === 'ping') Object.assign(raw, { host: get('host'), count: get('count', 4) });
	if (operation === 'traceroute') raw.host = get('host');
	if (operation === 'syntheticTest') {
		Object.assign(raw, {
			type: get('syntheticType', 'dhcp'),
			vlan_id: zeroIsUnset(get('vlanId', 0)),
			hostname: get('hostname'),
			ip: get('ip'),
			url: get('url'),
			username: get('radiusUsername'),
			password: get('radiusPassword'),
		});
	}
	return raw;
}

export function readExplicit(ctx: IExecuteFunctions, operation: ActionOperation, itemIndex: number): ItemInput {
	const reader = new ParameterReader(explicitParameters(ctx, operation, itemIndex), (key) => FIELD_NAMES[key] ?? key);
	return { kind: 'plan', plan: planAction(operation, reader), why: { source: 'manual request' } };
}

/** A finding from Mist Diagnose: its recommended action, checked as strictly as node parameters. */
export function readFinding(json: IDataObject, allowed: string[]): ItemInput {
	const parsed = parseFinding(json);
	if ('error' in parsed) throw new InvalidParameter('finding', parsed.error.replace(/^Not a Mist finding: /, ''), 'Connect the findings output of the Mist Diagnose node, or pick an explicit operation.');
	const finding = parsed.finding;
	const remediation = finding.remediation;
	const why: Reason = {
		source: 'finding',
		fingerprint: finding.fingerprint,
		rule: finding.rule,
		severity: finding.severity,
		summary: finding.summary,
		recommendation: remediation.description,
	};
	if (remediation.kind === 'manual') {
		return { kind: 'skip', operation: 'manual', reason: `manual remediation: ${remediation.description}`, why, finding };
	}
	const operation = remediation.operation;
	if (!isActionOperation(operation)) {
		return { kind: 'skip', operation, reason: `${operation} is done by the Cisco ISE node, not by Mist Remediate`, why, finding };
	}
	if (!allowed.includes(operation)) {
		return { kind: 'skip', operation, reason: `operation not allowed: ${operation} is not in Allowed Operations`, why, finding };
	}
	const reader = new ParameterReader(remediation.parameters, (key) => `remediation.parameters.${key}`);
	return { kind: 'plan', plan: planAction(operation, reader), why, finding };
}
