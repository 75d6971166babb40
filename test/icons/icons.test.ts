/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import fs from 'node:fs';
import path from 'node:path';

import type { Icon } from 'n8n-workflow';

import { CiscoIseApi } from '../../credentials/CiscoIseApi.credentials';
import { MistApi } from '../../credentials/MistApi.credentials';
import { MistPagerDutyEventsApi } from '../../credentials/MistPagerDutyEventsApi.credentials';
import { MistSharedMemoryApi } from '../../credentials/MistSharedMemoryApi.credentials';
import { MistWebhookSecretApi } from '../../credentials/MistWebhookSecretApi.credentials';
import { CiscoIse } from '../../nodes/CiscoIse/CiscoIse.node';
import { Mist } from '../../nodes/Mist/Mist.node';
import { MistAlert } from '../../nodes/MistAlert/MistAlert.node';
import { MistDiagnose } from '../../nodes/MistDiagnose/MistDiagnose.node';
import { MistRemediate } from '../../nodes/MistRemediate/MistRemediate.node';
import { MistReport } from '../../nodes/MistReport/MistReport.node';
import { MistTrigger } from '../../nodes/MistTrigger/MistTrigger.node';
import packageJson from '../../package.json';

const ROOT = path.resolve(__dirname, '..', '..');

/** Source file (as built into dist/, where the build copies every SVG to the same relative place) → its icon. */
const ICONS: Record<string, Icon | undefined> = {
	'nodes/CiscoIse/CiscoIse.node.ts': new CiscoIse().description.icon,
	'nodes/Mist/Mist.node.ts': new Mist().description.icon,
	'nodes/MistAlert/MistAlert.node.ts': new MistAlert().description.icon,
	'nodes/MistDiagnose/MistDiagnose.node.ts': new MistDiagnose().description.icon,
	'nodes/MistRemediate/MistRemediate.node.ts': new MistRemediate().description.icon,
	'nodes/MistReport/MistReport.node.ts': new MistReport().description.icon,
	'nodes/MistTrigger/MistTrigger.node.ts': new MistTrigger().description.icon,
	'credentials/CiscoIseApi.credentials.ts': new CiscoIseApi().icon,
	'credentials/MistApi.credentials.ts': new MistApi().icon,
	'credentials/MistPagerDutyEventsApi.credentials.ts': new MistPagerDutyEventsApi().icon,
	'credentials/MistSharedMemoryApi.credentials.ts': new MistSharedMemoryApi().icon,
	'credentials/MistWebhookSecretApi.credentials.ts': new MistWebhookSecretApi().icon,
};

/** `file:` paths are relative to the folder of the file that declares them. */
function iconFiles(source: string, icon: Icon | undefined): string[] {
	const paths = typeof icon === 'object' && icon !== null ? [icon.light, icon.dark] : [icon];
	return paths.map((entry) => {
		if (typeof entry !== 'string' || !entry.startsWith('file:'))
			throw new Error(`${source}: icon ${JSON.stringify(entry)} is not a file: path`);
		return path.relative(
			ROOT,
			path.resolve(ROOT, path.dirname(source), entry.slice('file:'.length)),
		);
	});
}

describe('icons', () => {
	it('covers every node and credential that package.json ships', () => {
		const shipped = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials].map((file) =>
			file.replace(/^dist\//, '').replace(/\.js$/, '.ts'),
		);
		expect(Object.keys(ICONS).sort()).toEqual(shipped.sort());
	});

	it.each(Object.entries(ICONS))(
		'%s has a light and a dark icon, each an SVG file of the repository',
		(source, icon) => {
			const [light, dark] = iconFiles(source, icon);

			expect(light).not.toBe(dark);
			for (const file of [light, dark]) {
				expect(file).toMatch(/^[^.].*\.svg$/);
				expect(fs.readFileSync(path.join(ROOT, file), 'utf8')).toMatch(
					/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
				);
			}
		},
	);

	it('keeps in icons/ only icons that a node or credential uses', () => {
		const used = new Set(
			Object.entries(ICONS).flatMap(([source, icon]) => iconFiles(source, icon)),
		);
		const unused = fs
			.readdirSync(path.join(ROOT, 'icons'))
			.filter((name) => !used.has(`icons/${name}`));
		expect(unused).toEqual([]);
	});
});
