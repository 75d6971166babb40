/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
/** `node build/simulator/src/ise/cli.js [--port 9443] [--mist-scenario demo] [--non-mnt]`: the ISE MnT simulator on its own. */
import { generateWorld, loadScenario, resolveScale } from '../index';
import { iseScenarioFromWorld } from './fromWorld';
import { startIseSimulator, type IseSimulatorOptions } from './server';

const USAGE = `Usage: node build/simulator/src/ise/cli.js [--port 9443] [--host 127.0.0.1] [--username U] [--password P]
       [--mist-scenario demo|<path.json>] [--non-mnt]`;

function parseArgs(argv: string[]): IseSimulatorOptions {
	const options: IseSimulatorOptions = { port: 9443 };
	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index];
		const value = () => {
			const next = argv[++index];
			if (next === undefined || next.startsWith('--'))
				throw new Error(`${flag} needs a value\n${USAGE}`);
			return next;
		};
		if (flag === '--port') options.port = Number(value());
		else if (flag === '--host') options.host = value();
		else if (flag === '--username') options.username = value();
		else if (flag === '--password') options.password = value();
		else if (flag === '--non-mnt') options.nonMnt = true;
		else if (flag === '--mist-scenario') {
			// Same seed and scenario as the Mist simulator, so MACs and users match its world.
			const scenario = loadScenario(value());
			const world = generateWorld(scenario, resolveScale(scenario), scenario.seed ?? 1, Date.now());
			options.scenario = iseScenarioFromWorld(world);
		} else throw new Error(`Unknown option ${flag}\n${USAGE}`);
	}
	if (!Number.isInteger(options.port) || options.port! < 0)
		throw new Error(`--port expects a non-negative integer\n${USAGE}`);
	return options;
}

async function main(): Promise<void> {
	const ise = await startIseSimulator(parseArgs(process.argv.slice(2)));
	console.log(`ISE MnT simulator listening on ${ise.url}`);
	console.log(`  basic auth : ${ise.username} / ${ise.password}`);
	const stop = () => void ise.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
