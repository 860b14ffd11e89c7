/* The supervisor's list: a website's interactions by state, with offline deliveries. Needs the admin token. */
(function () {
  'use strict';
  const { el, request, detailsList, time } = window.AgentUi;
  const API = '/plugins/chat-website/api';
  const TOKEN_KEY = 'chatWebsite.adminToken';
  const $ = id => document.getElementById(id);

  const initialHash = location.hash; // read before the console strips the fragment
  let adminToken = '';
  let loadSeq = 0;
  let timer = 0;

  function showError(text) { $('supervisor-error').textContent = text || ''; }

  async function loadWebsites() {
    adminToken = $('admin-token').value.trim();
    showError('');
    if (!adminToken) { showError('Enter the admin token.'); $('admin-token').focus(); return; }
    let websites;
    try {
      websites = await request(adminToken, 'GET', API + '/websites');
    } catch (e) {
      showError(e.status === 401 ? 'The admin token was refused.' : e.message);
      if (e.status === 401) sessionStorage.removeItem(TOKEN_KEY);
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, adminToken);
    const select = $('supervisor-website');
    const before = select.value;
    select.replaceChildren(...websites.map(w => el('option', { value: w.id }, w.name || w.id)));
    if (!websites.length) select.append(el('option', { value: '' }, '(no websites)'));
    if (websites.some(w => w.id === before)) select.value = before;
    await loadRows();
    clearInterval(timer);
    timer = setInterval(() => { if (document.visibilityState === 'visible') loadRows(true); }, 15000);
  }

  async function loadRows(quiet) {
    const id = $('supervisor-website').value;
    if (!adminToken || !id) { $('supervisor-rows').replaceChildren(); return; }
    const seq = ++loadSeq;
    const state = $('supervisor-state').value;
    let rows;
    try {
      rows = await request(adminToken, 'GET', API + '/websites/' + encodeURIComponent(id) + '/interactions'
        + (state ? '?state=' + encodeURIComponent(state) : ''));
    } catch (e) {
      if (seq === loadSeq && !quiet) showError(e.message);
      return;
    }
    if (seq !== loadSeq) return;
    showError('');
    const body = $('supervisor-rows');
    body.replaceChildren(...(Array.isArray(rows) ? rows : []).map(row));
    if (!body.children.length) body.append(el('tr', {}, el('td', { colSpan: 7, className: 'muted' }, 'Nothing here.')));
    await loadRatings();
  }

  /** Average scores per website and per agent (who accepted the chat), over all ratings. */
  async function loadRatings() {
    let data;
    try {
      data = await request(adminToken, 'GET', API + '/ratings');
    } catch (e) {
      return; // the list above shows the error, if any
    }
    const avg = a => (typeof a.average === 'number' ? a.average.toFixed(2) : '');
    const fill = (id, items, name) => {
      const body = document.querySelector('#' + id + ' tbody');
      body.replaceChildren(...items.map(a => el('tr', { className: 'rating-average', dataset: { key: String(name(a)) } },
        el('td', {}, String(name(a))), el('td', {}, avg(a)), el('td', {}, String(a.count ?? 0)))));
      if (!items.length) body.append(el('tr', {}, el('td', { colSpan: 3, className: 'muted' }, 'No ratings yet.')));
    };
    fill('ratings-websites', Array.isArray(data.websites) ? data.websites : [], a => a.name || a.id);
    fill('ratings-agents', Array.isArray(data.agents) ? data.agents : [], a => a.agent);
  }

  function ratingCell(rating) {
    if (!rating || typeof rating.score !== 'number') return '';
    return el('span', { className: 'rating', dataset: { score: String(rating.score) } },
      el('span', { attrs: { 'aria-hidden': 'true' } }, '★'.repeat(rating.score) + '☆'.repeat(Math.max(0, 5 - rating.score))),
      el('span', { className: 'visually-hidden' }, rating.score + ' of 5'),
      rating.comment ? el('span', { className: 'rating-comment' }, rating.comment) : null);
  }

  const downloads = { urlFor: id => API + '/uploads/' + encodeURIComponent(id), tokenFor: () => adminToken };

  function row(r) {
    const deliveries = Array.isArray(r.deliveries) ? r.deliveries : [];
    return el('tr', { className: 'row', dataset: { id: String(r.id), state: String(r.state || '') } },
      el('td', {}, el('time', { dateTime: r.createdAt || '' }, time(r.createdAt, true))),
      el('td', {}, el('span', { className: 'state state-' + String(r.state || '').replace(/[^a-z]/g, '') }, r.state || '')),
      el('td', {}, r.disposition || ''),
      el('td', {}, r.agent || ''),
      el('td', {}, ratingCell(r.rating)),
      el('td', {}, detailsList(r.fields || {}, downloads)),
      el('td', {}, deliveries.length ? el('ul', { className: 'deliveries' }, deliveries.map(d => el('li', { className: 'delivery', dataset: { state: String(d.state || '') } },
        el('strong', {}, d.handler || ''), ' — ', d.state || '', ', ', String(d.attempts ?? 0), ' attempt' + (d.attempts === 1 ? '' : 's'),
        d.lastError ? el('div', { className: 'last-error' }, d.lastError) : null))) : ''));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('supervisor-form').addEventListener('submit', e => { e.preventDefault(); loadWebsites(); });
    $('supervisor-website').addEventListener('change', () => loadRows());
    $('supervisor-state').addEventListener('change', () => loadRows());
    $('supervisor-refresh').addEventListener('click', () => (adminToken ? loadRows() : loadWebsites()));
    const m = /(?:^#|&)admin=([^&]*)/.exec(initialHash);
    const saved = m ? decodeURIComponent(m[1]) : sessionStorage.getItem(TOKEN_KEY);
    if (saved) { $('admin-token').value = saved; loadWebsites(); }
  });
})();
