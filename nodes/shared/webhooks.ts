import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { splitList } from './params/lists';

/**
 * What Mist webhooks are made of, for the two nodes that manage them (the Juniper Mist node's
 * Webhook resource and the Juniper Mist Trigger): the collection path of a scope and the topics.
 */
const TOPIC = /^[a-z0-9][a-z0-9_-]*$/i;

/** `/orgs/{org}/webhooks` or `/sites/{site}/webhooks`: ids must already be checked UUIDs. */
export function webhookCollectionPath(scope: 'org' | 'site', id: string): string {
	return `/${scope === 'org' ? 'orgs' : 'sites'}/${id}/webhooks`;
}

/** Distinct topic names from a picker or an expression; an empty list or a malformed name is an error. */
export function requireTopics(node: INode, value: unknown, itemIndex?: number): string[] {
	const topics = [...new Set(splitList(value))];
	if (topics.length === 0)
		throw new NodeOperationError(node, 'Invalid Topics: choose at least one topic', { itemIndex });
	const bad = topics.find((topic) => !TOPIC.test(topic));
	if (bad) {
		throw new NodeOperationError(
			node,
			`Invalid Topics: "${bad.slice(0, 60)}" is not a topic name`,
			{
				description: 'Topic names look like alarms or device-updowns.',
				itemIndex,
			},
		);
	}
	return topics;
}
