/* The admin page's "Webhooks" card of a website: its endpoints (made, switched on and off, secret rotated,
   removed) and the delivery log. The secret is shown once, when made or rotated. All text goes in as text. */
(function () {
  'use strict';
  const { el } = window.SchemaForm;
  const $ = id => document.getElementById(id);
  const API = '/plugins/chat-website/api/websites/';
  const EVENTS = ['chat.opened', 'chat.accepted', 'chat.message', 'chat.closed', 'offline.submitted', 'chat.rated'];

  let token = '';
  let website = null;

  function call(method, path, body) {
    return AdminHttp.call(method, API + encodeURIComponent(website.id) + path, token, body);
  }

  function status(text) { $('webhooks-status').textContent = text || ''; }

  function showErrors(data) {
    const box = $('webhooks-errors');
    box.replaceChildren();
    if (!data) return;
    box.append(el('p', {}, data.message || 'The request was refused.'));
    if (Array.isArray(data.fields) && data.fields.length) {
      box.append(el('ul', {}, data.fields.map(f => el('li', {}, f.field + ': ' + (f.message || f.rule)))));
    }
  }

  function showSecret(endpoint) {
    $('webhook-secret').hidden = false;
    $('webhook-secret-value').textContent = endpoint.secret;
    $('webhook-secret-for').textContent = endpoint.url;
  }

  function when(iso) { return iso ? new Date(iso).toLocaleString() : ''; }

  /** The row button that has the focus, so that it keeps it when the table is drawn anew. */
  function focusedAction() {
    const a = document.activeElement;
    return a && a.dataset && a.dataset.hook && $('webhooks').contains(a) ? { hook: a.dataset.hook, action: a.dataset.action } : null;
  }

  function restoreFocus(was) {
    if (!was) return;
    const again = $('webhooks').querySelector('button[data-hook="' + CSS.escape(was.hook) + '"][data-action="' + was.action + '"]');
    if (again) { again.focus(); return; }
    // its row is gone (removed): the card takes the focus rather than the page's body
    const card = $('webhooks-section');
    if (!card.hasAttribute('tabindex')) card.setAttribute('tabindex', '-1');
    card.focus();
  }

  function action(h, name, label, className, onclick) {
    return el('button', { type: 'button', className, onclick, dataset: { hook: h.id, action: name },
      attrs: { 'aria-label': label + ' ' + h.url } }, label);
  }

  async function load() {
    if (!website) return;
    const shown = website;
    showErrors(null);
    const [hooks, log] = await Promise.all([call('GET', '/webhooks'), call('GET', '/webhook-deliveries?limit=50')]);
    if (website !== shown) return; // another website was opened meanwhile: its own load draws the card
    if (!hooks.ok) { showErrors(hooks.data); return; }
    const was = focusedAction();
    const urls = {};
    $('webhooks').replaceChildren(...hooks.data.map(h => {
      urls[h.id] = h.url;
      return el('tr', {},
        el('td', { className: 'wh-url' }, h.url),
        el('td', {}, h.events.join(', ')),
        el('td', {}, h.enabled ? 'on' : 'off', h.allowPrivateTargets ? ' · private targets allowed' : ''),
        el('td', {},
          action(h, 'toggle', h.enabled ? 'Disable' : 'Enable', 'secondary small', () => toggle(h)),
          ' ',
          action(h, 'secret', 'New secret', 'secondary small', () => rotate(h)),
          ' ',
          action(h, 'remove', 'Remove', 'danger small', () => remove(h))));
    }));
    if (!hooks.data.length) $('webhooks').append(el('tr', {}, el('td', { colSpan: 4, className: 'muted' }, 'No webhooks yet.')));
    if (!log.ok) showErrors(log.data);
    const rows = log.ok ? log.data : [];
    $('webhook-log').replaceChildren(...rows.map(d => el('tr', { className: 'wh-' + d.state },
      el('td', {}, when(d.createdAt)),
      el('td', {}, d.event),
      el('td', { className: 'wh-url' }, urls[d.webhookId] || d.webhookId),
      el('td', {}, d.state),
      el('td', {}, String(d.attempts)),
      el('td', {}, d.lastStatus === null ? '' : String(d.lastStatus)),
      el('td', {}, d.lastError || ''),
      el('td', {}, d.state === 'pending' ? 'next ' + when(d.nextAttemptAt) : when(d.deliveredAt || d.lastAttemptAt)))));
    if (!rows.length) $('webhook-log').append(el('tr', {}, el('td', { colSpan: 8, className: 'muted' },
      log.ok ? 'No deliveries yet.' : 'The delivery log could not be read.')));
    restoreFocus(was);
  }

  async function create() {
    showErrors(null);
    const events = EVENTS.filter(name => $('webhook-event-' + name.replace('.', '-')).checked);
    const r = await call('POST', '/webhooks', {
      url: $('webhook-url').value.trim(), events,
      allowPrivateTargets: $('webhook-private').checked
    });
    if (!r.ok) { showErrors(r.data); return; }
    showSecret(r.data);
    $('webhook-url').value = '';
    status('Webhook added. Copy its secret now: it is not shown again.');
    load();
  }

  async function toggle(h) {
    const r = await call('PUT', '/webhooks/' + encodeURIComponent(h.id),
      { url: h.url, events: h.events, enabled: !h.enabled, allowPrivateTargets: h.allowPrivateTargets });
    if (!r.ok) { showErrors(r.data); return; }
    load();
  }

  async function rotate(h) {
    if (!window.confirm('Make a new secret for ' + h.url + '? The old one stops signing at once.')) return;
    const r = await call('POST', '/webhooks/' + encodeURIComponent(h.id) + '/secret');
    if (!r.ok) { showErrors(r.data); return; }
    showSecret(r.data);
    status('New secret made. Copy it now: it is not shown again.');
  }

  async function remove(h) {
    if (!window.confirm('Remove the webhook ' + h.url + ' and its delivery log?')) return;
    const r = await call('DELETE', '/webhooks/' + encodeURIComponent(h.id));
    if (!r.ok) { showErrors(r.data); return; }
    load();
  }

  document.addEventListener('admin:website', e => {
    website = e.detail.website;
    $('webhooks-section').hidden = !website || !token;
    $('webhook-secret').hidden = true;
    $('webhook-secret-value').textContent = '';
    status('');
    if (website && token) load();
  });
  document.addEventListener('admin:signed-in', e => { token = e.detail.token; });
  document.addEventListener('admin:signed-out', () => {
    token = '';
    website = null;
    $('webhooks-section').hidden = true;
    $('webhook-secret').hidden = true;
    $('webhook-secret-value').textContent = '';
    $('webhook-secret-for').textContent = '';
    $('webhooks').replaceChildren();
    $('webhook-log').replaceChildren();
    showErrors(null);
    status('');
  });
  document.addEventListener('DOMContentLoaded', () => {
    $('webhook-events').replaceChildren(...EVENTS.map(name => el('label', { className: 'sf-check' },
      el('input', { type: 'checkbox', id: 'webhook-event-' + name.replace('.', '-'), checked: true }), ' ' + name)));
    $('webhook-form').addEventListener('submit', e => { e.preventDefault(); create(); });
    $('refresh-webhooks').addEventListener('click', load);
  });
})();
