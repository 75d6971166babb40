import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { IseClient } from '../../transport/IseClient';
import { iseOperationError } from '../../transport/iseErrors';
import type { XmlElement } from '../../xml/reader';
import { childText, leafValues, localName, toBoolean } from '../../xml/tree';
import { requirePsn } from '../../utils/validate';
import { textOrNull } from '../common';
import { fetchSession } from '../session/sessionRecord';

export const psnProperty: INodeProperties = {
	displayName: 'PSN',
	name: 'psn',
	type: 'string',
	default: '',
	placeholder: 'ise-psn1',
	description:
		'Policy Service Node that sends the CoA, as ISE names it. Leave empty to use the PSN that authenticated the active session (acs_server).',
};

/** Session fields a CoA may need, looked up once and only when a parameter was left empty. */
export interface SessionFacts {
	psn: string | null;
	nasIpAddress: string | null;
	endpointIpAddress: string | null;
}

export class SessionLookup {
	private facts: SessionFacts | undefined;

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly client: IseClient,
		private readonly mac: string,
		private readonly itemIndex: number,
	) {}

	async get(): Promise<SessionFacts> {
		if (this.facts) return this.facts;
		const session = await fetchSession(this.client, this.ctx.getNode(), this.mac, this.itemIndex);
		const fields = leafValues(session);
		this.facts = {
			psn: session ? textOrNull(fields.acs_server) : null,
			nasIpAddress: session ? textOrNull(fields.nas_ip_address) : null,
			endpointIpAddress: session ? textOrNull(fields.framed_ip_address) : null,
		};
		if (!session) {
			throw iseOperationError(
				this.ctx.getNode(),
				`ISE has no active session for ${this.mac}, so the CoA target cannot be looked up`,
				'A CoA acts on an active session. Check the MAC address, or enter the PSN (and for Disconnect the NAS and endpoint IP addresses) yourself.',
				this.itemIndex,
			);
		}
		return this.facts;
	}

	/** The given value, or the session's, or an error naming the field to fill in. */
	async resolve(
		given: string,
		key: keyof SessionFacts,
		field: string,
	): Promise<{ value: string; source: 'parameter' | 'session' }> {
		if (given !== '') return { value: given, source: 'parameter' };
		const value = (await this.get())[key];
		if (value) return { value, source: 'session' };
		throw iseOperationError(
			this.ctx.getNode(),
			`The active session of ${this.mac} does not say which ${field} to use`,
			`Enter ${field} yourself.`,
			this.itemIndex,
		);
	}
}

export async function resolvePsn(
	this: IExecuteFunctions,
	lookup: SessionLookup,
	itemIndex: number,
) {
	const given = String(this.getNodeParameter('psn', itemIndex, '') ?? '').trim();
	const resolved = await lookup.resolve(
		given === '' ? '' : requirePsn(this.getNode(), given, 'PSN', itemIndex),
		'psn',
		'PSN',
	);
	return {
		psn: requirePsn(this.getNode(), resolved.value, 'PSN', itemIndex),
		psnSource: resolved.source,
	};
}

/** `<remoteCoA requestType="reauth"><results>true</results></remoteCoA>` → true/false. */
export function readCoaResult(
	ctx: IExecuteFunctions,
	root: XmlElement | undefined,
	itemIndex: number,
): boolean {
	const result =
		root && localName(root.name) === 'remoteCoA'
			? toBoolean(childText(root, 'results'))
			: undefined;
	if (result === undefined) {
		throw iseOperationError(
			ctx.getNode(),
			`ISE answered the CoA with ${root ? `<${root.name}>` : 'an empty body'} instead of <remoteCoA><results>true|false</results>`,
			'The CoA may or may not have been sent; check ISE live logs (Operations → RADIUS → Live Logs) before trying again.',
			itemIndex,
		);
	}
	return result;
}

/**
 * A false result is returned as an item with success false and the likely reasons, not as an
 * error: workflows branch on `success` (for example to open a ticket) without Continue On Fail.
 */
export function coaOutcome(result: boolean, action: string): IDataObject {
	if (result) return { result, success: true };
	return {
		result,
		success: false,
		reason: `ISE reports that the ${action} did not succeed. Usual causes: the endpoint no longer has a session on that PSN, the PSN name is wrong, or the network device did not accept the CoA (ISE live logs then show 11213 or 5417; check that the WLAN/NAD allows dynamic authorization from this PSN on UDP 3799).`,
	};
}

/** Maps an options value to ISE's number; a value from an expression may be anything. */
export function requireCoaType(
	ctx: IExecuteFunctions,
	value: unknown,
	types: Record<string, number>,
	field: string,
	itemIndex: number,
): number {
	const type =
		typeof value === 'string' && Object.prototype.hasOwnProperty.call(types, value)
			? types[value]
			: undefined;
	if (type !== undefined) return type;
	throw new NodeOperationError(ctx.getNode(), `Invalid ${field}: "${String(value).slice(0, 40)}"`, {
		description: `Use one of: ${Object.keys(types).join(', ')}.`,
		itemIndex,
	});
}
