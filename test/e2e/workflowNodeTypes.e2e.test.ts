/**
 * Every n8n-nodes-base node in the shipped workflows exists, with its typeVersion, in each n8n
 * version the package supports (read from the installs the end-to-end stage makes).
 */
import { selectedVersions } from '../../scripts/e2e/config';
import { describeInstallation } from '../../scripts/e2e/install';
import { baseNodeVersions, readWorkflow, workflowFiles } from '../workflows/workflowChecks';

const workflows = workflowFiles().map((file) => ({ file, workflow: readWorkflow(file) }));
const baseTypes = [
	...new Set(
		workflows
			.flatMap(({ workflow }) => workflow.nodes.map((node) => node.type))
			.filter((type) => type.startsWith('n8n-nodes-base.')),
	),
];

describe.each(selectedVersions())('shipped workflows in n8n $version', (spec) => {
	const known = baseNodeVersions(describeInstallation(spec).dir, baseTypes);

	it.each(workflows.map(({ file, workflow }) => [file, workflow] as const))(
		'%s uses n8n-nodes-base types and typeVersions that exist',
		(_file, workflow) => {
			for (const node of workflow.nodes.filter((entry) =>
				entry.type.startsWith('n8n-nodes-base.'),
			)) {
				expect({
					node: node.name,
					type: node.type,
					typeVersion: node.typeVersion,
					exists: known[node.type]?.includes(node.typeVersion) ?? false,
				}).toEqual({
					node: node.name,
					type: node.type,
					typeVersion: node.typeVersion,
					exists: true,
				});
			}
		},
	);
});
