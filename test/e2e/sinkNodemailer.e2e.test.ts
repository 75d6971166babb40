/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * The alert sink's SMTP server against the real client n8n's Send Email node uses: nodemailer,
 * configured like n8n does (utils.configureTransport). nodemailer is not a dependency of this
 * package, so the test borrows it from the n8n installs; it runs in the end-to-end stage, after
 * the harness's global setup has installed every selected n8n version.
 */
import * as path from 'path';

import { selectedVersions } from '../../scripts/e2e/config';
import { describeInstallation } from '../../scripts/e2e/install';
import { startAlertSink, type RunningAlertSink } from '../../simulator/src/sink';

interface SentInfo {
	accepted: string[];
	rejected: string[];
}
interface Transport {
	verify(): Promise<boolean>;
	sendMail(mail: Record<string, unknown>): Promise<SentInfo>;
	close(): void;
}
interface Nodemailer {
	createTransport(options: Record<string, unknown>): Transport;
}

const installs = selectedVersions().map((spec) => ({
	version: spec.version,
	modulePath: path.join(describeInstallation(spec).dir, 'node_modules', 'nodemailer'),
}));

describe.each(installs)('alert sink with the nodemailer of n8n $version', ({ modulePath }) => {
	let sink: RunningAlertSink;
	let transport: Transport;

	beforeAll(async () => {
		sink = await startAlertSink();
		const nodemailer = (await import(modulePath)) as Nodemailer & { default?: Nodemailer };
		// Same options as n8n's Send Email node with an SMTP credential: no SSL, STARTTLS allowed, user and password.
		transport = (nodemailer.default ?? nodemailer).createTransport({
			host: '127.0.0.1',
			port: sink.smtpPort,
			secure: false,
			ignoreTLS: false,
			auth: { user: 'alerts@demo.corp', pass: 'smtp-password' },
		});
	});
	afterAll(async () => {
		transport?.close();
		await sink?.close();
	});

	it('passes the credential test (verify)', async () => {
		await expect(transport.verify()).resolves.toBe(true);
	});

	it('records a text + html alert with its recipients, subject and bodies', async () => {
		const text = [
			'AP HQ-AP-03 is offline since 10:02 – 12 clients affected.',
			'.a line that starts with a dot',
			`A long line that nodemailer has to wrap with quoted-printable soft breaks: ${'x'.repeat(120)}`,
		].join('\n');
		const html = '<p><b>HQ-AP-03</b> offline – 12 clients ✓</p>';
		const info = await transport.sendMail({
			from: 'Mist Monitor <monitor@demo.corp>',
			to: 'oncall@demo.corp, noc@demo.corp',
			cc: 'lead@demo.corp',
			subject: '[CRITICAL] AP offline – HQ-AP-03 ✓',
			text,
			html,
			attachments: [{ filename: 'report.csv', content: 'ap,clients\nHQ-AP-03,12\n' }],
		});
		expect(info.accepted.sort()).toEqual(['lead@demo.corp', 'noc@demo.corp', 'oncall@demo.corp']);
		const [message] = sink.messages();
		expect(message.channel).toBe('email');
		expect(message.email).toMatchObject({
			from: 'monitor@demo.corp',
			subject: '[CRITICAL] AP offline – HQ-AP-03 ✓',
			text,
			html,
			authUser: 'alerts@demo.corp',
		});
		expect(message.email!.to.sort()).toEqual([
			'lead@demo.corp',
			'noc@demo.corp',
			'oncall@demo.corp',
		]);
		expect(message.email!.headers.to).toBe('oncall@demo.corp, noc@demo.corp');
		expect(message.email!.raw).toContain('filename=report.csv');
		expect(JSON.stringify(sink.messages())).not.toContain('smtp-password');
	});

	it('records a plain-text-only alert', async () => {
		sink.clear();
		await transport.sendMail({
			from: 'monitor@demo.corp',
			to: 'oncall@demo.corp',
			subject: 'Daily digest',
			text: 'All sites healthy.',
		});
		expect(sink.messages()[0].email).toMatchObject({
			subject: 'Daily digest',
			text: 'All sites healthy.',
			html: undefined,
		});
	});
});
