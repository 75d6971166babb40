import { ACTIONS, actionOptions, isActionOperation } from '../../../nodes/MistRemediate/actions';
import { clientAssociated, deviceConnected } from '../../../nodes/MistRemediate/actions/checks';
import type { ActionOperation } from '../../../nodes/MistRemediate/actions/types';

const operations = Object.keys(ACTIONS) as ActionOperation[];

describe('Juniper Mist Remediate › actions registry', () => {
	it.each(operations)('%s: its option carries its own id', (operation) => {
		expect(ACTIONS[operation].option.value).toBe(operation);
		expect(actionOptions).toContainEqual(ACTIONS[operation].option);
	});

	it.each(operations)('%s: its fields are shown for it alone', (operation) => {
		const fields = ACTIONS[operation].description;
		expect(fields.length).toBeGreaterThan(0);
		for (const field of fields) expect(field.displayOptions?.show?.operation).toEqual([operation]);
	});

	it('re-checks restarted devices and reconnected or re-authenticated clients, nothing else', () => {
		const checks = Object.fromEntries(
			operations.flatMap((operation) => {
				const check = ACTIONS[operation].verification;
				return check ? [[operation, check]] : [];
			}),
		);
		expect(checks).toEqual({
			reauthenticateClient: clientAssociated,
			reconnectClient: clientAssociated,
			restartDevice: deviceConnected,
		});
	});

	it('knows its operations and no other', () => {
		expect(operations.every(isActionOperation)).toBe(true);
		expect(isActionOperation('fromFinding')).toBe(false);
		expect(isActionOperation('iseLookup')).toBe(false);
		expect(isActionOperation('toString')).toBe(false);
	});
});
