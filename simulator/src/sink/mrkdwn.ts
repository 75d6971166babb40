/**
 * Slack mrkdwn as safe HTML for the sink page: links and mentions in plain words, Slack's own
 * &amp; &lt; &gt; decoded, then everything escaped before *bold*, _italic_, ~strike~ and `code` become tags.
 */
import { escapeHtml } from '../../../nodes/shared/utils/html';

/** `<url|label>`, `<url>`, `<@U123>`, `<#C123|name>`, `<!here>`: Slack's only use of < and >. */
const SLACK_TOKEN = /<([^<>|]*)(?:\|([^<>]*))?>/g;

const EMPHASIS: Array<[RegExp, string]> = [
	[/`([^`\n]+)`/g, '<code>$1</code>'],
	[/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1<b>$2</b>'],
	[/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1<i>$2</i>'],
	[/(^|[^\w~])~(?=\S)([^~\n]*?\S)~(?!\w)/g, '$1<s>$2</s>'],
];

function decodeSlackEntities(text: string): string {
	return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Plain text (already free of Slack tokens) as HTML with Slack's emphasis. */
function emphasised(text: string): string {
	const safe = escapeHtml(decodeSlackEntities(text));
	return EMPHASIS.reduce(
		(html, [pattern, replacement]) => html.replace(pattern, replacement),
		safe,
	);
}

/** Only web and mail links become anchors; anything else (javascript:, data:) stays text. */
export function safeLink(url: string, label: string): string {
	if (!/^(https?:|mailto:)/i.test(url)) return escapeHtml(label || url);
	return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label || url)}</a>`;
}

function token(target: string, label: string | undefined): string {
	const text = decodeSlackEntities(label ?? '');
	if (target.startsWith('@')) return escapeHtml(`@${text || target.slice(1)}`);
	if (target.startsWith('#')) return escapeHtml(`#${text || target.slice(1)}`);
	if (target.startsWith('!')) return escapeHtml(`@${text || target.slice(1).split('^')[0]}`);
	return safeLink(decodeSlackEntities(target), text);
}

export function mrkdwnToHtml(text: string): string {
	let html = '';
	let last = 0;
	for (const match of text.matchAll(SLACK_TOKEN)) {
		html += emphasised(text.slice(last, match.index)) + token(match[1], match[2]);
		last = (match.index ?? 0) + match[0].length;
	}
	return html + emphasised(text.slice(last));
}

/** The same text without any markup, e.g. for a title. */
export function mrkdwnToPlain(text: string): string {
	return decodeSlackEntities(
		text.replace(
			SLACK_TOKEN,
			(_whole, target: string, label?: string) => label || target.replace(/^[@#!]/, ''),
		),
	).replace(/(^|[^\w])[*_~](\S(?:[^\n]*?\S)?)[*_~](?!\w)/g, '$1$2');
}
