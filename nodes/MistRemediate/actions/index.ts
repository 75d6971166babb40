import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import * as arp from './arp.operation';
import * as bouncePort from './bouncePort.operation';
import * as cableTest from './cableTest.operation';
import * as ping from './ping.operation';
import * as reauthenticateClient from './reauthenticateClient.operation';
import * as reconnectClient from './reconnectClient.operation';
import * as resetRadios from './resetRadios.operation';
import * as restartDevice from './restartDevice.operation';
import * as rrmOptimize from './rrmOptimize.operation';
import * as setRadio from './setRadio.operation';
import * as syntheticTest from './syntheticTest.operation';
import * as traceroute from './traceroute.operation';
import * as unauthorizeGuest from './unauthorizeGuest.operation';
import type { ActionOperation, ActionParameters, ActionPlan, RemediateAction } from './types';

/**
 * Every operation of the node, one file each. The type makes it complete: an operation added to
 * the shared contract (shared/findings/operations.ts) does not compile until its file is here.
 */
export const ACTIONS: { [Op in ActionOperation]: RemediateAction<Op> } = {
	arp,
	bouncePort,
	cableTest,
	ping,
	reauthenticateClient,
	reconnectClient,
	resetRadios,
	restartDevice,
	rrmOptimize,
	setRadio,
	syntheticTest,
	traceroute,
	unauthorizeGuest,
};

export function isActionOperation(value: string): value is ActionOperation {
	return Object.prototype.hasOwnProperty.call(ACTIONS, value);
}

/** The Operation options of the actions, alphabetical by name as the editor lists them. */
export const actionOptions: INodePropertyOptions[] = Object.values(ACTIONS)
	.map((action) => action.option)
	.sort((a, b) => a.name.localeCompare(b.name));

/** The fields of every action, each shown only for its own operation. */
export const actionFields: INodeProperties[] = Object.values(ACTIONS).flatMap(
	(action) => action.description,
);

export function planAction<Op extends ActionOperation>(
	operation: Op,
	params: ActionParameters<Op>,
): ActionPlan {
	return ACTIONS[operation].plan(params);
}
