// @ts-check
/*
 * The coordinator's dashboard in the browser: fetches with the admin token in a header (kept in
 * sessionStorage, never in a URL), shows sites and days with textContent only, downloads the CSV
 * through a Blob. Plain JavaScript served as it is; checked by tsc (./tsconfig.json) through
 * the JSDoc types below.
 */

/** @typedef {import('../../../shared/protocol.ts').SiteDay} SiteDay */
/** @typedef {import('../../../shared/protocol.ts').SiteDaysAnswer} SiteDaysAnswer */
/**
 * GET /api/v1/admin/sites's answer.
 * @typedef {{ sites: Array<{ slug: string, name: string, devices: Array<{
 *   id: string, label: string | null, lastSeenAt: string | null, appVersion: string | null,
 *   revokedAt: string | null }> }> }} AdminSitesAnswer
 */
/**
 * The elements of page.html this script uses, by id.
 * @typedef {{
 *   login: HTMLFormElement, token: HTMLInputElement, overview: HTMLElement,
 *   logout: HTMLButtonElement, sites: HTMLElement, range: HTMLFormElement,
 *   site: HTMLSelectElement, from: HTMLInputElement, to: HTMLInputElement,
 *   counter: HTMLSelectElement, csv: HTMLButtonElement, chart: HTMLElement,
 *   days: HTMLTableElement, status: HTMLElement }} Elements
 */

const KEY = 'terskel-admin-token';
/**
 * The page's element with this id (page.html has every one of them).
 * @template {keyof Elements} Id
 * @param {Id} id
 * @returns {Elements[Id]}
 */
const $ = (id) => /** @type {Elements[Id]} */ (document.getElementById(id));
/** @param {string} text */
const status = (text) => {
  $('status').textContent = text;
};
const token = () => sessionStorage.getItem(KEY);

/**
 * A number with its noun in the right form: "1 dag", "2 dager".
 * @param {number} n
 * @param {string} one
 * @param {string} many
 */
const counted = (n, one, many) => n + ' ' + (n === 1 ? one : many);

/**
 * What the counter list calls the counters whose ids are not already plain Norwegian.
 * @type {Record<string, string>}
 */
const COUNTER_NAMES = {
  visit: 'Besøk',
  frivillige: 'Frivillige',
  'frivillig-minutter': 'Frivillige (minutter)',
};

/**
 * A fetch with the token; a refused token signs out.
 * @param {string} path
 */
async function api(path) {
  const response = await fetch(path, {
    headers: { Authorization: 'Bearer ' + token() },
    cache: 'no-store',
  });
  if (response.status === 401 || response.status === 403) {
    sessionStorage.removeItem(KEY);
    show();
    throw new Error('Nøkkelen ble ikke godtatt.');
  }
  if (!response.ok) {
    let message = 'Serveren svarte med en feil (' + response.status + '). Prøv igjen senere.';
    try {
      message = (await response.json()).message || message;
    } catch {}
    throw new Error(message);
  }
  return response;
}

/**
 * Appends a cell with `text` as plain text.
 * @param {HTMLTableRowElement} row
 * @param {string | number | null | undefined} text
 * @param {string} [className]
 */
function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text == null ? '' : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

/** @param {string | null} iso */
const when = (iso) => (iso ? new Date(iso).toLocaleString('nb-NO') : 'aldri');

async function loadSites() {
  const { sites } = /** @type {AdminSitesAnswer} */ (
    await (await api('/api/v1/admin/sites')).json()
  );
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
  return (
    '?from=' + encodeURIComponent($('from').value) + '&to=' + encodeURIComponent($('to').value)
  );
}

/** @type {SiteDay[]} */
let lastDays = [];

/** Room per day: a bar and a "24.12." under it, drawn at its own size and never stretched. */
const STEP = 36;
/** Days shown before the labels thin out to every seventh day. */
const LABEL_EVERY_DAY = 45;

/**
 * "2026-12-05" as "5.12.", the way a date is written short in Norwegian.
 * @param {string} date
 */
const shortDate = (date) => Number(date.slice(8)) + '.' + Number(date.slice(5, 7)) + '.';

/**
 * A bar a day of `counter`'s net total.
 * @param {SiteDay[]} days
 * @param {string} counter
 */
function drawChart(days, counter) {
  const NS = 'http://www.w3.org/2000/svg';
  const points = days.map((day) => {
    const total = day.totals.find(
      (t) => t.counter === counter && t.option === undefined && t.hour === undefined,
    );
    return { date: day.date, net: total ? total.net : 0 };
  });
  const svg = document.createElementNS(NS, 'svg');
  const width = Math.max(points.length * STEP, 240);
  svg.setAttribute('viewBox', '0 0 ' + width + ' 220');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', '220');
  const labelEvery = points.length > LABEL_EVERY_DAY ? 7 : 1;
  const max = Math.max(1, ...points.map((p) => p.net));
  points.forEach((point, i) => {
    const height = Math.max(0, (point.net / max) * 180);
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('x', String(i * STEP + 6));
    rect.setAttribute('y', String(195 - height));
    rect.setAttribute('width', String(STEP - 12));
    rect.setAttribute('height', String(height));
    const title = document.createElementNS(NS, 'title');
    title.textContent = shortDate(point.date) + ': ' + point.net;
    rect.appendChild(title);
    svg.appendChild(rect);
    if (i % labelEvery !== 0) return;
    const label = document.createElementNS(NS, 'text');
    label.setAttribute('x', String(i * STEP + STEP / 2));
    label.setAttribute('y', '212');
    label.setAttribute('text-anchor', 'middle');
    label.textContent = shortDate(point.date);
    svg.appendChild(label);
  });
  $('chart').replaceChildren(svg);
}

function render() {
  const counter = $('counter').value;
  drawChart(lastDays, counter);
  const body = /** @type {HTMLTableSectionElement} */ ($('days').tBodies[0]);
  body.replaceChildren();
  for (const day of lastDays) {
    const total = day.totals.find(
      (t) => t.counter === counter && t.option === undefined && t.hour === undefined,
    );
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
  const answer = /** @type {SiteDaysAnswer} */ (
    await (await api('/api/v1/sites/' + encodeURIComponent(site) + '/days' + query())).json()
  );
  lastDays = answer.days;
  const counters = [...new Set(lastDays.flatMap((day) => day.totals.map((t) => t.counter)))].sort();
  const select = $('counter');
  const previous = select.value || 'visit';
  select.replaceChildren();
  for (const counter of counters) {
    const option = document.createElement('option');
    option.value = counter;
    option.textContent = COUNTER_NAMES[counter] ?? counter;
    select.appendChild(option);
  }
  if (counters.includes(previous)) select.value = previous;
  render();
  status(
    lastDays.length === 0
      ? 'Ingen dager med tall i denne perioden.'
      : counted(lastDays.length, 'dag', 'dager') + ' med tall.',
  );
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

/**
 * An event handler that runs `work` and shows its failure as the status.
 * @param {() => Promise<void>} work
 * @returns {(event?: Event) => void}
 */
const guarded = (work) => (event) => {
  if (event) event.preventDefault();
  work().catch((error) => status(error.message));
};

function show() {
  const signedIn = Boolean(token());
  $('login').hidden = signedIn;
  $('overview').hidden = !signedIn;
  if (signedIn)
    guarded(async () => {
      await loadSites();
      await loadDays();
    })();
}

document.addEventListener('DOMContentLoaded', () => {
  const today = new Date();
  const iso = (/** @type {Date} */ d) => d.toISOString().slice(0, 10);
  $('to').value = iso(today);
  $('from').value = iso(new Date(today.getTime() - 29 * 86400000));
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    sessionStorage.setItem(KEY, $('token').value.trim());
    $('token').value = '';
    show();
  });
  $('logout').addEventListener('click', () => {
    sessionStorage.removeItem(KEY);
    lastDays = [];
    show();
  });
  $('range').addEventListener('submit', guarded(loadDays));
  $('counter').addEventListener('change', render);
  $('csv').addEventListener('click', guarded(downloadCsv));
  show();
});
