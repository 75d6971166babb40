import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { orgLocator } from '../../../shared/descriptions/locators';
import type { MistClient } from '../../../shared/transport/MistClient';
import { requireUuid } from '../../../shared/params/identifiers';
import { resolveOrgId } from '../../../shared/params/scope';

const properties: INodeProperties[] = [
	orgLocator,
	{
		displayName: 'Alarm ID',
		name: 'alarmId',
		type: 'string',
		default: '',
		required: true,
		placeholder: '56bfa7af-b2db-43ee-a4c8-9b820bbba0e1',
		description:
			'ID of the alarm, often taken from a Search result or an alarm webhook with an expression',
	},
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		default: '',
		placeholder: 'Handled by the on-call workflow',
		description: 'Optional text stored with the acknowledgement',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['alarm'], operation: ['acknowledge'] } },
	properties,
);

/** Marks one org alarm as acknowledged, with an optional note. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: MistClient,
): Promise<IDataObject> {
	const orgId = await resolveOrgId(this, client, itemIndex);
	const alarmId = requireUuid(
		this.getNode(),
		this.getNodeParameter('alarmId', itemIndex, ''),
		'Alarm ID',
		itemIndex,
	);
	const note = String(this.getNodeParameter('note', itemIndex, '') ?? '').trim();
	const body: IDataObject = note ? { note } : {};
	await client.request({
		method: 'POST',
		path: `/orgs/${orgId}/alarms/${alarmId}/ack`,
		body,
		itemIndex,
	});
	// Mist answers an empty 200: report what was acknowledged, in the alarm's own field names.
	return { id: alarmId, org_id: orgId, acked: true, ...(note ? { note } : {}) };
}
