/**
 * One received message as a person reads it: a title and an HTML body, per channel. Every value
 * from the message is escaped here; e-mail HTML is only ever placed in a sandboxed iframe.
 */
import { escapeHtml } from '../../../nodes/shared/utils/html';
import { mrkdwnToHtml, mrkdwnToPlain, safeLink } from './mrkdwn';
import type { SinkMessage } from './types';

export interface ReadableMessage {
	title: string;
	/** Safe HTML. */
	body: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const str = (value: unknown): string =>
	typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);

const paragraph = (html: string, className = 'p') =>
	html.trim() ? `<div class="${className}">${html}</div>` : '';
const plain = (text: unknown, className = 'p') => paragraph(escapeHtml(str(text)), className);

function firstLine(text: string): string {
	return text.trim().split('\n')[0] ?? '';
}

/** A Slack text object: mrkdwn or plain_text. */
function slackText(value: unknown): string {
	if (!isObject(value)) return '';
	return value.type === 'mrkdwn' ? mrkdwnToHtml(str(value.text)) : escapeHtml(str(value.text));
}

/** rich_text blocks nest sections, lists and quotes down to text, link and emoji elements. */
function richText(value: unknown): string {
	if (!isObject(value)) return '';
	if (value.type === 'text') return escapeHtml(str(value.text));
	if (value.type === 'link') return safeLink(str(value.url), str(value.text));
	if (value.type === 'emoji') return escapeHtml(`:${str(value.name)}:`);
	if (value.type === 'user') return escapeHtml(`@${str(value.user_id)}`);
	const children = list(value.elements);
	if (value.type === 'rich_text_list')
		return children.map((item) => `• ${richText(item)}`).join('\n');
	return children.map(richText).join('');
}

function slackBlock(block: unknown): string {
	if (!isObject(block)) return '';
	switch (block.type) {
		case 'header':
			return paragraph(slackText(block.text), 'h');
		case 'section':
			return (
				paragraph(slackText(block.text)) +
				list(block.fields)
					.map((field) => paragraph(slackText(field)))
					.join('')
			);
		case 'context':
			return paragraph(
				list(block.elements)
					.map((element) =>
						isObject(element) && element.type === 'image'
							? escapeHtml(str(element.alt_text))
							: slackText(element),
					)
					.filter(Boolean)
					.join(' · '),
				'small',
			);
		case 'divider':
			return '<hr>';
		case 'rich_text':
			return paragraph(richText(block));
		case 'image':
			return plain(`[image: ${str(block.alt_text)}]`, 'small');
		case 'actions':
			return paragraph(
				list(block.elements)
					.filter(isObject)
					.map((element) =>
						safeLink(
							str(element.url),
							`[${mrkdwnToPlain(str(isObject(element.text) ? element.text.text : ''))}]`,
						),
					)
					.join(' '),
				'small',
			);
		default:
			return '';
	}
}

function slackAttachment(attachment: unknown): string {
	if (!isObject(attachment)) return '';
	const colour = /^#?[0-9a-f]{3,8}$/i.test(str(attachment.color))
		? `#${str(attachment.color).replace('#', '')}`
		: '#bdbdbd';
	const parts = [
		paragraph(mrkdwnToHtml(str(attachment.pretext))),
		paragraph(escapeHtml(str(attachment.title)), 'h'),
		paragraph(mrkdwnToHtml(str(attachment.text))),
		...list(attachment.fields)
			.filter(isObject)
			.map((field) =>
				paragraph(`<b>${escapeHtml(str(field.title))}</b>: ${mrkdwnToHtml(str(field.value))}`),
			),
		...list(attachment.blocks).map(slackBlock),
		paragraph(escapeHtml(str(attachment.footer)), 'small'),
	];
	return `<div class="attachment" style="border-left-color:${colour}">${parts.join('')}</div>`;
}

function slack(body: Json): ReadableMessage {
	const header = list(body.blocks).find((block) => isObject(block) && block.type === 'header');
	const headerText = isObject(header) && isObject(header.text) ? str(header.text.text) : '';
	const title = headerText || mrkdwnToPlain(firstLine(str(body.text))) || 'Slack message';
	// The header block is already the card's title.
	const blocks = list(body.blocks)
		.filter((block) => block !== header)
		.map(slackBlock)
		.join('');
	return {
		title,
		body:
			(blocks || paragraph(mrkdwnToHtml(str(body.text)))) +
			list(body.attachments).map(slackAttachment).join(''),
	};
}

function facts(items: Array<[unknown, unknown]>): string {
	const rows = items.map(
		([name, value]) =>
			`<tr><th>${escapeHtml(str(name))}</th><td>${escapeHtml(str(value))}</td></tr>`,
	);
	return rows.length ? `<table class="facts">${rows.join('')}</table>` : '';
}

/** Adaptive Card elements: text blocks, fact sets, and the containers that hold them. */
function adaptive(element: unknown): string {
	if (!isObject(element)) return '';
	if (element.type === 'TextBlock') {
		return plain(element.text, element.weight === 'Bolder' || element.size === 'Large' ? 'h' : 'p');
	}
	if (element.type === 'FactSet')
		return facts(
			list(element.facts)
				.filter(isObject)
				.map((fact) => [fact.title, fact.value]),
		);
	return [...list(element.items), ...list(element.columns), ...list(element.body)]
		.map(adaptive)
		.join('');
}

function teams(body: Json): ReadableMessage {
	const cards = list(body.attachments)
		.filter(isObject)
		.map((attachment) => attachment.content);
	const sections = list(body.sections)
		.filter(isObject)
		.map(
			(section) =>
				`<div class="section">${plain(section.activityTitle, 'h')}${plain(section.activitySubtitle, 'small')}` +
				`${plain(section.text)}${facts(
					list(section.facts)
						.filter(isObject)
						.map((fact) => [fact.name, fact.value]),
				)}</div>`,
		);
	const links = list(body.potentialAction)
		.filter(isObject)
		.map((action) => {
			const target = list(action.targets).find(isObject);
			return safeLink(str(isObject(target) ? target.uri : ''), str(action.name));
		});
	const firstCardText = cards
		.flatMap((card) => (isObject(card) ? list(card.body) : []))
		.find(isObject);
	return {
		title:
			str(body.title) ||
			str(body.summary) ||
			(isObject(firstCardText) ? str(firstCardText.text) : '') ||
			'Teams message',
		body:
			plain(body.text) +
			sections.join('') +
			cards.map(adaptive).join('') +
			paragraph(links.join(' · '), 'small'),
	};
}

/** `kind` becomes a CSS class (sev-critical, action-resolve…) only when it is one plain word. */
function badge(text: string, kind: string): string {
	const style = /^[a-z]+-?[a-z0-9]*$/i.test(kind) ? ` ${kind}` : '';
	return text ? `<span class="badge${style}">${escapeHtml(text)}</span>` : '';
}

/** Incidents as a short list (the first ten): severity, where, what. */
function incidentList(incidents: unknown[], total = incidents.length): string {
	const rows = incidents
		.filter(isObject)
		.slice(0, 10)
		.map(
			(incident) =>
				`<li>${badge(str(incident.severity), `sev-${str(incident.severity)}`)} <b>${escapeHtml(str(incident.entity))}</b> ` +
				`${escapeHtml(str(incident.summary))}</li>`,
		);
	const more = total > rows.length ? `<li>…and ${total - rows.length} more</li>` : '';
	return rows.length ? `<ul class="incidents">${rows.join('')}${more}</ul>` : '';
}

function pagerDuty(body: Json): ReadableMessage {
	const payload = isObject(body.payload) ? body.payload : {};
	const details = isObject(payload.custom_details) ? payload.custom_details : {};
	const action = str(body.event_action);
	const meta = facts(
		[
			['Source', payload.source],
			['Dedup key', body.dedup_key],
		].filter(([, value]) => str(value) !== '') as Array<[unknown, unknown]>,
	);
	return {
		title: str(payload.summary) || `${action} ${str(body.dedup_key)}`.trim(),
		body:
			paragraph(
				`${badge(action, `action-${action}`)} ${badge(str(payload.severity), `sev-${str(payload.severity)}`)}`,
			) +
			meta +
			incidentList(
				list(details.incidents),
				typeof details.total_incidents === 'number' ? details.total_incidents : undefined,
			),
	};
}

function webhook(body: unknown): ReadableMessage {
	if (isObject(body) && body.schema === 'mist-alert/v1') {
		return {
			title: str(body.title) || 'Mist alert',
			body:
				paragraph(
					`${badge(str(body.status), `status-${str(body.status)}`)} ${badge(str(body.tier), 'tier')}`,
				) + incidentList(list(body.incidents)),
		};
	}
	const fields = isObject(body) ? body : {};
	const title =
		str(fields.title) ||
		str(fields.summary) ||
		str(fields.text) ||
		str(fields.message) ||
		'Webhook call';
	return {
		title: firstLine(title),
		body: `<pre>${escapeHtml(JSON.stringify(body, null, 2))}</pre>`,
	};
}

function email(message: SinkMessage): ReadableMessage {
	const mail = message.email;
	if (!mail) return { title: 'E-mail', body: '' };
	const meta = facts([
		['From', mail.from],
		['To', mail.to.join(', ')],
	]);
	// sandbox without allow-scripts or allow-same-origin: the mail's HTML cannot run code or reach this page.
	const html = mail.html
		? `<iframe class="mail" sandbox title="${escapeHtml(mail.subject)}" srcdoc="${escapeHtml(mail.html)}"></iframe>`
		: '';
	const text = mail.text
		? mail.html
			? `<details><summary>Text part</summary><pre>${escapeHtml(mail.text)}</pre></details>`
			: `<pre>${escapeHtml(mail.text)}</pre>`
		: '';
	return { title: mail.subject || '(no subject)', body: meta + html + text };
}

export function readableMessage(message: SinkMessage): ReadableMessage {
	const body = message.body;
	switch (message.channel) {
		case 'slack':
			return isObject(body) ? slack(body) : webhook(body);
		case 'teams':
			return isObject(body) ? teams(body) : webhook(body);
		case 'pagerduty':
			return isObject(body) ? pagerDuty(body) : webhook(body);
		case 'email':
			return email(message);
		default:
			return webhook(body);
	}
}
