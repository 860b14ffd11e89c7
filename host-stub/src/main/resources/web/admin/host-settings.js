/* The admin page's "Host settings" card: the host's global settings (GET/PUT /api/settings), rendered like website settings. */
(function () {
  'use strict';
  const { render } = window.SchemaForm;
  const $ = id => document.getElementById(id);
  const MAX_TIMEOUT = 7 * 24 * 3600;
  const SETTINGS = [{
    key: 'chatTimeoutSeconds', type: 'integer', required: true, default: 600,
    label: 'Chat timeout (seconds)',
    help: 'A chat nobody writes in for this long is closed as Timeout, on every website. A whole number from 1 to '
      + MAX_TIMEOUT.toLocaleString('en') + ' (7 days).'
  }];

  let token = '';
  let form = null;

  function call(method, body) {
    return AdminHttp.call(method, '/api/settings', token, body);
  }

  function status(text) { $('host-settings-status').textContent = text || ''; }

  function show(values) {
    form = render($('host-settings-fields'), SETTINGS, values, { groups: false });
    const input = form.box('chatTimeoutSeconds').querySelector('input');
    input.min = '1';
    input.max = String(MAX_TIMEOUT);
  }

  async function load() {
    status('');
    const r = await call('GET');
    show(r.ok ? r.data : {});
    if (!r.ok) form.showErrors([{ field: 'chatTimeoutSeconds', message: r.data.message || 'The settings cannot be read.' }]);
  }

  /** Checks in the page first (the same rule as the host), so a typing slip never leaves the page. */
  function problems(values) {
    const v = values.chatTimeoutSeconds;
    if (v === undefined) return [{ field: 'chatTimeoutSeconds', message: 'Enter the chat timeout in seconds.' }];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_TIMEOUT) {
      return [{ field: 'chatTimeoutSeconds', message: 'The chat timeout must be a whole number from 1 to ' + MAX_TIMEOUT + '.' }];
    }
    return [];
  }

  async function save() {
    if (!form) return;
    status('');
    const values = form.collect();
    const local = problems(values);
    if (local.length) { form.showErrors(local); return; }
    form.clearErrors();
    $('save-host-settings').disabled = true;
    const r = await call('PUT', values);
    $('save-host-settings').disabled = false;
    if (!r.ok) {
      const fields = Array.isArray(r.data.fields) && r.data.fields.length ? r.data.fields
        : [{ field: 'chatTimeoutSeconds', message: r.data.message || 'The server answered ' + r.status + '.' }];
      const unmatched = form.showErrors(fields);
      if (unmatched.length) form.showErrors([{ field: 'chatTimeoutSeconds', message: unmatched.map(f => f.message).join(' ') }]);
      return;
    }
    show(r.data);
    status('Host settings saved.');
  }

  document.addEventListener('admin:signed-in', e => {
    token = e.detail.token;
    $('host-settings-section').hidden = false;
    $('host-nav').hidden = false;
    load();
  });
  document.addEventListener('admin:signed-out', () => {
    token = '';
    form = null;
    $('host-settings-section').hidden = true;
    $('host-nav').hidden = true;
    $('host-settings-fields').replaceChildren();
  });
  document.addEventListener('DOMContentLoaded', () => {
    $('host-settings-form').addEventListener('submit', e => { e.preventDefault(); save(); });
  });
})();
