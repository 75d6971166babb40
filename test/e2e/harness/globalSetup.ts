import { ensureSelectedInstalled } from '../../../scripts/e2e/install';
import { harnessLog } from '../../../scripts/e2e/log';
import { ensurePackageBuilt } from '../../../scripts/e2e/package';

/** Before any suite: the package is built and every selected n8n version is in the cache. */
export default async function globalSetup(): Promise<void> {
	await ensurePackageBuilt();
	for (const installation of await ensureSelectedInstalled()) harnessLog(`n8n ${installation.version} ready in ${installation.dir}`);
}
