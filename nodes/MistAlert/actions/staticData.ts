import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { loadState } from '../engine/state';
import type { AlertState } from '../engine/types';

/** The incidents live in this node's workflow static data, under one key. */
const STATE_KEY = 'alertState';

export function loadAlertState(ctx: IExecuteFunctions): AlertState {
	return loadState(ctx.getWorkflowStaticData('node')[STATE_KEY]);
}

export function saveAlertState(ctx: IExecuteFunctions, state: AlertState): void {
	ctx.getWorkflowStaticData('node')[STATE_KEY] = state as unknown as IDataObject;
}
