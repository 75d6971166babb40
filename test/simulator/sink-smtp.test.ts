/* eslint-disable @n8n/community-nodes/no-restricted-imports */
import * as net from 'net';

import { parseMime, startAlertSink, type RunningAlertSink } from '../../simulator/src/sink';

/** A raw SMTP client: sends bytes and waits for a complete (possibly multi-line) reply. */
class SmtpConversation {
	private buffer = '';
	private waiting?: { resolve: (reply: string) => void };
	private constructor(private readonly socket: net.Socket) {
		socket.setEncoding('latin1');
		socket.on('data', (chunk: string) => {
			this.buffer += chunk;
			this.flush();
		});
	}

	static async open(port: number): Promise<{ client: SmtpConversation; greeting: string }> {
		const socket = net.connect(port, '127.0.0.1');
		const client = new SmtpConversation(socket);
		const greeting = await client.next();
		return { client, greeting };
	}

	/** Sends raw text (caller adds CRLF) and resolves with the next reply. */
	send(text: string): Promise<string> {
		this.socket.write(text, 'latin1');
		return this.next();
	}

	command(line: string): Promise<string> {
		return this.send(`${line}\r\n`);
	}

	next(): Promise<string> {
		return new Promise((resolve) => {
			this.waiting = { resolve };
			this.flush();
		});
	}

	close(): void {
		this.socket.destroy();
	}

	private flush(): void {
		// A reply ends with a line "NNN text" (space after the code), possibly after "NNN-" lines.
		const match = /^(?:\d{3}-[^\n]*\n)*\d{3}(?: [^\n]*)?\r?\n/.exec(this.buffer);
		if (!match || !this.waiting) return;
		this.buffer = this.buffer.slice(match[0].length);
		const { resolve } = this.waiting;
		this.waiting = undefined;
		resolve(match[0]);
	}
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const MULTIPART_MESSAGE = [
	'From: "Mist Monitor" <monitor@demo.corp>',
	'To: oncall@demo.corp, noc@demo.corp',
	'Subject: =?UTF-8?Q?[CRITICAL]_AP_offline_=E2=80=93_HQ?=',
	'MIME-Version: 1.0',
	'Content-Type: multipart/alternative;',
	' boundary="--_NmP-abc123"',
	'',
	'----_NmP-abc123',
	'Content-Type: text/plain; charset=utf-8',
	'Content-Transfer-Encoding: quoted-printable',
	'',
	'AP HQ-AP-03 is offline since 10:02 =E2=80=93 12 clients affected. This line is =',
	'soft-wrapped.',
	'..a line that starts with a dot',
	'----_NmP-abc123',
	'Content-Type: text/html; charset=utf-8',
	'Content-Transfer-Encoding: base64',
	'',
	base64('<p><b>HQ-AP-03</b> offline – 12 clients</p>'),
	'----_NmP-abc123--',
	'',
].join('\r\n');

describe('alert sink SMTP server (raw conversation)', () => {
	let sink: RunningAlertSink;
	let client: SmtpConversation;

	beforeAll(async () => {
		sink = await startAlertSink();
	});
	afterAll(async () => {
		await sink.close();
	});
	beforeEach(() => sink.clear());
	afterEach(() => client?.close());

	it('greets, advertises AUTH but not STARTTLS, and accepts a multipart message with AUTH PLAIN', async () => {
		const opened = await SmtpConversation.open(sink.smtpPort);
		client = opened.client;
		expect(opened.greeting).toMatch(/^220 /);
		const ehlo = await client.command('EHLO n8n.local');
		expect(ehlo).toMatch(/^250-/);
		expect(ehlo).toContain('AUTH PLAIN LOGIN');
		expect(ehlo).not.toContain('STARTTLS');
		expect(
			await client.command(`AUTH PLAIN ${base64('\u0000alerts@demo.corp\u0000s3cret-pass')}`),
		).toMatch(/^235 /);
		expect(await client.command('MAIL FROM:<monitor@demo.corp> SIZE=2048 BODY=8BITMIME')).toMatch(
			/^250 /,
		);
		expect(await client.command('RCPT TO:<oncall@demo.corp>')).toMatch(/^250 /);
		expect(await client.command('RCPT TO:<noc@demo.corp>')).toMatch(/^250 /);
		expect(await client.command('DATA')).toMatch(/^354 /);
		expect(await client.send(`${MULTIPART_MESSAGE}.\r\n`)).toMatch(/^250 .*queued/);
		expect(await client.command('QUIT')).toMatch(/^221 /);

		const [message] = sink.messages();
		expect(message.channel).toBe('email');
		expect(message.email).toMatchObject({
			from: 'monitor@demo.corp',
			to: ['oncall@demo.corp', 'noc@demo.corp'],
			subject: '[CRITICAL] AP offline – HQ',
			authUser: 'alerts@demo.corp',
			text: 'AP HQ-AP-03 is offline since 10:02 – 12 clients affected. This line is soft-wrapped.\n.a line that starts with a dot',
			html: '<p><b>HQ-AP-03</b> offline – 12 clients</p>',
		});
		expect(message.email!.headers['content-type']).toContain('multipart/alternative');
		expect(message.email!.headers.from).toBe('"Mist Monitor" <monitor@demo.corp>');
		expect(message.email!.raw).toContain('Subject: =?UTF-8?Q?');
		expect(JSON.stringify(sink.messages())).not.toContain('s3cret-pass');
	});

	it('supports AUTH LOGIN, HELO, NOOP, RSET and an empty message', async () => {
		const opened = await SmtpConversation.open(sink.smtpPort);
		client = opened.client;
		expect(await client.command('HELO legacy')).toMatch(/^250 /);
		expect(await client.command('AUTH LOGIN')).toBe(`334 ${base64('Username:')}\r\n`);
		expect(await client.command(base64('bob'))).toBe(`334 ${base64('Password:')}\r\n`);
		expect(await client.command(base64('hunter2'))).toMatch(/^235 /);
		expect(await client.command('NOOP')).toMatch(/^250 /);
		await client.command('MAIL FROM:<a@x>');
		await client.command('RCPT TO:<dropped@x>');
		expect(await client.command('RSET')).toMatch(/^250 /);
		expect(await client.command('DATA')).toMatch(/^503 /);
		await client.command('MAIL FROM:<>');
		await client.command('RCPT TO:<kept@x>');
		await client.command('DATA');
		expect(await client.send('.\r\n')).toMatch(/^250 /);
		const [message] = sink.messages();
		expect(message.email).toMatchObject({
			from: '',
			to: ['kept@x'],
			subject: '',
			raw: '',
			authUser: 'bob',
		});
	});

	it.each([
		['RCPT before MAIL', ['EHLO x', 'RCPT TO:<a@x>'], /^503 /],
		['MAIL before EHLO', ['MAIL FROM:<a@x>'], /^503 /],
		['a malformed MAIL', ['EHLO x', 'MAIL FROM a@x'], /^501 /],
		['an unknown command', ['EHLO x', 'XYZZY'], /^500 /],
		['STARTTLS', ['EHLO x', 'STARTTLS'], /^502 /],
		['an unknown AUTH mechanism', ['EHLO x', 'AUTH CRAM-MD5'], /^504 /],
	])('answers %s with the right error code', async (_label, commands, expected) => {
		const opened = await SmtpConversation.open(sink.smtpPort);
		client = opened.client;
		let last = '';
		for (const command of commands) last = await client.command(command);
		expect(last).toMatch(expected);
		expect(sink.messages()).toHaveLength(0);
	});

	it('handles pipelined commands and two messages on one connection', async () => {
		const opened = await SmtpConversation.open(sink.smtpPort);
		client = opened.client;
		await client.command('EHLO x');
		const body = (subject: string) => `Subject: ${subject}\r\n\r\nbody of ${subject}\r\n.\r\n`;
		// Everything in one write: the server must answer in order.
		const replies: string[] = [];
		const writes =
			'MAIL FROM:<a@x>\r\nRCPT TO:<b@x>\r\nDATA\r\n' +
			body('first') +
			'MAIL FROM:<a@x>\r\nRCPT TO:<c@x>\r\nDATA\r\n' +
			body('second');
		replies.push(await client.send(writes));
		for (let index = 0; index < 7; index++) replies.push(await client.next());
		expect(replies.map((reply) => reply.slice(0, 3))).toEqual([
			'250',
			'250',
			'354',
			'250',
			'250',
			'250',
			'354',
			'250',
		]);
		expect(
			sink
				.messages()
				.map((message) => [message.email!.subject, message.email!.to, message.email!.text]),
		).toEqual([
			['first', ['b@x'], 'body of first'],
			['second', ['c@x'], 'body of second'],
		]);
	});

	it('reassembles DATA split across many small packets', async () => {
		const opened = await SmtpConversation.open(sink.smtpPort);
		client = opened.client;
		await client.command('EHLO x');
		await client.command('MAIL FROM:<a@x>');
		await client.command('RCPT TO:<b@x>');
		await client.command('DATA');
		const data = 'Subject: split\r\n\r\nline one\r\nline two\r\n.\r\n';
		const done = client.next();
		for (const char of data) (client as unknown as { socket: net.Socket }).socket.write(char);
		expect(await done).toMatch(/^250 /);
		expect(sink.messages()[0].email!.text).toBe('line one\nline two');
	});
});

describe('parseMime', () => {
	it('decodes a single-part Latin-1 quoted-printable body and a B-encoded subject', () => {
		const raw = Buffer.from(
			'Subject: =?ISO-8859-1?B?' +
				Buffer.from('Caf\u00e9 down', 'latin1').toString('base64') +
				'?=\r\n' +
				'Content-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nCaf=E9 =3D down\r\n',
			'latin1',
		).toString('latin1');
		expect(parseMime(raw)).toEqual({
			headers: expect.objectContaining({ subject: 'Café down' }),
			text: 'Café = down',
		});
	});

	it('finds the html part of a nested multipart/mixed message and skips attachments', () => {
		const raw = [
			'Content-Type: multipart/mixed; boundary=outer',
			'',
			'--outer',
			'Content-Type: multipart/alternative; boundary=inner',
			'',
			'--inner',
			'Content-Type: text/html; charset=utf-8',
			'',
			'<b>hi</b>',
			'--inner--',
			'--outer',
			'Content-Type: text/plain',
			'Content-Disposition: attachment; filename=report.txt',
			'',
			'not the body',
			'--outer--',
		].join('\r\n');
		const parsed = parseMime(raw);
		expect(parsed.html).toBe('<b>hi</b>');
		expect(parsed.text).toBeUndefined();
	});

	it('treats a message without Content-Type as plain text and unfolds headers', () => {
		const parsed = parseMime('Subject: a long\r\n subject\r\nX-Rule: ap_offline\r\n\r\nplain body');
		expect(parsed.headers).toEqual({ subject: 'a long subject', 'x-rule': 'ap_offline' });
		expect(parsed.text).toBe('plain body');
	});
});
