/* eslint-disable @n8n/community-nodes/no-restricted-imports */
/**
 * A minimal SMTP server (RFC 5321 subset) that records every message, for n8n's Send Email node
 * (nodemailer) and for tests. It advertises no STARTTLS, so clients stay on plain text, and
 * accepts AUTH PLAIN/LOGIN with any credentials.
 */
import * as net from 'net';

import { parseMime } from './mime';
import type { RecordMessage, SinkEmail } from './types';

const HOSTNAME = 'alert-sink.local';
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
const MAX_LINE_BYTES = 64 * 1024;

interface Session {
	socket: net.Socket;
	/** Bytes not yet consumed, as a binary string (one char per byte). */
	buffer: string;
	mode: 'command' | 'data' | 'auth-plain' | 'auth-login-user' | 'auth-login-password';
	greeted: boolean;
	from?: string;
	to: string[];
	authUser?: string;
}

export interface SmtpServer {
	port: number;
	close(): Promise<void>;
}

export async function startSmtpServer(
	host: string,
	port: number,
	record: RecordMessage,
): Promise<SmtpServer> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer((socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => socket.destroy());
		const session: Session = { socket, buffer: '', mode: 'command', greeted: false, to: [] };
		reply(session, 220, `${HOSTNAME} ESMTP alert sink ready`);
		socket.on('data', (chunk) => {
			session.buffer += chunk.toString('latin1');
			consumeBuffer(session, record);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return {
		port: (server.address() as net.AddressInfo).port,
		close: () =>
			new Promise<void>((resolve) => {
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

function reply(session: Session, code: number, ...lines: string[]): void {
	if (session.socket.destroyed) return;
	const text = lines
		.map((line, index) => `${code}${index < lines.length - 1 ? '-' : ' '}${line}\r\n`)
		.join('');
	session.socket.write(text, 'latin1');
}

/** Consumes as many complete commands (or a complete DATA section) as the buffer holds. */
function consumeBuffer(session: Session, record: RecordMessage): void {
	while (!session.socket.destroyed) {
		if (session.mode === 'data') {
			// The terminator is CRLF "." CRLF; prefixing CRLF also catches an empty message.
			const end = `\r\n${session.buffer}`.indexOf('\r\n.\r\n');
			if (end < 0) {
				if (session.buffer.length > MAX_MESSAGE_BYTES) {
					reply(session, 552, '5.3.4 Message too big');
					session.socket.end();
				}
				return;
			}
			const data = end === 0 ? '' : session.buffer.slice(0, end - 2);
			session.buffer = session.buffer.slice(end + 3);
			session.mode = 'command';
			finishMessage(session, data, record);
			continue;
		}
		const newline = session.buffer.indexOf('\n');
		if (newline < 0) {
			if (session.buffer.length > MAX_LINE_BYTES) {
				reply(session, 500, '5.5.2 Line too long');
				session.socket.end();
			}
			return;
		}
		const line = session.buffer.slice(0, newline).replace(/\r$/, '');
		session.buffer = session.buffer.slice(newline + 1);
		handleLine(session, line);
	}
}

function handleLine(session: Session, line: string): void {
	if (session.mode === 'auth-plain') return finishAuthPlain(session, line);
	if (session.mode === 'auth-login-user') {
		session.authUser = decodeBase64(line);
		session.mode = 'auth-login-password';
		return reply(session, 334, Buffer.from('Password:').toString('base64'));
	}
	if (session.mode === 'auth-login-password') {
		session.mode = 'command';
		return reply(session, 235, '2.7.0 Authentication successful');
	}
	const [verb, ...rest] = line.split(' ');
	const argument = rest.join(' ').trim();
	switch (verb.toUpperCase()) {
		case 'EHLO':
			session.greeted = true;
			resetTransaction(session);
			return reply(
				session,
				250,
				`${HOSTNAME} greets ${argument || 'client'}`,
				'8BITMIME',
				`SIZE ${MAX_MESSAGE_BYTES}`,
				'AUTH PLAIN LOGIN',
			);
		case 'HELO':
			session.greeted = true;
			resetTransaction(session);
			return reply(session, 250, HOSTNAME);
		case 'AUTH':
			return startAuth(session, argument);
		case 'MAIL':
			return mailFrom(session, argument);
		case 'RCPT':
			return rcptTo(session, argument);
		case 'DATA':
			if (session.from === undefined || session.to.length === 0)
				return reply(session, 503, '5.5.1 Need MAIL and RCPT first');
			session.mode = 'data';
			return reply(session, 354, 'End data with <CR><LF>.<CR><LF>');
		case 'RSET':
			resetTransaction(session);
			return reply(session, 250, '2.0.0 OK');
		case 'NOOP':
			return reply(session, 250, '2.0.0 OK');
		case 'VRFY':
			return reply(session, 252, '2.5.2 Cannot VRFY user, but will accept message');
		case 'QUIT':
			reply(session, 221, '2.0.0 Bye');
			session.socket.end();
			return;
		case 'STARTTLS':
			return reply(session, 502, '5.5.1 STARTTLS not available on the alert sink');
		default:
			return reply(session, 500, `5.5.2 Command not recognised: ${verb.slice(0, 20)}`);
	}
}

function startAuth(session: Session, argument: string): void {
	if (!session.greeted) return reply(session, 503, '5.5.1 Send EHLO first');
	const [mechanism, initial] = argument.split(' ');
	if (mechanism?.toUpperCase() === 'PLAIN') {
		if (initial) return finishAuthPlain(session, initial);
		session.mode = 'auth-plain';
		return reply(session, 334, '');
	}
	if (mechanism?.toUpperCase() === 'LOGIN') {
		if (initial) {
			session.authUser = decodeBase64(initial);
			session.mode = 'auth-login-password';
			return reply(session, 334, Buffer.from('Password:').toString('base64'));
		}
		session.mode = 'auth-login-user';
		return reply(session, 334, Buffer.from('Username:').toString('base64'));
	}
	return reply(session, 504, '5.5.4 Unrecognized authentication type');
}

/** PLAIN is "authzid NUL authcid NUL password"; keep the user, drop the password. */
function finishAuthPlain(session: Session, line: string): void {
	session.mode = 'command';
	const parts = decodeBase64(line).split('\u0000');
	if (parts.length !== 3) return reply(session, 501, '5.5.2 Malformed AUTH PLAIN response');
	session.authUser = parts[1];
	return reply(session, 235, '2.7.0 Authentication successful');
}

function mailFrom(session: Session, argument: string): void {
	if (!session.greeted) return reply(session, 503, '5.5.1 Send EHLO or HELO first');
	const address = parsePath(argument, 'FROM');
	if (address === undefined) return reply(session, 501, '5.5.4 Syntax: MAIL FROM:<address>');
	resetTransaction(session);
	session.from = address;
	return reply(session, 250, '2.1.0 Sender OK');
}

function rcptTo(session: Session, argument: string): void {
	if (session.from === undefined) return reply(session, 503, '5.5.1 Need MAIL before RCPT');
	const address = parsePath(argument, 'TO');
	if (!address) return reply(session, 501, '5.5.4 Syntax: RCPT TO:<address>');
	session.to.push(address);
	return reply(session, 250, '2.1.5 Recipient OK');
}

/** `FROM:<a@b> SIZE=123` → `a@b`; the null sender `<>` gives an empty string. */
function parsePath(argument: string, keyword: 'FROM' | 'TO'): string | undefined {
	const match = new RegExp(`^${keyword}:\\s*<([^>]*)>`, 'i').exec(argument);
	return match ? match[1].trim() : undefined;
}

function finishMessage(session: Session, data: string, record: RecordMessage): void {
	const unstuffed = data.replace(/^\.\./gm, '.');
	const mime = parseMime(unstuffed);
	const email: SinkEmail = {
		from: session.from ?? '',
		to: [...session.to],
		subject: mime.headers.subject ?? '',
		headers: mime.headers,
		text: mime.text,
		html: mime.html,
		raw: Buffer.from(unstuffed, 'latin1').toString('utf8'),
		authUser: session.authUser,
	};
	const message = record({ channel: 'email', email });
	resetTransaction(session);
	reply(session, 250, `2.0.0 OK queued as sink-${message.id}`);
}

function resetTransaction(session: Session): void {
	session.from = undefined;
	session.to = [];
}

function decodeBase64(value: string): string {
	return Buffer.from(value.trim(), 'base64').toString('utf8');
}
