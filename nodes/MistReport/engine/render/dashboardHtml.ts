import { DASHBOARD_CSS, DASHBOARD_SCRIPT } from './dashboardAssets';
import type { DashboardModel, DashboardSite } from './dashboardModel';
import { SLE_KEYS } from './dashboardInput';
import { escapeHtml } from '../../../shared/utils/html';
import { WORST_CLIENTS_HEAD, worstClientCells } from './format';

/** The live dashboard page: one self-contained HTML document (inline CSS, SVG and script, no URLs). */

const esc = escapeHtml;
const percent = (value: number) => `${value.toFixed(1)}%`;

function ageText(minutes: number | undefined): string {
	if (minutes === undefined) return 'n/a';
	if (minutes < 60) return `${minutes} min`;
	if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
	return `${Math.round(minutes / 1440)} d`;
}

function bar(value: number, threshold: number, label: string): string {
	const colour = value < threshold ? 'var(--red)' : 'var(--green)';
	const width = Math.max(0, Math.min(100, value));
	return `<div class="bar" role="img" aria-label="${esc(label)}"><span style="width:${width.toFixed(1)}%;background:${colour}"></span></div>`;
}

function card(label: string, value: string | number, tone = ''): string {
	return `<div class="card"><div class="label">${esc(label)}</div><div class="value ${tone}">${esc(value)}</div></div>`;
}

function glance(model: DashboardModel): string {
	const degraded = model.sites.filter((site) => site.status === 'degraded').length;
	const apsWithProblems = model.sites.reduce(
		(sum, site) => sum + site.aps.filter((ap) => ap.health === 'red').length,
		0,
	);
	const worst = model.worstSles.length
		? `<table><caption>Worst SLEs (below ${model.sleThreshold}%)</caption><thead><tr><th scope="col">Site</th><th scope="col">SLE</th><th scope="col">Value</th></tr></thead><tbody>${model.worstSles
				.map(
					(entry) =>
						`<tr><td>${esc(entry.siteName)}</td><td>${esc(entry.key)}</td><td class="bad">${percent(entry.value)}</td></tr>`,
				)
				.join('')}</tbody></table>`
		: `<p class="empty">Every SLE is at or above ${model.sleThreshold}%.</p>`;
	return `<section aria-labelledby="h-glance"><h2 id="h-glance">Org health at a glance</h2><div class="cards">${[
		card('Sites healthy', model.sites.length - degraded, 'good'),
		card('Sites degraded', degraded, degraded ? 'bad' : 'good'),
		card('Open incidents', model.incidents.length, model.incidents.length ? 'bad' : 'good'),
		card('APs with problems', apsWithProblems, apsWithProblems ? 'bad' : 'good'),
	].join('')}</div>${worst}</section>`;
}

function siteButton(site: DashboardSite, index: number, className: string): string {
	return `<button type="button" class="${className}" data-site-target="site-map-${index}" aria-controls="site-map-${index}">${esc(site.name)}</button>`;
}

function sleTable(model: DashboardModel): string {
	if (!model.sites.length)
		return `<section class="wide" aria-labelledby="h-sle"><h2 id="h-sle">SLE per site</h2><p class="empty">No site data.</p></section>`;
	const keys = SLE_KEYS.filter((key) => model.sites.some((site) => key in site.sle));
	const head = ['Site', 'Status', 'APs', 'Clients', ...keys]
		.map((name) => `<th scope="col">${esc(name)}</th>`)
		.join('');
	const rows = model.sites
		.map((site, index) => {
			const cells = keys.map((key) => {
				const value = site.sle[key];
				if (value === undefined) return '<td>n/a</td>';
				return `<td><span class="${value < model.sleThreshold ? 'bad' : ''}">${percent(value)}</span>${bar(value, model.sleThreshold, `${site.name} ${key} ${percent(value)}`)}</td>`;
			});
			const status = `<span class="badge st-${site.status}" data-tip="${esc(site.reasons.join('\n') || 'No finding, every SLE above the threshold')}">${site.status}</span>`;
			return `<tr data-site-row="${esc(site.name)}" data-status="${site.status}"><th scope="row">${siteButton(site, index, 'link')}</th><td>${status}</td><td>${site.numAps}</td><td>${site.numClients ?? 'n/a'}</td>${cells.join('')}</tr>`;
		})
		.join('');
	return `<section class="wide" aria-labelledby="h-sle"><h2 id="h-sle">SLE per site</h2><table><caption>Share of user minutes that met each service level, last hour</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function incidents(model: DashboardModel): string {
	const body = model.incidents.length
		? `<div class="scroll" tabindex="0" role="region" aria-label="Open incidents list"><table><thead><tr><th scope="col">Severity</th><th scope="col">Site</th><th scope="col">Summary</th><th scope="col">Age</th></tr></thead><tbody>${model.incidents
				.map(
					(incident) =>
						`<tr data-incident="${esc(incident.rule)}"><td><span class="badge sev-${incident.severity}">${incident.severity}</span></td><td>${esc(incident.siteName)}</td><td>${esc(incident.summary)}</td><td>${ageText(incident.ageMinutes)}</td></tr>`,
				)
				.join('')}</tbody></table></div>`
		: '<p class="empty">No open incidents.</p>';
	return `<section aria-labelledby="h-incidents"><h2 id="h-incidents">Open incidents</h2>${body}</section>`;
}

function worstClients(model: DashboardModel): string {
	const head = WORST_CLIENTS_HEAD.map((label) => `<th scope="col">${esc(label)}</th>`).join('');
	const body = model.worstClients.length
		? `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${model.worstClients
				.map(
					(row) =>
						`<tr data-worst-client="${esc(row.measure)}">${worstClientCells(row)
							.map((cell) => `<td>${esc(cell)}</td>`)
							.join('')}</tr>`,
				)
				.join('')}</tbody></table></div>`
		: '<p class="empty">No client measured below the thresholds. Client Health sweeps with Cover Every Site Within read every site\'s clients in turn.</p>';
	const coverage = model.clientCoverage ? `<p class="empty">${esc(model.clientCoverage)}</p>` : '';
	return `<section aria-labelledby="h-worst-clients"><h2 id="h-worst-clients">Worst clients</h2>${coverage}${body}</section>`;
}

function remediation(model: DashboardModel): string {
	const body = model.remediation.length
		? `<table><thead><tr><th scope="col">When</th><th scope="col">Operation</th><th scope="col">Target</th><th scope="col">Decision</th><th scope="col">Result</th></tr></thead><tbody>${model.remediation
				.map(
					(row) =>
						`<tr><td>${esc(new Date(row.timestamp).toISOString().slice(0, 16).replace('T', ' '))}</td><td>${esc(row.operation)}</td><td>${esc(row.target)}</td><td>${esc(row.decision)}</td><td>${esc(row.result)}</td></tr>`,
				)
				.join('')}</tbody></table>`
		: '<p class="empty">No remediation recorded. Mist Remediate nodes that keep their audit in the same memory list their actions here.</p>';
	return `<section aria-labelledby="h-remediation"><h2 id="h-remediation">Recent remediation</h2>${body}</section>`;
}

/** A sparkline of one site's mean SLE; a single sample is drawn as a dot. */
export function sparkline(values: number[], label: string): string {
	const width = 160;
	const height = 32;
	if (!values.length)
		return `<svg width="${width}" height="${height}" role="img" aria-label="${esc(label)}: no samples yet"></svg>`;
	const min = Math.min(...values, 90);
	const max = Math.max(...values, 100);
	const x = (index: number) =>
		values.length === 1 ? width - 4 : 4 + (index * (width - 8)) / (values.length - 1);
	const y = (value: number) => height - 4 - ((value - min) / (max - min || 1)) * (height - 8);
	const points = values
		.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`)
		.join(' ');
	const last = values[values.length - 1];
	return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(label)}: ${values.length} sample(s), latest ${percent(last)}"><polyline points="${points}" fill="none" stroke="#1565c0" stroke-width="2"/><circle cx="${x(values.length - 1).toFixed(1)}" cy="${y(last).toFixed(1)}" r="3" fill="#1565c0"/></svg>`;
}

function trends(model: DashboardModel): string {
	const rows = model.sites
		.map((site) => {
			const last = site.trend[site.trend.length - 1];
			return `<div class="spark"><span class="name">${esc(site.name)}</span>${sparkline(site.trend, `${site.name} mean SLE`)}<span>${last === undefined ? 'n/a' : percent(last)}</span></div>`;
		})
		.join('');
	return `<section aria-labelledby="h-trends"><h2 id="h-trends">Trends</h2><p class="empty">Mean SLE per site from the report history, one sample per interval, this page's last.</p>${rows || '<p class="empty">No SLE data yet.</p>'}</section>`;
}

function siteMap(site: DashboardSite, index: number, visible: boolean): string {
	const { width, height } = site.extent;
	const radius = Math.max(8, Math.round(Math.min(width, height) / 45));
	const clients = site.clients
		.map((client) => {
			const tip = `${client.hostname} (${client.mac})${client.rssi === undefined ? '' : `\nRSSI ${client.rssi} dBm`}${client.hasProblem ? '\nHas a finding' : ''}`;
			return `<circle class="client${client.hasProblem ? ' client-problem' : ''}" cx="${client.x}" cy="${client.y}" r="${Math.round(radius / 2.5)}" data-tip="${esc(tip)}"><title>${esc(tip)}</title></circle>`;
		})
		.join('');
	const aps = site.aps
		.map((ap) => {
			const tip = [
				`${ap.name} (${ap.mac})`,
				`Status: ${ap.status}`,
				ap.numClients === undefined ? '' : `Clients: ${ap.numClients}`,
				...ap.problems,
			]
				.filter(Boolean)
				.join('\n');
			return `<g class="ap" data-ap="${esc(ap.name)}" data-health="${ap.health}" data-tip="${esc(tip)}"><circle class="ap-${ap.health}" cx="${ap.x}" cy="${ap.y}" r="${radius}" stroke="#fff" stroke-width="2"><title>${esc(tip)}</title></circle><text x="${ap.x}" y="${ap.y + radius * 2.2}" font-size="${Math.round(radius * 1.2)}" text-anchor="middle" fill="#424242">${esc(ap.name)}</text></g>`;
		})
		.join('');
	const red = site.aps.filter((ap) => ap.health === 'red').length;
	const label = `${site.name} floor map: ${site.aps.length} AP(s), ${red} with a problem, ${site.clients.length} client(s) placed`;
	const drawing =
		site.aps.length || site.clients.length
			? `<svg viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" role="img" aria-label="${esc(label)}">${clients}${aps}</svg>`
			: '<p class="empty">No AP of this site has a map position.</p>';
	const notes = [
		site.unplacedAps ? `${site.unplacedAps} AP(s) without a map position are not drawn.` : '',
		site.clients.length
			? ''
			: 'Client positions: not loaded for this site (the workflow reads them for one site; add ?site=<site id> to the URL).',
	]
		.filter(Boolean)
		.map((note) => `<p class="empty">${esc(note)}</p>`)
		.join('');
	return `<div class="site-map" id="site-map-${index}" data-site="${esc(site.name)}"${visible ? '' : ' hidden'}><h3>${esc(site.name)} <span class="badge st-${site.status}">${site.status}</span></h3>${drawing}${notes}</div>`;
}

function siteView(model: DashboardModel): string {
	if (!model.sites.length) return '';
	const buttons = model.sites
		.map((site, index) =>
			siteButton(site, index, 'site').replace('<button ', `<button aria-pressed="${index === 0}" `),
		)
		.join('');
	const legend =
		'<div class="legend" aria-hidden="true"><span><i style="background:var(--red)"></i>AP with a finding</span><span><i style="background:var(--green)"></i>Healthy AP</span><span><i style="background:var(--grey)"></i>AP not connected</span><span><i style="background:#90a4ae"></i>Client</span><span><i style="background:var(--amber)"></i>Client with a finding</span></div>';
	return `<section class="wide" id="site-view" aria-labelledby="h-site-view"><h2 id="h-site-view">Site view</h2><div class="site-buttons" role="group" aria-label="Choose a site">${buttons}</div>${legend}${model.sites.map((site, index) => siteMap(site, index, index === 0)).join('')}</section>`;
}

function dataErrors(model: DashboardModel): string {
	if (!model.dataErrors.length) return '';
	return `<section class="wide errors" role="alert" aria-labelledby="h-errors"><h2 id="h-errors">Some data could not be loaded</h2><ul>${model.dataErrors.map((error) => `<li>${esc(error)}</li>`).join('')}</ul></section>`;
}

export function renderDashboardHtml(model: DashboardModel): string {
	const generated = new Date(model.generatedAt).toISOString().replace('T', ' ').slice(0, 19);
	return [
		'<!DOCTYPE html>',
		'<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
		// An empty icon stops the browser from asking the server for /favicon.ico.
		`<title>${esc(model.title)}</title><link rel="icon" href="data:,"><style>${DASHBOARD_CSS}</style></head><body>`,
		`<header><h1>${esc(model.title)}</h1><p>Generated ${generated} UTC · ${model.sites.length} site(s)</p></header>`,
		`<main>${dataErrors(model)}${glance(model)}${incidents(model)}${sleTable(model)}${siteView(model)}${trends(model)}${worstClients(model)}${remediation(model)}</main>`,
		'<div id="tooltip" role="tooltip" hidden></div>',
		`<script>${DASHBOARD_SCRIPT}</script>`,
		'</body></html>',
	].join('\n');
}
