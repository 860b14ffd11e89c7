/* The admin page's "Privacy" card: find a contact by id or e-mail, download what the chat plugin kept about it
   (export), or erase it after a confirmation; the audit records of past erasures (no personal data). */
(function () {
  'use strict';
  const API = '/plugins/chat-website/api';
  const $ = id => document.getElementById(id);
  let token = '';

  function call(method, path, body) {
    return AdminHttp.call(method, API + path, token, body);
  }

  function say(text) { $('privacy-status').textContent = text || ''; }
  function fail(r) { say(r.data.message || 'The server answered ' + r.status + '.'); }
  function node(tag, text) { const n = document.createElement(tag); if (text !== undefined) n.textContent = text; return n; }

  function counts(c) {
    return Object.keys(c || {}).map(k => k + ' ' + c[k]).join(', ');
  }

  function showErasure(e, into) {
    into.replaceChildren(node('span', 'Erasure ' + e.id + ' on ' + new Date(e.erasedAt).toLocaleString()
      + ' by ' + e.erasedBy + ': ' + counts(e.counts) + '.'));
  }

  async function loadErasures() {
    const r = await call('GET', '/erasures');
    const list = $('privacy-erasures');
    list.replaceChildren();
    if (!r.ok) return;
    r.data.erasures.forEach(e => { const li = node('li'); showErasure(e, li); list.append(li); });
  }

  async function find() {
    say('');
    $('privacy-contacts').replaceChildren();
    const q = $('privacy-query').value.trim();
    if (!q) { say('Enter a contact id or an e-mail address.'); return; }
    const r = await call('GET', '/contacts?' + (q.includes('@') ? 'email=' : 'id=') + encodeURIComponent(q));
    if (!r.ok) { fail(r); return; }
    if (!r.data.contacts.length) {
      // The host may no longer know the contact; what the plugin kept can still be erased by its id.
      if (!q.includes('@')) { addContact({ id: q, fields: {} }); say('The host has no such contact; the plugin\'s data can still be exported or erased.'); }
      else say('No contact has that e-mail address.');
      return;
    }
    r.data.contacts.forEach(addContact);
  }

  function addContact(c) {
    const li = node('li');
    const fields = c.fields || {};
    const who = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
    li.append(node('span', c.id + (who ? ' · ' + who : '') + (fields.email ? ' · ' + fields.email : '') + ' '));
    const exp = node('button', 'Export');
    exp.type = 'button';
    exp.className = 'secondary';
    exp.setAttribute('aria-label', 'Export contact ' + c.id);
    exp.addEventListener('click', () => exportContact(c.id));
    const erase = node('button', 'Erase…');
    erase.type = 'button';
    erase.className = 'danger';
    erase.setAttribute('aria-label', 'Erase contact ' + c.id + '…');
    // the host's record of the person goes too only when asked: it is the CRM's, not the chat's
    const too = node('input');
    too.type = 'checkbox';
    too.id = 'privacy-contact-too-' + $('privacy-contacts').children.length;
    const tooLabel = node('label', 'also the contact itself');
    tooLabel.htmlFor = too.id;
    erase.addEventListener('click', () => eraseContact(c.id, li, too.checked));
    li.append(exp, ' ', erase, ' ', too, tooLabel);
    $('privacy-contacts').append(li);
  }

  async function exportContact(id) {
    say('');
    const r = await call('GET', '/contacts/' + encodeURIComponent(id) + '/export');
    if (!r.ok) { fail(r); return; }
    const url = URL.createObjectURL(new Blob([JSON.stringify(r.data, null, 2)], { type: 'application/json' }));
    const a = node('a');
    a.href = url;
    a.download = 'contact-' + id.replace(/[^A-Za-z0-9._-]/g, '_') + '.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say('Exported: ' + r.data.chats.length + ' chat(s), ' + r.data.offlineMessages.length + ' offline message(s), '
      + r.data.uploads.length + ' upload(s), ' + r.data.consents.length + ' consent(s).');
  }

  async function eraseContact(id, li, contactToo) {
    say('');
    if (!window.confirm('Erase everything the chat kept about contact ' + id + ': chats, messages, files, offline '
      + 'messages and consents' + (contactToo ? ', and the contact itself' : '') + '? This cannot be undone.')) return;
    const r = await call('POST', '/contacts/' + encodeURIComponent(id) + '/erasure',
      { confirm: true, contact: contactToo });
    if (!r.ok) { fail(r); return; }
    const result = node('p');
    result.className = 'privacy-result';
    showErasure(r.data, result);
    li.append(result);
    say('Erased.');
    loadErasures();
  }

  document.addEventListener('admin:signed-in', e => {
    token = e.detail.token;
    $('privacy-section').hidden = false;
    loadErasures();
  });
  document.addEventListener('admin:signed-out', () => {
    token = '';
    $('privacy-section').hidden = true;
    // nothing of the person looked up stays in the page for the next one at this screen
    $('privacy-query').value = '';
    say('');
    $('privacy-contacts').replaceChildren();
    $('privacy-erasures').replaceChildren();
  });
  document.addEventListener('DOMContentLoaded', () => {
    $('privacy-form').addEventListener('submit', e => { e.preventDefault(); find(); });
  });
})();
