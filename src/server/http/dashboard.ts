/**
 * The coordinator's dashboard: one static page, its script and style, served by the endpoint.
 * The admin token is typed in, kept in sessionStorage and sent only as a Bearer header — never
 * in a URL. Everything shown is put in with textContent, never as HTML.
 */

/** The page at GET /dashboard. */
export const DASHBOARD_HTML = `<!doctype html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Terskel – oversikt</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/dashboard/style.css">
<script type="module" src="/dashboard/app.js"></script>
</head>
<body>
<header><h1>Terskel – oversikt for koordinator</h1></header>
<main>
  <form id="login" hidden>
    <label for="token">Admin-nøkkel</label>
    <input id="token" type="password" autocomplete="off" spellcheck="false" required>
    <button type="submit">Logg inn</button>
    <p class="hint">Nøkkelen lages med <code>npm run terskel -- admin add</code>. Den lagres bare i denne fanen.</p>
  </form>
  <section id="overview" hidden>
    <p><button type="button" id="logout">Logg ut</button></p>
    <h2>Steder og nettbrett</h2>
    <div id="sites"></div>
    <h2>Tall per dag</h2>
    <form id="range">
      <label>Sted <select id="site"></select></label>
      <label>Fra <input id="from" type="date" required></label>
      <label>Til <input id="to" type="date" required></label>
      <label>Teller <select id="counter"></select></label>
      <button type="submit">Vis</button>
      <button type="button" id="csv">Last ned CSV</button>
    </form>
    <div id="chart" role="img" aria-label="Søylediagram over tall per dag"></div>
    <table id="days"><thead><tr><th>Dato</th><th class="num">Nettbrett</th><th>Stengt</th><th class="num">Tall</th><th class="num">Kroner</th></tr></thead><tbody></tbody></table>
  </section>
  <p id="status" role="status" aria-live="polite"></p>
</main>
</body>
</html>
`;

/** The dashboard's style. */
export const DASHBOARD_CSS = `
[hidden] { display: none !important; }
:root { color-scheme: light; --ink: #1d3557; --paper: #fbf7f0; --bar: #2a6f97; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: var(--paper); color: #111; }
header { background: var(--ink); color: #fff; padding: 0.75rem 1.25rem; }
h1 { font-size: 1.25rem; margin: 0; }
main { padding: 1rem 1.25rem; max-width: 72rem; }
form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; margin: 0.5rem 0 1rem; }
label { display: flex; flex-direction: column; font-weight: 600; }
input, select, button { font: inherit; padding: 0.35rem 0.6rem; min-height: 2.5rem; }
button { background: var(--ink); color: #fff; border: 0; border-radius: 0.3rem; cursor: pointer; }
.hint { flex-basis: 100%; margin: 0; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; background: #fff; }
th, td { text-align: left; padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.revoked { color: #8a1c1c; }
#chart svg { width: 100%; height: 14rem; background: #fff; }
#chart rect { fill: var(--bar); }
#chart text { font-size: 10px; fill: #333; }
#status { min-height: 1.5rem; font-weight: 600; }
`;

/** The dashboard's script: fetches with the token in a header, downloads CSV via a Blob. */
export const DASHBOARD_JS = `
const KEY = 'terskel-admin-token';
const $ = (id) => document.getElementById(id);
const status = (text) => { $('status').textContent = text; };
const token = () => sessionStorage.getItem(KEY);

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() }, cache: 'no-store' });
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(KEY);
    show();
    throw new Error('Nøkkelen ble ikke godtatt.');
  }
  if (!response.ok) {
    let message = 'Feil ' + response.status;
    try { message = (await response.json()).message || message; } catch {}
    throw new Error(message);
  }
  return response;
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

const when = (iso) => (iso ? new Date(iso).toLocaleString('nb-NO') : 'aldri');

async function loadSites() {
  const { sites } = await (await api('/api/v1/admin/sites')).json();
  const box = $('sites');
  box.replaceChildren();
  const select = $('site');
  select.replaceChildren();
  for (const site of sites) {
    const h = document.createElement('h3');
    h.textContent = site.name + ' (' + site.slug + ')';
    box.appendChild(h);
    const table = document.createElement('table');
    const head = table.createTHead().insertRow();
    for (const title of ['Nettbrett', 'Navn', 'Sist synkronisert', 'Appversjon', 'Status']) {
      const th = document.createElement('th');
      th.textContent = title;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const device of site.devices) {
      const row = body.insertRow();
      cell(row, device.id.slice(0, 8));
      cell(row, device.label || '');
      cell(row, when(device.lastSeenAt));
      cell(row, device.appVersion || '');
      cell(row, device.revokedAt ? 'tilbakekalt' : 'aktiv', device.revokedAt ? 'revoked' : '');
    }
    if (site.devices.length === 0) cell(body.insertRow(), 'Ingen nettbrett ennå.').colSpan = 5;
    box.appendChild(table);
    const option = document.createElement('option');
    option.value = site.slug;
    option.textContent = site.name;
    select.appendChild(option);
  }
}

function query() {
  return '?from=' + encodeURIComponent($('from').value) + '&to=' + encodeURIComponent($('to').value);
}

let lastDays = [];

function drawChart(days, counter) {
  const NS = 'http://www.w3.org/2000/svg';
  const points = days.map((day) => {
    const total = day.totals.find((t) => t.counter === counter && t.option === undefined && t.hour === undefined);
    return { date: day.date, net: total ? total.net : 0 };
  });
  const svg = document.createElementNS(NS, 'svg');
  const width = Math.max(points.length * 24, 240);
  svg.setAttribute('viewBox', '0 0 ' + width + ' 220');
  svg.setAttribute('preserveAspectRatio', 'none');
  const max = Math.max(1, ...points.map((p) => p.net));
  points.forEach((point, i) => {
    const height = Math.max(0, (point.net / max) * 180);
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('x', String(i * 24 + 4));
    rect.setAttribute('y', String(195 - height));
    rect.setAttribute('width', '16');
    rect.setAttribute('height', String(height));
    const title = document.createElementNS(NS, 'title');
    title.textContent = point.date + ': ' + point.net;
    rect.appendChild(title);
    svg.appendChild(rect);
    const label = document.createElementNS(NS, 'text');
    label.setAttribute('x', String(i * 24 + 4));
    label.setAttribute('y', '210');
    label.textContent = point.date.slice(8);
    svg.appendChild(label);
  });
  $('chart').replaceChildren(svg);
}

function render() {
  const counter = $('counter').value;
  drawChart(lastDays, counter);
  const body = $('days').tBodies[0];
  body.replaceChildren();
  for (const day of lastDays) {
    const total = day.totals.find((t) => t.counter === counter && t.option === undefined && t.hour === undefined);
    const row = body.insertRow();
    cell(row, day.date);
    cell(row, day.replicas, 'num');
    cell(row, day.closed ? 'ja' : 'nei');
    cell(row, total ? total.net : 0, 'num');
    cell(row, total && total.amountNok !== undefined ? total.amountNok : '', 'num');
  }
}

async function loadDays() {
  status('Henter …');
  const site = $('site').value;
  const answer = await (await api('/api/v1/sites/' + encodeURIComponent(site) + '/days' + query())).json();
  lastDays = answer.days;
  const counters = [...new Set(lastDays.flatMap((day) => day.totals.map((t) => t.counter)))].sort();
  const select = $('counter');
  const previous = select.value || 'visit';
  select.replaceChildren();
  for (const counter of counters) {
    const option = document.createElement('option');
    option.value = option.textContent = counter;
    select.appendChild(option);
  }
  if (counters.includes(previous)) select.value = previous;
  render();
  status(lastDays.length + ' dager med tall.');
}

async function downloadCsv() {
  const site = $('site').value;
  const response = await api('/api/v1/sites/' + encodeURIComponent(site) + '/days.csv' + query());
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = 'terskel-' + site + '-' + $('from').value + '-' + $('to').value + '.csv';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const guarded = (work) => (event) => {
  if (event) event.preventDefault();
  work().catch((error) => status(error.message));
};

function show() {
  const signedIn = Boolean(token());
  $('login').hidden = signedIn;
  $('overview').hidden = !signedIn;
  if (signedIn) guarded(async () => { await loadSites(); await loadDays(); })();
}

document.addEventListener('DOMContentLoaded', () => {
  const today = new Date();
  const iso = (d) => d.toISOString().slice(0, 10);
  $('to').value = iso(today);
  $('from').value = iso(new Date(today.getTime() - 29 * 86400000));
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('token').value.trim());
    $('token').value = '';
    show();
  });
  $('logout').addEventListener('click', () => { sessionStorage.removeItem(KEY); lastDays = []; show(); });
  $('range').addEventListener('submit', guarded(loadDays));
  $('counter').addEventListener('change', render);
  $('csv').addEventListener('click', guarded(downloadCsv));
  show();
});
`;
