/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console */
/** `node build/simulator/src/sink/cli.js [--http-port 8099] [--smtp-port 2525]`: the alert sink on its own. */
import { startAlertSink, type AlertSinkOptions } from './index';

const USAGE =
	'Usage: node build/simulator/src/sink/cli.js [--http-port 8099] [--smtp-port 2525] [--host 127.0.0.1]';

function parseArgs(argv: string[]): AlertSinkOptions {
	const options: AlertSinkOptions = { httpPort: 8099, smtpPort: 2525 };
	for (let index = 0; index < argv.length; index++) {
		const flag = argv[index];
		const next = argv[++index];
		if (next === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
		if (flag === '--http-port') options.httpPort = port(flag, next);
		else if (flag === '--smtp-port') options.smtpPort = port(flag, next);
		else if (flag === '--host') options.host = next;
		else throw new Error(`Unknown option ${flag}\n${USAGE}`);
	}
	return options;
}

function port(flag: string, text: string): number {
	const value = Number(text);
	if (!Number.isInteger(value) || value < 0 || value > 65535)
		throw new Error(`${flag} expects a port number, got "${text}"`);
	return value;
}

async function main(): Promise<void> {
	const sink = await startAlertSink(parseArgs(process.argv.slice(2)));
	console.log(`Alert sink listening on ${sink.url}`);
	console.log(`  Slack      : ${sink.url}/slack/<anything>`);
	console.log(`  Teams      : ${sink.url}/teams/<anything>`);
	console.log(`  Webhook    : ${sink.url}/webhook/<anything>`);
	console.log(`  PagerDuty  : ${sink.url}/pagerduty/v2/enqueue`);
	console.log(
		`  SMTP       : ${new URL(sink.url).hostname}:${sink.smtpPort} (no TLS, any AUTH PLAIN/LOGIN)`,
	);
	console.log(
		`  Messages   : GET/DELETE ${sink.url}/messages (JSON; a readable page in a browser)`,
	);
	const stop = () => void sink.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
