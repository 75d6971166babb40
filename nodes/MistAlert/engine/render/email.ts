import type { IncidentView, Notice } from '../types';
import { SEVERITY_COLOURS } from '../../../shared/findings/severity';
import { escapeHtml } from '../../../shared/utils/html';
import { bySite, colourOf, countsLine, listed, stateWord, titleOf } from './format';
import type { SiteSection } from './format';

const CELL = 'padding:6px 8px;border-bottom:1px solid #e0e0e0;vertical-align:top;font-size:13px;';
const HEAD =
	'padding:6px 8px;border-bottom:2px solid #9e9e9e;text-align:left;font-size:12px;color:#424242;';
const SITE =
	'padding:10px 8px 4px 8px;border-bottom:1px solid #9e9e9e;font-size:14px;font-weight:bold;color:#212121;';

/** A site-wide problem is about the site itself: its place needs no second name. */
function siteWide(incident: IncidentView): boolean {
	return incident.entity === incident.siteName;
}

function row(incident: IncidentView, notice: Notice): string {
	const badge = `display:inline-block;padding:2px 6px;border-radius:3px;color:#ffffff;font-size:11px;font-weight:bold;background-color:${SEVERITY_COLOURS[incident.severity]};`;
	const detail =
		notice.kind === 'resolved'
			? `Resolved ${escapeHtml(incident.resolvedAt ?? '')}`
			: `<b>Likely cause:</b> ${escapeHtml(incident.likelyCause)}<br><b>Next step:</b> ${escapeHtml(incident.remediation)}`;
	return [
		'<tr>',
		`<td style="${CELL}"><span style="${badge}">${escapeHtml(incident.severity.toUpperCase())}</span></td>`,
		`<td style="${CELL}">${escapeHtml(incident.siteName)}${siteWide(incident) ? '' : `<br><span style="color:#616161;">${escapeHtml(incident.entity)}</span>`}</td>`,
		`<td style="${CELL}"><b>${escapeHtml(incident.title)}</b><br>${escapeHtml(incident.summary)}<br><span style="color:#616161;font-size:12px;">${detail}</span></td>`,
		`<td style="${CELL}">${escapeHtml(stateWord(incident, notice))}<br><span style="color:#616161;font-size:12px;">since ${escapeHtml(incident.firstSeen)}</span></td>`,
		'</tr>',
	].join('');
}

function textLine(incident: IncidentView, notice: Notice): string {
	const where = siteWide(incident)
		? incident.siteName
		: `${incident.siteName} / ${incident.entity}`;
	const line = `- [${incident.severity.toUpperCase()}] ${incident.title} · ${where}: ${incident.summary} (${stateWord(incident, notice)})`;
	return notice.kind === 'resolved'
		? line
		: `${line}\n  Likely cause: ${incident.likelyCause}\n  Next step: ${incident.remediation}`;
}

/** A digest groups its rows under a heading per site; other notices are one group already. */
function sections(
	notice: Notice,
	shown: IncidentView[],
): Array<Pick<SiteSection, 'incidents'> & { heading?: string }> {
	return notice.digest ? bySite(notice, shown) : [{ incidents: shown }];
}

/** Email-safe HTML: tables and inline styles only, no scripts, no external images or stylesheets. */
export function renderEmail(notice: Notice, maxListed: number, dashboardUrl?: string) {
	const subject = titleOf(notice);
	const { shown, more } = listed(notice, maxListed);
	const parts = sections(notice, shown);
	const link = dashboardUrl
		? `<p style="font-size:13px;"><a href="${escapeHtml(dashboardUrl)}" style="color:#1565c0;">Open dashboard</a></p>`
		: '';
	const footer = notice.digest ? `${notice.groupKeys.length} groups` : `Group ${notice.groupKey}`;
	const html = [
		'<!DOCTYPE html><html><body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;color:#212121;background-color:#ffffff;">',
		`<div style="padding:10px 14px;background-color:${colourOf(notice)};color:#ffffff;font-size:16px;font-weight:bold;">${escapeHtml(subject)}</div>`,
		`<p style="font-size:13px;">${escapeHtml(countsLine(notice))}</p>`,
		'<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;">',
		`<tr><th style="${HEAD}">Severity</th><th style="${HEAD}">Where</th><th style="${HEAD}">Problem</th><th style="${HEAD}">State</th></tr>`,
		...parts.flatMap(({ heading, incidents }) => [
			...(heading ? [`<tr><td colspan="4" style="${SITE}">${escapeHtml(heading)}</td></tr>`] : []),
			...incidents.map((incident) => row(incident, notice)),
		]),
		'</table>',
		more ? `<p style="font-size:13px;color:#616161;">${escapeHtml(more)}.</p>` : '',
		link,
		`<p style="font-size:11px;color:#9e9e9e;">${escapeHtml(footer)} · generated ${escapeHtml(notice.generatedAt)}</p>`,
		'</body></html>',
	].join('\n');
	const text = [
		subject,
		countsLine(notice),
		...parts.flatMap(({ heading, incidents }) => [
			'',
			...(heading ? [heading] : []),
			...incidents.map((incident) => textLine(incident, notice)),
		]),
		...(more ? [`${more}.`] : []),
		...(dashboardUrl ? ['', `Dashboard: ${dashboardUrl}`] : []),
	].join('\n');
	return { subject, html, text };
}
