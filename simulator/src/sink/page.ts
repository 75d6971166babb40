/** The alert sink's page for a person: what arrived, newest first, one card per message. */
import { escapeHtml } from '../../../nodes/shared/utils/html';
import { readableMessage } from './readable';
import type { SinkChannel, SinkMessage } from './types';

export const CHANNEL_LABELS: Record<SinkChannel, string> = {
	slack: 'Slack',
	teams: 'Teams',
	pagerduty: 'PagerDuty',
	webhook: 'Webhook',
	email: 'E-mail',
};

/** Enough to read a demo's worth of alerts without the page growing without bound. */
const MAX_SHOWN = 200;

export interface PageOptions {
	/** Show one channel only (the ?channel= filter). */
	channel?: string;
	now: number;
	/** Seconds between reloads; 0 turns auto-refresh off. */
	refreshSeconds: number;
}

const STYLE = `
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#212121;background:#f4f5f7}
header{position:sticky;top:0;background:#263238;color:#fff;padding:10px 20px;
	display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center}
header h1{font-size:17px;margin:0 8px 0 0}
nav a,header a{color:#cfd8dc;text-decoration:none;padding:2px 8px;border-radius:12px}
nav a.on{background:#fff;color:#263238;font-weight:600}
header .refresh{margin-left:auto;font-size:12px;color:#b0bec5}
main{max-width:1000px;margin:16px auto;padding:0 16px}
.card{background:#fff;border-radius:6px;border-left:5px solid #90a4ae;box-shadow:0 1px 2px rgba(0,0,0,.12);
	margin:0 0 12px;padding:10px 14px}
.card.slack{border-left-color:#611f69}.card.teams{border-left-color:#4b53bc}.card.pagerduty{border-left-color:#06ac38}
.card.webhook{border-left-color:#0277bd}.card.email{border-left-color:#ef6c00}
.top{display:flex;gap:10px;align-items:baseline}
.top .title{font-weight:600;font-size:15px;flex:1}
.top time{color:#757575;font-size:12px;white-space:nowrap}
.channel{font-size:11px;font-weight:700;text-transform:uppercase;color:#546e7a;white-space:nowrap}
.p,.h,.small{white-space:pre-wrap;margin:4px 0}.h{font-weight:600}.small{color:#616161;font-size:12px}
hr{border:0;border-top:1px solid #e0e0e0;margin:6px 0}
code{background:#eceff1;padding:0 3px;border-radius:3px;font-size:12px}
pre{white-space:pre-wrap;word-break:break-word;background:#fafafa;border:1px solid #eee;padding:8px;font-size:12px;margin:6px 0}
.attachment,.section{border-left:3px solid #bdbdbd;padding-left:10px;margin:6px 0}
table.facts{border-collapse:collapse;margin:4px 0;font-size:13px}
table.facts th{text-align:left;color:#616161;font-weight:500;padding:1px 12px 1px 0;vertical-align:top}
ul.incidents{margin:4px 0;padding-left:18px}
.badge{display:inline-block;padding:0 6px;border-radius:3px;font-size:11px;font-weight:700;text-transform:uppercase;
	background:#eceff1;color:#37474f}
.sev-critical{background:#c62828;color:#fff}.sev-major,.sev-error{background:#ef6c00;color:#fff}
.sev-minor,.sev-warning{background:#f9a825;color:#212121}.sev-info{background:#1565c0;color:#fff}
.action-resolve,.status-resolved{background:#2e7d32;color:#fff}.action-trigger,.status-firing{background:#6a1b9a;color:#fff}
iframe.mail{width:100%;height:320px;border:1px solid #e0e0e0;resize:vertical;margin:6px 0;background:#fff}
details{margin:4px 0}summary{cursor:pointer;color:#546e7a;font-size:12px}
.empty{color:#757575;text-align:center;padding:40px}
`;

function ago(ms: number): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	if (seconds < 10) return 'just now';
	if (seconds < 120) return `${seconds} s ago`;
	if (seconds < 7200) return `${Math.round(seconds / 60)} min ago`;
	return `${Math.round(seconds / 3600)} h ago`;
}

function time(receivedAt: number, now: number): string {
	const iso = new Date(receivedAt).toISOString();
	return `<time datetime="${iso}">${iso.slice(0, 19).replace('T', ' ')} UTC · ${ago(now - receivedAt)}</time>`;
}

function card(message: SinkMessage, now: number): string {
	const { title, body } = readableMessage(message);
	const isHttp = message.body !== undefined;
	const raw = JSON.stringify(isHttp ? message.body : (message.email?.headers ?? {}), null, 2);
	return [
		`<article class="card ${message.channel}" id="m${message.id}">`,
		`<div class="top"><span class="channel">${CHANNEL_LABELS[message.channel]}</span>`,
		`<span class="title">${escapeHtml(title)}</span>${time(message.receivedAt, now)}</div>`,
		body,
		`<details><summary>${isHttp ? 'Raw JSON' : 'Headers'}${message.path ? ` · ${escapeHtml(message.path)}` : ''}</summary>`,
		`<pre>${escapeHtml(raw)}</pre></details>`,
		'</article>',
	].join('');
}

function link(label: string, params: Record<string, string | undefined>, on: boolean): string {
	const query = new URLSearchParams(
		Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]),
	).toString();
	return `<a href="/messages${query ? `?${escapeHtml(query)}` : ''}"${on ? ' class="on"' : ''}>${escapeHtml(label)}</a>`;
}

export function renderMessagesPage(messages: SinkMessage[], options: PageOptions): string {
	const { channel, now, refreshSeconds } = options;
	const shown = messages
		.filter((message) => !channel || message.channel === channel)
		.sort((a, b) => b.id - a.id);
	const refresh = refreshSeconds > 0 ? undefined : '0';
	const count = (name?: SinkChannel) =>
		messages.filter((message) => !name || message.channel === name).length;
	const nav = [
		link(`All (${count()})`, { refresh }, !channel),
		...(Object.keys(CHANNEL_LABELS) as SinkChannel[]).map((name) =>
			link(
				`${CHANNEL_LABELS[name]} (${count(name)})`,
				{ channel: name, refresh },
				channel === name,
			),
		),
	];
	const toggle =
		refreshSeconds > 0
			? `Reloads every ${refreshSeconds} s · ${link('pause', { channel, refresh: '0' }, false)}`
			: `Auto-refresh paused · ${link('resume', { channel }, false)}`;
	const older =
		shown.length > MAX_SHOWN
			? `<p class="empty">${shown.length - MAX_SHOWN} older messages not shown.</p>`
			: '';
	const cards = shown.slice(0, MAX_SHOWN).map((message) => card(message, now));
	const channelName = channel
		? `${escapeHtml(CHANNEL_LABELS[channel as SinkChannel] ?? channel)} `
		: '';
	const empty = `<p class="empty">No ${channelName}messages yet.</p>`;
	return [
		'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
		'<meta name="viewport" content="width=device-width, initial-scale=1">',
		refreshSeconds > 0 ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '',
		`<title>Alert sink (${shown.length})</title><style>${STYLE}</style></head><body>`,
		`<header><h1>Alert sink</h1><nav>${nav.join('')}</nav><span class="refresh">${toggle}</span></header>`,
		`<main>${cards.length ? cards.join('\n') : empty}${older}</main>`,
		'</body></html>',
	].join('\n');
}
