import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { NOT_CHECKED } from '../../shared/findings/notChecked';
import { parseFinding } from '../../shared/findings/schema';
import type { Finding } from '../../shared/findings/types';
import { ACTIONS, isActionOperation } from '../actions';
import { fieldLabel } from '../actions/fields';
import { InvalidParameter, ParameterReader } from '../actions/parameters';
import type { ActionOperation, ActionParameters } from '../actions/types';

/** Why an action was asked for: a finding, or a person who configured the node. */
export type Reason =
	| { source: 'manual request' }
	/** A Mist Diagnose step saying it did not check this run: nothing to fix. */
	| { source: 'not checked'; summary: string }
	| {
			source: 'finding';
			fingerprint: string;
			rule: string;
			severity: string;
			summary: string;
			recommendation: string;
	  };

/** An action asked for; its parameters are checked by the plan. */
export interface Requested {
	kind: 'action';
	operation: ActionOperation;
	parameters: ActionParameters<ActionOperation>;
	why: Reason;
	finding?: Finding;
}

/** An item this node has nothing to do for, and why (it goes to Skipped). */
export interface Declined {
	kind: 'skip';
	operation: string;
	reason: string;
	why: Reason;
}

/** Stage 1: what the item asks for, from the node's fields or from the finding it carries. */
export function read(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: string,
	json: IDataObject,
	allowed: string[],
): Requested | Declined {
	if (operation === 'fromFinding') return readFinding(json, allowed);
	if (!isActionOperation(operation)) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" is not supported`, {
			itemIndex,
		});
	}
	const parameters = new ParameterReader(
		ACTIONS[operation].readParameters(ctx, itemIndex),
		fieldLabel,
	);
	return { kind: 'action', operation, parameters, why: { source: 'manual request' } };
}

/** A finding from Mist Diagnose: its recommended action, checked as strictly as node fields. */
function readFinding(json: IDataObject, allowed: string[]): Requested | Declined {
	if (json.kind === NOT_CHECKED)
		return {
			kind: 'skip',
			operation: 'none',
			reason: 'not a finding: a Mist Diagnose step that did not check this run',
			why: { source: 'not checked', summary: String(json.summary ?? '') },
		};
	const parsed = parseFinding(json);
	if ('error' in parsed) {
		throw new InvalidParameter(
			'finding',
			parsed.error.replace(/^Not a Mist finding: /, ''),
			'Connect the findings output of the Mist Diagnose node, or pick an explicit operation.',
		);
	}
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
		return {
			kind: 'skip',
			operation: 'manual',
			reason: `manual remediation: ${remediation.description}`,
			why,
		};
	}
	const operation = remediation.operation;
	if (!isActionOperation(operation)) {
		return {
			kind: 'skip',
			operation,
			reason: `${operation} is done by the Cisco ISE node, not by Mist Remediate`,
			why,
		};
	}
	if (!allowed.includes(operation)) {
		return {
			kind: 'skip',
			operation,
			reason: `operation not allowed: ${operation} is not in Allowed Operations`,
			why,
		};
	}
	const parameters = new ParameterReader(
		remediation.parameters,
		(key) => `remediation.parameters.${key}`,
	);
	return { kind: 'action', operation, parameters, why, finding };
}
