// Handoff dashboard: plain JavaScript over the public REST API; no build step.
'use strict';

const $ = (sel) => document.querySelector(sel);
const text = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
const pct = (v) => (v === null || v === undefined ? '—' : (100 * v).toFixed(1) + ' %');
/** Rates over fewer journeys than this are flagged "small n". */
const SMALL_N = 30;
let nextCursor = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(text(c)));
  return e;
}

/** A table row whose cells hold the given values (nodes or text). */
function row(attrs, ...cells) {
  return el('tr', attrs, ...cells.map((c) => el('td', {}, c)));
}

// ---- Times and durations -------------------------------------------------------------------------

/** Seconds of a duration as the API writes it: a number of seconds, or ISO-8601 ("PT1H30M"). */
function seconds(d) {
  if (d === null || d === undefined) return null;
  if (typeof d === 'number') return d;
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?)?$/.exec(String(d));
  if (!m) return Number(d);
  const s = (+m[2] || 0) * 86400 + (+m[3] || 0) * 3600 + (+m[4] || 0) * 60 + (+m[5] || 0);
  return m[1] ? -s : s;
}

/**
 * "1 h 30 min", "2 d 4 h", "45 s": the two largest units, for people. {@code hoursAtMost}: no days (a
 * business-hours target of 24 h is not a day).
 */
function human(secs, hoursAtMost) {
  if (secs === null || secs === undefined || Number.isNaN(secs)) return '—';
  let s = Math.round(Math.abs(secs));
  if (s === 0) return '0 s';
  const units = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]].slice(hoursAtMost ? 1 : 0);
  const parts = [];
  for (const [name, size] of units) {
    if (s >= size && parts.length < 2) {
      parts.push(Math.floor(s / size) + ' ' + name);
      s %= size;
    } else if (parts.length) {
      break;
    }
  }
  return parts.join(' ');
}

/** An instant in the reader's time zone, e.g. "3 Dec 2026, 14:05:09". */
function localTime(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A <time> element: local, readable, the exact instant on hover. */
function timeEl(iso) {
  return el('time', iso ? { datetime: iso, title: iso } : {}, localTime(iso));
}

/** A countdown to an instant, updated every second by tick(). */
function countdown(iso) {
  const span = el('span', { class: 'countdown', 'data-due': iso });
  renderCountdown(span);
  return span;
}

function renderCountdown(span) {
  const left = (Date.parse(span.getAttribute('data-due')) - Date.now()) / 1000;
  span.textContent = left >= 0 ? human(left) : 'overdue by ' + human(-left);
  span.classList.toggle('breached', left < 0);
}

function tick() {
  document.querySelectorAll('.countdown').forEach(renderCountdown);
}

// ---- API -----------------------------------------------------------------------------------------

// Outside the embedded default the API needs credentials: the key typed into the header form is kept in
// this tab's sessionStorage only (gone when the tab closes) and sent as a bearer token.
const KEY_ITEM = 'handoff.apiKey';

function authHeaders() {
  const key = sessionStorage.getItem(KEY_ITEM);
  return key ? { Authorization: 'Bearer ' + key } : {};
}

function showAuthProblem(message) {
  const status = $('#auth-status');
  status.textContent = message || '';
  status.hidden = !message;
}

async function getJson(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json', ...authHeaders() } });
  if (r.status === 401 || r.status === 403) {
    const problem = await r.json().catch(() => ({}));
    showAuthProblem((r.status === 401 ? 'Enter an API key: ' : 'This key cannot read the dashboard: ')
      + (problem.detail || r.status));
    throw new Error(url + ' → ' + r.status);
  }
  if (!r.ok) throw new Error(url + ' → ' + r.status);
  showAuthProblem('');
  return r.json();
}

// ---- Journey list --------------------------------------------------------------------------------

async function loadJourneys(append) {
  const form = new FormData($('#filters'));
  const q = new URLSearchParams({ limit: '50' });
  for (const [k, v] of form.entries()) if (v) q.set(k, v);
  if (append && nextCursor) q.set('cursor', nextCursor);
  const page = await getJson('/api/journeys?' + q);
  const body = $('#journey-table tbody');
  if (!append) body.replaceChildren();
  for (const j of page.items) {
    const link = el('a', { href: journeyHash(j.journeyId) }, j.journeyId);
    const tr = row({ 'data-journey': j.journeyId },
      link, j.customerName, el('span', { class: 'subject', title: j.subject || '' }, j.subject), j.stage, j.channel,
      j.language, j.intent, j.ticketId, j.priority, j.slaBreached ? 'breached' : 'ok', timeEl(j.updatedAt));
    if (j.slaBreached) tr.children[9].className = 'breached';
    tr.addEventListener('click', (e) => {
      if (e.target.tagName === 'A') return;
      if (location.hash === journeyHash(j.journeyId)) openFromHash();
      else location.hash = journeyHash(j.journeyId);
    });
    body.append(tr);
  }
  nextCursor = page.nextCursor;
  $('#more').hidden = !nextCursor;
}

// ---- Journey detail (deep link: #journey=<id>) ---------------------------------------------------

function journeyHash(id) {
  return '#journey=' + encodeURIComponent(id);
}

function journeyInHash() {
  const m = /^#journey=(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : null;
}

function card(label, value) {
  return el('div', { class: 'card' }, el('b', {}, value), label);
}

/** What the SLA table says about a clock: IDLE and paused clocks are not running. */
function slaState(c) {
  if (c.breached) return 'breached';
  if (c.fulfilled || c.state === 'FULFILLED') return 'fulfilled';
  if (c.paused || c.state === 'PAUSED') return 'paused';
  if (c.state === 'IDLE') return 'not started';
  return 'running';
}

async function showJourney(id) {
  const v = await getJson('/api/journeys/' + encodeURIComponent(id));
  $('#journey-detail').hidden = false;
  $('#detail-id').textContent = v.journeyId;
  $('#detail-link').setAttribute('href', journeyHash(v.journeyId));
  $('#detail-subject').textContent = v.subject ? '“' + v.subject + '”' : '';
  const r = v.routing || {};
  const dec = (d) => (d ? `${text(d.intent)} → ${text(d.group)} (${text(d.handoff)}, ${d.confidence == null ? '—' : d.confidence.toFixed(2)})` : '—');
  const customer = v.customer ? `${text(v.customer.name)}${v.customer.tier ? ' · ' + v.customer.tier : ''}${v.customer.locale ? ' · ' + v.customer.locale : ''}` : '—';
  $('#detail-summary').replaceChildren(
    card('customer', customer), card('stage', v.stage), card('language', text(v.language)),
    card('tags', (v.tags || []).join(', ') || '—'), card('messages sent', v.messagesSent),
    card('ticket', v.ticket ? `#${v.ticket.id} ${text(v.ticket.status)} ${text(v.ticket.priority)} ${text(v.ticket.group)}` : '—'),
    card('session', text(v.sessionState)), card('started', timeEl(v.startedAt)), card('updated', timeEl(v.updatedAt)),
    card('rules router', dec(r.rules)), card('AI router', dec(r.ai)),
    card('acting / agree', `${text(r.active)} / ${r.agree === null || r.agree === undefined ? '—' : r.agree ? 'yes' : 'no'}`));
  const clocks = $('#detail-clocks tbody');
  clocks.replaceChildren();
  for (const c of v.nextClocks || []) {
    clocks.append(row({ 'data-clock': c.clock }, c.clock, c.summary, timeEl(c.dueAt), countdown(c.dueAt)));
  }
  if (!clocks.children.length) clocks.append(row({}, 'none running', '', '', ''));
  const sla = $('#detail-sla tbody');
  sla.replaceChildren();
  const order = ['first_reply_time', 'next_reply_time', 'periodic_update_time', 'pausable_update_time',
    'requester_wait_time', 'agent_work_time', 'total_resolution_time'];
  const rank = (m) => (order.indexOf(m) < 0 ? order.length : order.indexOf(m));
  for (const [metric, c] of Object.entries(v.sla || {}).sort((a, b) => rank(a[0]) - rank(b[0]))) {
    const state = slaState(c);
    // A running clock counts down to dueAt; a paused one keeps the working time it had left.
    const left = state === 'running' && c.dueAt ? countdown(c.dueAt)
      : state === 'paused' ? human(seconds(c.timeLeft), c.businessHours) + ' (paused)' : state === 'breached' ? 'breached' : '—';
    const tr = row({ 'data-metric': metric, 'data-state': state }, metric, c.policy,
      c.businessHours ? human(seconds(c.target), true) + ' (business hours)' : human(seconds(c.target)), timeEl(c.dueAt), left, state);
    if (c.breached) tr.className = 'breached';
    sla.append(tr);
  }
  const tl = $('#detail-timeline');
  tl.replaceChildren();
  for (const e of v.timeline || []) {
    const li = el('li', { 'data-step': e.step }, el('span', { class: 'muted' }, timeEl(e.at), ' '), el('b', {}, e.step));
    if (e.text) li.append(' — ' + e.text);
    if (e.trace) {
      li.append(el('details', {}, el('summary', {}, 'decision trace'), el('pre', {}, JSON.stringify(e.trace, null, 2))));
    }
    tl.append(li);
  }
  $('#journey-detail').scrollIntoView();
}

function openFromHash() {
  const id = journeyInHash();
  if (id) showJourney(id).catch((e) => console.error(e));
}

// ---- Comparison ----------------------------------------------------------------------------------

/** A rate with its n, flagged when n is small. */
function rate(value, n) {
  const span = el('span', {}, pct(value), el('small', { class: 'n' }, ` n = ${n}`));
  if (n < SMALL_N) span.append(' ', el('span', { class: 'small-n', title: `fewer than ${SMALL_N} journeys` }, 'small n'));
  return span;
}

const NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, content) {
  const e = document.createElementNS(NS, tag);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (content !== undefined) e.textContent = content;
  return e;
}

/**
 * A bar chart of rates (0–100 %) with a y axis, gridlines, the value above each bar, its label and n
 * below; bars over a small n are drawn pale and say so.
 */
function barChart(svg, items, yLabel) {
  const w = +svg.getAttribute('width');
  const h = +svg.getAttribute('height');
  const left = 48;
  const top = 24;
  const bottom = 48;
  const plotH = h - top - bottom;
  svg.replaceChildren();
  svg.append(svgEl('text', { x: 4, y: 12, 'font-size': 11, class: 'axis-title' }, yLabel));
  for (const t of [0, 25, 50, 75, 100]) {
    const y = top + plotH * (1 - t / 100);
    svg.append(svgEl('line', { x1: left, x2: w - 4, y1: y, y2: y, class: 'grid' }));
    svg.append(svgEl('text', { x: left - 6, y: y + 4, 'font-size': 10, 'text-anchor': 'end', class: 'tick' }, t + ' %'));
  }
  svg.append(svgEl('line', { x1: left, x2: left, y1: top, y2: top + plotH, class: 'axis' }));
  svg.append(svgEl('line', { x1: left, x2: w - 4, y1: top + plotH, y2: top + plotH, class: 'axis' }));
  if (!items.length) {
    svg.append(svgEl('text', { x: left + 10, y: top + plotH / 2, 'font-size': 12, class: 'tick' }, 'no journeys yet'));
    return;
  }
  const slot = (w - left - 8) / items.length;
  const bw = Math.min(56, slot - 10);
  items.forEach((it, i) => {
    const x = left + 6 + i * slot + (slot - bw) / 2;
    const bh = it.value == null ? 0 : plotH * it.value;
    const small = it.n < SMALL_N;
    const rect = svgEl('rect', { x, y: top + plotH - bh, width: bw, height: bh, fill: it.color || '#3b82f6',
      'fill-opacity': small ? 0.45 : 1, 'data-label': it.label });
    rect.append(svgEl('title', {}, `${it.label}: ${pct(it.value)} (n = ${it.n}${small ? ', small n' : ''})`));
    svg.append(rect);
    svg.append(svgEl('text', { x: x + bw / 2, y: top + plotH - bh - 4, 'font-size': 10, 'text-anchor': 'middle',
      class: 'value' }, it.value == null ? '—' : Math.round(100 * it.value) + ' %'));
    svg.append(svgEl('text', { x: x + bw / 2, y: top + plotH + 14, 'font-size': 10, 'text-anchor': 'middle', class: 'tick' },
      it.label));
    svg.append(svgEl('text', { x: x + bw / 2, y: top + plotH + 28, 'font-size': 10, 'text-anchor': 'middle',
      class: small ? 'tick small-n-text' : 'tick' }, `n=${it.n}${small ? '*' : ''}`));
  });
}

async function loadComparison() {
  const c = await getJson('/api/routing/comparison');
  const rules = c.routers.rules;
  const ai = c.routers.ai;
  $('#comparison-headline').replaceChildren(
    card('journeys', c.journeys), card('both routers decided', c.bothDecided),
    card('agreement', rate(c.agreement, c.bothDecided)),
    card('rules accuracy', rate(rules.accuracy, rules.scored)), card('AI accuracy', rate(ai.accuracy, ai.scored)),
    card('rules handoff rate', rate(rules.handoffRate, rules.decided)),
    card('AI handoff rate', rate(ai.handoffRate, ai.decided)),
    card('SLA breaches (rules / AI acting)', `${rules.slaBreachesWhenActing} of ${rules.acted} / ${ai.slaBreachesWhenActing} of ${ai.acted}`));
  barChart($('#agreement-chart'), Object.entries(c.byDay).map(([d, s]) => ({
    label: new Date(d + 'T00:00:00Z').toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    value: s.agreement, n: s.bothDecided })), 'agreement');
  const langs = [];
  for (const [lang, s] of Object.entries(c.byLanguage)) {
    langs.push({ label: lang + ' rules', value: s.rulesAccuracy, n: s.rulesScored, color: '#f59e0b' });
    langs.push({ label: lang + ' AI', value: s.aiAccuracy, n: s.aiScored, color: '#3b82f6' });
  }
  barChart($('#language-chart'), langs, 'accuracy');
  const body = $('#confusion tbody');
  body.replaceChildren();
  for (const cell of c.confusion) body.append(row({}, cell.rules, cell.ai, cell.human, cell.journeys));
}

function loadAll() {
  loadJourneys(false).catch((e) => console.error(e));
  loadComparison().catch((e) => console.error(e));
  openFromHash();
}

$('#time-zone').textContent = Intl.DateTimeFormat().resolvedOptions().timeZone;
$('#small-n').textContent = SMALL_N;
$('#filters').addEventListener('submit', (e) => { e.preventDefault(); loadJourneys(false); });
$('#more').addEventListener('click', () => loadJourneys(true));
$('#auth').addEventListener('submit', (e) => {
  e.preventDefault();
  const key = $('#api-key').value.trim();
  if (key) sessionStorage.setItem(KEY_ITEM, key);
  $('#api-key').value = '';
  loadAll();
});
$('#forget-key').addEventListener('click', () => { sessionStorage.removeItem(KEY_ITEM); loadAll(); });
window.addEventListener('hashchange', openFromHash);
setInterval(tick, 1000);
loadAll();
