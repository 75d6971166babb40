import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type {
	Band,
	RemediationOperation,
	RemediationParameters,
} from '../../shared/findings/operations';
import type { MistClient } from '../../shared/transport/MistClient';
import type { ParameterReader } from './parameters';

/** Operations this node performs; `iseLookup` belongs to the Cisco ISE node. */
export type ActionOperation = Exclude<RemediationOperation, 'iseLookup'>;

/** The parameter names of an operation (of each one, for a union), from the shared contract. */
export type ParameterKey<Op extends ActionOperation> = Op extends ActionOperation
	? keyof RemediationParameters[Op] & string
	: never;

/** The node's fields as the operation's parameters, not yet checked (the plan checks them). */
export type NodeParameters<Op extends ActionOperation> = { [Key in ParameterKey<Op>]?: unknown };

/** The checked reading of an operation's parameters, from node fields or from a finding. */
export type ActionParameters<Op extends ActionOperation> = ParameterReader<ParameterKey<Op>>;

export type JsonBody = Record<string, unknown> | string[];

export interface RadioChange {
	band: Band;
	channel?: number;
	power?: number;
	bandwidth?: number;
}

/** Everything needed to check, send and audit one action. Data only: a dry run is safe by construction. */
export interface ActionPlan {
	operation: ActionOperation;
	/** One line for people, e.g. "Restart device 00000000-…". */
	summary: string;
	siteId?: string;
	orgId?: string;
	method: 'POST' | 'PUT';
	/** Below /api/v1. */
	path: string;
	body?: JsonBody;
	deviceIds: string[];
	clientMacs: string[];
	/** Cooldown keys. */
	targets: string[];
	/** Changes the network (guardrails beyond the site lists apply). */
	disruptive: boolean;
	/** Devices this action restarts (the APs among them count for the share-of-APs rule). */
	restartsDevices: string[];
	/** `session`: Mist answers {session} and streams the output; `syntheticTest`: read back with GET. */
	result: 'ok' | 'session' | 'syntheticTest';
	/** setRadio: the PUT body is built from the device read first. */
	radioChange?: RadioChange;
}

export interface CheckResult {
	passed: boolean;
	detail: string;
}

/** How to tell that an action worked: which targets of the plan to check, and one check of one target. */
export interface VerificationCheck {
	targets(plan: ActionPlan): string[];
	check(
		client: MistClient,
		siteId: string,
		target: string,
		itemIndex: number,
	): Promise<CheckResult>;
}

/** The Operation option of an action; its value is the operation id. */
export type ActionOption<Op extends ActionOperation> = INodePropertyOptions & {
	value: Op;
	action: string;
};

/** One operation of the node: the exports of its `<op>.operation.ts`. */
export interface RemediateAction<Op extends ActionOperation> {
	option: ActionOption<Op>;
	/** Its fields, shown only for this operation. */
	description: INodeProperties[];
	/** Its fields as the operation's parameters (the same names a finding carries). */
	readParameters(ctx: IExecuteFunctions, itemIndex: number): NodeParameters<Op>;
	/** Checks the parameters and says exactly what to send; throws InvalidParameter naming the field. */
	plan(params: ActionParameters<Op>): ActionPlan;
	/** Present when the target can be re-checked after the action. */
	verification?: VerificationCheck;
}
