/** What the alert sink records: one entry per alert received on any channel. */

export type SinkChannel = 'slack' | 'webhook' | 'teams' | 'pagerduty' | 'email';

export interface SinkEmail {
	from: string;
	to: string[];
	subject: string;
	/** Top-level headers, names in lower case, encoded words decoded. */
	headers: Record<string, string>;
	text?: string;
	html?: string;
	/** The DATA section as received, dot-stuffing removed. */
	raw: string;
	/** Only the user name: the sink never keeps passwords. */
	authUser?: string;
}

export interface SinkMessage {
	id: number;
	channel: SinkChannel;
	/** Epoch milliseconds. */
	receivedAt: number;
	/** Request path for HTTP channels (e.g. /slack/T000/B000/XXX). */
	path?: string;
	/** Parsed JSON body for HTTP channels. */
	body?: unknown;
	email?: SinkEmail;
}

export type RecordMessage = (message: Omit<SinkMessage, 'id' | 'receivedAt'>) => SinkMessage;
