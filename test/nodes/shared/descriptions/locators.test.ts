import type { INodeProperties, INodeType } from 'n8n-workflow';

import { Mist } from '../../../../nodes/Mist/Mist.node';
import { MistDiagnose } from '../../../../nodes/MistDiagnose/MistDiagnose.node';
import { MistRemediate } from '../../../../nodes/MistRemediate/MistRemediate.node';
import { MistTrigger } from '../../../../nodes/MistTrigger/MistTrigger.node';
import { DEFAULT_ORG_HINT } from '../../../../nodes/shared/descriptions/locators';

const NODES: Array<[string, INodeType]> = [
	['Juniper Mist', new Mist()],
	['Mist Diagnose', new MistDiagnose()],
	['Mist Remediate', new MistRemediate()],
	['Juniper Mist Trigger', new MistTrigger()],
];

const orgPickers = (node: INodeType): INodeProperties[] =>
	node.description.properties.filter(
		(property) => property.name === 'org' && property.type === 'resourceLocator',
	);

describe('Organization picker', () => {
	it.each(NODES)(
		'%s: every org picker says an empty picker uses the default org of the credential',
		(_name, node) => {
			const pickers = orgPickers(node);
			expect(pickers.length).toBeGreaterThan(0);
			for (const picker of pickers) {
				expect(picker.hint).toBe(DEFAULT_ORG_HINT);
				expect(picker.modes?.find((mode) => mode.name === 'list')?.placeholder).toBe(
					'Default org of the credential',
				);
				expect(picker.required).not.toBe(true);
			}
		},
	);

	it('Mist Diagnose shows it next to its own description', () => {
		const [picker] = orgPickers(new MistDiagnose());
		expect(picker).toMatchObject({
			displayName: 'Organization',
			description: 'The Mist org to diagnose',
			hint: 'Leave empty to use the default org of the credential',
		});
	});
});
