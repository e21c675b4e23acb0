// Handoff dashboard: plain JavaScript over the public REST API; no build step.
'use strict';

const $ = (sel) => document.querySelector(sel);
const text = (v) => (v === null || v === undefined || v === '' ? '—' : String(v));
const pct = (v) => (v === null || v === undefined ? '—' : (100 * v).toFixed(1) + '%');
let nextCursor = null;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(text(c)));
  return e;
}

/** A table row whose cells hold the given values. */
function row(attrs, ...cells) {
  return el('tr', attrs, ...cells.map((c) => el('td', {}, c)));
}

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

async function loadJourneys(append) {
  const form = new FormData($('#filters'));
  const q = new URLSearchParams({ limit: '50' });
  for (const [k, v] of form.entries()) if (v) q.set(k, v);
  if (append && nextCursor) q.set('cursor', nextCursor);
  const page = await getJson('/api/journeys?' + q);
  const body = $('#journey-table tbody');
  if (!append) body.replaceChildren();
  for (const j of page.items) {
    const tr = row({ 'data-journey': j.journeyId },
      j.journeyId, j.stage, j.channel, j.language, j.intent, j.ticketId, j.priority,
      j.slaBreached ? 'breached' : 'ok', j.updatedAt);
    if (j.slaBreached) tr.children[7].className = 'breached';
    tr.addEventListener('click', () => showJourney(j.journeyId));
    body.append(tr);
  }
  nextCursor = page.nextCursor;
  $('#more').hidden = !nextCursor;
}

function card(label, value) {
  return el('div', { class: 'card' }, el('b', {}, value), label);
}

async function showJourney(id) {
  const v = await getJson('/api/journeys/' + encodeURIComponent(id));
  $('#journey-detail').hidden = false;
  $('#detail-id').textContent = v.journeyId;
  const r = v.routing || {};
  const dec = (d) => (d ? `${text(d.intent)} → ${text(d.group)} (${text(d.handoff)}, ${d.confidence == null ? '—' : d.confidence.toFixed(2)})` : '—');
  $('#detail-summary').replaceChildren(
    card('stage', v.stage), card('language', text(v.language)), card('tags', (v.tags || []).join(', ') || '—'),
    card('messages sent', v.messagesSent),
    card('ticket', v.ticket ? `#${v.ticket.id} ${text(v.ticket.status)} ${text(v.ticket.priority)} ${text(v.ticket.group)}` : '—'),
    card('rules router', dec(r.rules)), card('AI router', dec(r.ai)),
    card('acting / agree', `${text(r.active)} / ${r.agree === null || r.agree === undefined ? '—' : r.agree ? 'yes' : 'no'}`));
  const sla = $('#detail-sla tbody');
  sla.replaceChildren();
  for (const [metric, c] of Object.entries(v.sla || {})) {
    const state = c.breached ? 'breached' : c.fulfilled ? 'fulfilled' : c.paused ? 'paused' : 'running';
    const tr = row({}, metric, c.target, c.dueAt, c.secondsLeft == null ? '—' : c.secondsLeft + ' s', state);
    if (c.breached) tr.className = 'breached';
    sla.append(tr);
  }
  const tl = $('#detail-timeline');
  tl.replaceChildren();
  for (const e of v.timeline || []) {
    const li = el('li', { 'data-step': e.step }, el('span', { class: 'muted' }, e.at + ' '), el('b', {}, e.step),
      e.text ? ' — ' + e.text : '');
    if (e.trace) {
      li.append(el('details', {}, el('summary', {}, 'decision trace'), el('pre', {}, JSON.stringify(e.trace, null, 2))));
    }
    tl.append(li);
  }
  $('#journey-detail').scrollIntoView();
}

function barChart(svg, items, max) {
  const w = +svg.getAttribute('width');
  const h = +svg.getAttribute('height');
  svg.replaceChildren();
  const ns = 'http://www.w3.org/2000/svg';
  const bw = items.length ? Math.min(60, (w - 40) / items.length - 8) : 0;
  items.forEach((it, i) => {
    const x = 30 + i * (bw + 8);
    const bh = it.value == null ? 0 : (h - 40) * (it.value / max);
    const rect = document.createElementNS(ns, 'rect');
    Object.entries({ x, y: h - 20 - bh, width: bw, height: bh, fill: it.color || '#3b82f6' })
      .forEach(([k, v]) => rect.setAttribute(k, v));
    const title = document.createElementNS(ns, 'title');
    title.textContent = `${it.label}: ${pct(it.value)}`;
    rect.append(title);
    const label = document.createElementNS(ns, 'text');
    Object.entries({ x, y: h - 5, 'font-size': 10 }).forEach(([k, v]) => label.setAttribute(k, v));
    label.textContent = it.label;
    svg.append(rect, label);
  });
}

async function loadComparison() {
  const c = await getJson('/api/routing/comparison');
  const rules = c.routers.rules;
  const ai = c.routers.ai;
  $('#comparison-headline').replaceChildren(
    card('journeys', c.journeys), card('both routers decided', c.bothDecided), card('agreement', pct(c.agreement)),
    card('rules accuracy', pct(rules.accuracy)), card('AI accuracy', pct(ai.accuracy)),
    card('rules handoff rate', pct(rules.handoffRate)), card('AI handoff rate', pct(ai.handoffRate)),
    card('SLA breaches (rules / AI acting)', `${rules.slaBreachesWhenActing} / ${ai.slaBreachesWhenActing}`));
  barChart($('#agreement-chart'), Object.entries(c.byDay).map(([d, s]) => ({ label: d.slice(5), value: s.agreement })), 1);
  const langs = [];
  for (const [lang, s] of Object.entries(c.byLanguage)) {
    langs.push({ label: lang + ' rules', value: s.rulesAccuracy, color: '#f59e0b' });
    langs.push({ label: lang + ' AI', value: s.aiAccuracy, color: '#3b82f6' });
  }
  barChart($('#language-chart'), langs, 1);
  const body = $('#confusion tbody');
  body.replaceChildren();
  for (const cell of c.confusion) body.append(row({}, cell.rules, cell.ai, cell.human, cell.journeys));
}

function loadAll() {
  loadJourneys(false).catch((e) => console.error(e));
  loadComparison().catch((e) => console.error(e));
}

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
loadAll();
