/**
 * The dashboard's stylesheet and script, inlined into the page: it must work offline and behind a
 * strict network, so nothing is loaded from anywhere. The script only toggles visibility and shows
 * tooltips; every text it shows comes from escaped attributes and is set with textContent.
 */

export const DASHBOARD_CSS = `
:root{--red:#c62828;--green:#2e7d32;--grey:#757575;--amber:#ef6c00;--blue:#1565c0;--ink:#212121;--line:#e0e0e0;}
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#f5f6f8}
header{background:#0d2b45;color:#fff;padding:16px 24px}
header h1{margin:0;font-size:22px}
header p{margin:4px 0 0;font-size:13px;color:#cfd8dc}
main{padding:16px 24px;display:grid;gap:16px;grid-template-columns:minmax(300px,2fr) minmax(360px,3fr);max-width:1600px}
@media (max-width:900px){main{grid-template-columns:1fr}}
section{background:#fff;border:1px solid var(--line);border-radius:6px;padding:12px 16px;min-width:0}
section.wide{grid-column:1/-1}
h2{font-size:17px;margin:0 0 10px}
table{border-collapse:collapse;width:100%;font-size:13px}
caption{text-align:left;font-size:12px;color:var(--grey);padding-bottom:4px}
th{text-align:left;border-bottom:2px solid #9e9e9e;padding:6px;font-size:12px;color:#424242}
td,tbody th{border-bottom:1px solid var(--line);padding:6px;vertical-align:middle}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin-bottom:10px}
.card{border:1px solid var(--line);border-radius:6px;padding:8px 12px;min-width:120px}
.card .label{font-size:12px;color:var(--grey)}
.card .value{font-size:24px;font-weight:700}
.good{color:var(--green)}.bad{color:var(--red)}
.badge{display:inline-block;padding:2px 7px;border-radius:3px;color:#fff;font-size:11px;font-weight:700;text-transform:uppercase}
.sev-critical{background:#b71c1c}.sev-major{background:var(--amber)}.sev-minor{background:#f9a825;color:#212121}.sev-info{background:var(--blue)}
.st-healthy{background:var(--green)}.st-degraded{background:var(--red)}
.bar{width:80px;height:8px;background:#eee;border-radius:4px;overflow:hidden;margin-top:2px}
.bar span{display:block;height:100%}
.scroll{max-height:460px;overflow:auto}
.scroll th{position:sticky;top:0;background:#fff}
.empty{color:var(--grey);font-size:13px;margin:4px 0}
.errors{border-color:var(--amber);background:#fff8e1}
.site-buttons{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:10px}
button.site{font:inherit;font-size:13px;padding:6px 12px;border-radius:16px;border:2px solid var(--line);background:#fff;cursor:pointer}
button.site[aria-pressed=true]{border-color:#0d2b45;background:#e3f2fd}
button.link{font:inherit;border:0;background:none;padding:0;color:#0d47a1;text-decoration:underline;cursor:pointer}
.site-map svg{width:100%;max-height:480px;background:#fafafa;border:1px solid var(--line);border-radius:4px}
.ap-red{fill:var(--red)}.ap-green{fill:var(--green)}.ap-grey{fill:var(--grey)}
.client{fill:#90a4ae;opacity:.8}.client-problem{fill:var(--amber);opacity:1}
.legend{display:flex;gap:14px;font-size:12px;color:#424242;margin:6px 0}
.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px;vertical-align:middle}
.spark{display:flex;align-items:center;gap:10px;font-size:13px;margin:4px 0}
.spark .name{width:140px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
#tooltip{position:absolute;pointer-events:none;background:#263238;color:#fff;font-size:12px;padding:6px 8px;border-radius:4px;max-width:320px;white-space:pre-line;z-index:10}
`;

export const DASHBOARD_SCRIPT = `
(function () {
	var targets = document.querySelectorAll('[data-site-target]');
	function show(id) {
		document.querySelectorAll('.site-map').forEach(function (map) { map.hidden = map.id !== id; });
		document.querySelectorAll('button.site').forEach(function (button) {
			button.setAttribute('aria-pressed', String(button.getAttribute('data-site-target') === id));
		});
	}
	targets.forEach(function (target) {
		target.addEventListener('click', function () {
			var id = target.getAttribute('data-site-target');
			show(id);
			if (!target.classList.contains('site')) document.getElementById('site-view').scrollIntoView();
		});
	});
	var tip = document.getElementById('tooltip');
	document.addEventListener('mouseover', function (event) {
		var element = event.target.closest ? event.target.closest('[data-tip]') : null;
		if (!element) { tip.hidden = true; return; }
		tip.textContent = element.getAttribute('data-tip');
		tip.hidden = false;
	});
	document.addEventListener('mousemove', function (event) {
		tip.style.left = event.pageX + 14 + 'px';
		tip.style.top = event.pageY + 14 + 'px';
	});
	document.documentElement.setAttribute('data-ready', 'true');
})();
`;
