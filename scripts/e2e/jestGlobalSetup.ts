import { ensureSelectedInstalled } from './install';
import { harnessLog } from './log';
import { ensurePackageBuilt } from './package';

/** Before any suite: the package is built and every selected n8n version is in the cache. */
export default async function globalSetup(): Promise<void> {
	await ensurePackageBuilt();
	for (const installation of await ensureSelectedInstalled())
		harnessLog(`n8n ${installation.version} ready in ${installation.dir}`);
}
