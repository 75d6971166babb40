/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
import { parseScale } from './scenario';
import { PROFILES, startSimulator } from './index';
import type { SimulatorOptions, SimulatorProfile } from './index';

const USAGE = `Usage: npm run simulator -- [--port 8090] [--host 127.0.0.1] [--scenario demo|<path.json>]
       [--seed N] [--scale sites=100,apsPerSite=100,clientsPerSite=200] [--token T] [--latency-ms N] [--budget N]
       [--profile realistic|spec] [--literal-type-lists] [--webhook-signatures both|v1]`;

function parseArgs(argv: string[]): SimulatorOptions {
	const options: SimulatorOptions = { scenario: 'demo' };
	for (let i = 0; i < argv.length; i++) {
		const flag = argv[i];
		const value = argv[i + 1];
		const need = () => {
			if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value`);
			i++;
			return value;
		};
		const int = (v: string) => {
			const n = Number(v);
			if (!Number.isInteger(n) || n < 0)
				throw new Error(`${flag} expects a non-negative integer, got "${v}"`);
			return n;
		};
		switch (flag) {
			case '--port':
				options.port = int(need());
				break;
			case '--host':
				options.host = need();
				break;
			case '--scenario':
				options.scenario = need();
				break;
			case '--seed':
				options.seed = int(need());
				break;
			case '--scale':
				options.scale = parseScale(need());
				break;
			case '--token':
				options.token = need();
				break;
			case '--latency-ms':
				options.latencyMs = int(need());
				break;
			case '--budget':
				options.budgetPerHour = int(need());
				break;
			case '--profile': {
				const profile = need();
				if (!PROFILES.includes(profile as SimulatorProfile)) {
					throw new Error(`--profile expects ${PROFILES.join(' or ')}, got "${profile}"`);
				}
				options.profile = profile as SimulatorProfile;
				break;
			}
			case '--literal-type-lists':
				options.literalTypeLists = true;
				break;
			case '--webhook-signatures': {
				const mode = need();
				if (mode !== 'both' && mode !== 'v1')
					throw new Error(`--webhook-signatures expects both or v1, got "${mode}"`);
				options.webhookSignatures = mode;
				break;
			}
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown option ${flag}\n${USAGE}`);
		}
	}
	return options;
}

async function main(): Promise<void> {
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const sim = await startSimulator(options);
	const sites = sim.world.sites.length;
	console.log(`Mist simulator listening on ${sim.url}`);
	console.log(`  base URL : ${sim.url}/api/v1`);
	console.log(`  token    : ${sim.token}`);
	console.log(`  org id   : ${sim.orgId}`);
	console.log(
		`  profile  : ${sim.world.behaviour.profile}${sim.world.behaviour.literalTypeLists ? ', literal type lists' : ''}`,
	);
	console.log(
		`  world    : ${sites} sites, ${sim.world.aps.size} APs, ${sim.world.clients.size} clients, ${sim.world.faults.length} faults (built in ${Date.now() - started} ms)`,
	);
	console.log(`  control  : ${sim.url}/__sim/state`);
	const stop = (signal: string) => {
		console.log(`\n${signal} received, stopping the simulator`);
		void sim.close().then(() => process.exit(0));
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
