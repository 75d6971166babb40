/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { selectedVersions } from '../../../scripts/e2e/config';
import { ensureN8nInstalled } from '../../../scripts/e2e/install';
import { ensurePackageBuilt } from '../../../scripts/e2e/package';

/** Before any suite: the package is built and every selected n8n version is in the cache. */
export default async function globalSetup(): Promise<void> {
	await ensurePackageBuilt();
	for (const spec of selectedVersions()) {
		const started = Date.now();
		const installation = await ensureN8nInstalled(spec);
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		process.stderr.write(`[e2e] n8n ${installation.version} ready (${seconds} s) in ${installation.dir}\n`);
	}
}
