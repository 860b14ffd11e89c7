/* The admin page: websites (settings rendered from the plugin's schema), snippet, form builder, preview; plugins. */
(function () {
  'use strict';
  const { el, render, getPath, setPath } = window.SchemaForm;
  const API = '/plugins/chat-website/api';
  const TOKEN_KEY = 'chatWebsite.adminToken';
  const $ = id => document.getElementById(id);

  let token = '';
  let schema = null;
  let websites = [];
  let current = null;        // the website being edited; null for a new one
  let websiteForm = null;
  let sections = [];         // the builder's form, possibly unsaved
  let editing = null;        // index of the section in the editor; -1 for a new one; null when closed
  let fieldForm = null;
  let editorType = null;     // the catalogue entry of the type the editor shows
  let fieldTypes = [];       // the host's catalogue of form field types
  const problems = new WeakMap(); // a loaded section whose type is not installed -> the server's message
  let previewSeq = 0;
  let previewTimer = 0;

  /* ---------- HTTP ---------- */

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || (status ? 'The server answered ' + status + '.' : 'The server cannot be reached.'));
      this.status = status;
      this.body = body || {};
      this.fields = Array.isArray(this.body.fields) ? this.body.fields : [];
    }
  }

  async function api(method, path, body) {
    const headers = { Authorization: 'Bearer ' + token };
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(path, { method, headers, cache: 'no-store', body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, null);
    }
    const raw = res.status === 204 ? '' : await res.text();
    let data = raw;
    if ((res.headers.get('Content-Type') || '').includes('json') && raw) {
      try { data = JSON.parse(raw); } catch (e) { data = raw; }
    }
    if (!res.ok) {
      const err = new ApiError(res.status, data && typeof data === 'object' ? data : { message: raw.slice(0, 300) || null });
      if (res.status === 401) signOut('The admin token was refused. Sign in again.');
      throw err;
    }
    return data;
  }

  /* ---------- messages ---------- */

  function showError(message, fields) {
    const box = $('errors');
    box.replaceChildren();
    if (!message) return;
    box.append(el('p', {}, message));
    if (fields && fields.length) box.append(el('ul', {}, fields.map(f => el('li', {}, (f.field ? f.field + ': ' : '') + (f.message || f.rule)))));
  }

  function flash(id, text) {
    const node = $(id);
    node.textContent = text;
    clearTimeout(node._timer);
    if (text) node._timer = setTimeout(() => { node.textContent = ''; }, 4000);
  }

  /* ---------- sign in ---------- */

  async function signIn(value) {
    token = value.trim();
    showError('');
    if (!token) { showError('Enter the admin token.'); $('token').focus(); return; }
    let plugins;
    try {
      plugins = await api('GET', '/api/plugins'); // the host's own: answers also while the plugin is down
    } catch (e) {
      if (e.status !== 401) showError(e.message);
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('login-form').hidden = true;
    $('signed-in').hidden = false;
    $('plugins-section').hidden = false;
    $('plugins-nav').hidden = false;
    document.dispatchEvent(new CustomEvent('admin:signed-in', { detail: { token } }));
    renderPlugins(plugins);
    await loadFieldTypes();
    await openWebsites();
  }

  /* The websites part needs the chat-website plugin running; without it only the plugins are shown. */
  async function openWebsites() {
    try {
      schema = await api('GET', API + '/settings-schema');
    } catch (e) {
      schema = null;
      $('websites-nav').hidden = true;
      $('empty').hidden = false;
      $('empty').textContent = e.status === 503
        ? 'The chat website plugin is not running: start or reload it under Plugins below.'
        : e.message;
      return;
    }
    $('websites-nav').hidden = false;
    $('empty').textContent = 'Select a website, or create a new one.';
    const kinds = (schema.forms && schema.forms.kinds) || ['online', 'offline'];
    $('form-kind').replaceChildren(...kinds.map(k => el('option', { value: k }, k)));
    await loadWebsites();
    if (websites.length) await selectWebsite(websites[0].id); else newWebsite();
  }

  function signOut(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    token = '';
    current = null;
    fieldTypes = [];
    $('login-form').hidden = false;
    $('signed-in').hidden = true;
    $('websites-nav').hidden = true;
    ['website-section', 'snippet-section', 'forms-section', 'plugins-section', 'plugins-nav'].forEach(id => { $(id).hidden = true; });
    document.dispatchEvent(new CustomEvent('admin:signed-out'));
    $('empty').hidden = false;
    $('empty').textContent = 'Sign in with the admin token to manage websites.';
    $('token').value = '';
    showError(message || '');
    $('token').focus();
  }

  /* ---------- websites ---------- */

  async function loadWebsites() {
    try {
      websites = await api('GET', API + '/websites');
    } catch (e) {
      showError(e.message);
      return;
    }
    renderWebsiteList();
  }

  function renderWebsiteList() {
    $('websites').replaceChildren(...websites.map(w => {
      const b = el('button', { type: 'button', className: 'website', dataset: { id: w.id } }, w.name || '(unnamed)');
      if (current && current.id === w.id) b.setAttribute('aria-current', 'true');
      b.addEventListener('click', () => selectWebsite(w.id));
      return el('li', {}, b);
    }));
    if (!websites.length) $('websites').append(el('li', { className: 'muted' }, 'No websites yet.'));
  }

  function showWebsite(w) {
    current = w;
    $('empty').hidden = true;
    $('website-section').hidden = false;
    $('website-title').textContent = w ? (w.name || '(unnamed)') : 'New website';
    $('website-meta').textContent = w ? 'Key ' + w.key + (w.updatedAt ? ' · updated ' + new Date(w.updatedAt).toLocaleString() : '') : '';
    $('delete-website').hidden = !w;
    $('website-status').textContent = '';
    websiteForm = render($('website-fields'), schema.settings, w || {});
    $('snippet-section').hidden = !w;
    $('forms-section').hidden = !w;
    document.dispatchEvent(new CustomEvent('admin:website', { detail: { website: w } })); // webhooks.js
    renderWebsiteMenu(!!w);
    renderWebsiteList();
  }

  /** The in-page menu of the website page: the settings' groups, then the snippet and the forms. */
  function renderWebsiteMenu(saved) {
    const entries = websiteForm.groups.slice();
    if (saved) entries.push({ id: 'snippet-section', label: 'Snippet' }, { id: 'forms-section', label: 'Forms' },
      { id: 'webhooks-section', label: 'Webhooks' });
    $('website-menu-links').replaceChildren(...entries.map(g => el('li', {}, el('a', {
      href: '#' + g.id,
      onclick: e => {
        const target = $(g.id);
        if (!target) return;
        e.preventDefault();
        if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
        target.scrollIntoView({ block: 'start' });
        target.focus({ preventScroll: true });
      }
    }, g.label))));
    $('website-menu').hidden = !entries.length;
  }

  function newWebsite() {
    showError('');
    showWebsite(null);
    const first = $('website-fields').querySelector('input, textarea, select');
    if (first) first.focus();
  }

  async function selectWebsite(id) {
    showError('');
    let w;
    try {
      w = await api('GET', API + '/websites/' + encodeURIComponent(id));
    } catch (e) {
      showError(e.message);
      if (e.status === 404) await loadWebsites();
      return;
    }
    showWebsite(w);
    loadSnippet();
    loadForm();
  }

  async function saveWebsite() {
    showError('');
    websiteForm.clearErrors();
    const body = websiteForm.collect();
    const creating = !current;
    let saved;
    try {
      saved = creating ? await api('POST', API + '/websites', body)
        : await api('PUT', API + '/websites/' + encodeURIComponent(current.id), body);
    } catch (e) {
      const unmatched = websiteForm.showErrors(e.fields);
      showError(e.message, unmatched);
      return;
    }
    await loadWebsites();
    showWebsite(saved);
    flash('website-status', creating ? 'Website created.' : 'Saved.');
    $('save-website').focus();
    loadSnippet();
    if (creating) loadForm(); else schedulePreview();
  }

  async function deleteWebsite() {
    if (!current) return;
    showError('');
    const name = current.name;
    try {
      await api('DELETE', API + '/websites/' + encodeURIComponent(current.id));
    } catch (e) {
      showError(e.message);
      return;
    }
    current = null;
    await loadWebsites();
    ['website-section', 'snippet-section', 'forms-section'].forEach(id => { $(id).hidden = true; });
    $('empty').hidden = false;
    $('empty').textContent = 'Deleted “' + name + '”. Select a website, or create a new one.';
    $('new-website').focus();
  }

  /* ---------- plugins ---------- */

  const ACTIONS = {
    STARTED: ['stop', 'reload'],
    STARTING: [],
    STOPPING: [],
    STOPPED: ['start', 'reload'],
    FAILED: ['start', 'reload'],
    RESOLVED: ['start', 'reload'],
    DISABLED: ['start'],
    REFUSED: []
  };
  const ACTION_LABELS = { stop: 'Stop', start: 'Start', reload: 'Reload' };

  function pluginError(message) {
    const box = $('plugins-errors');
    box.replaceChildren();
    if (message) box.append(el('p', {}, message));
  }

  async function loadPlugins() {
    try {
      renderPlugins(await api('GET', '/api/plugins'));
    } catch (e) {
      pluginError(e.message);
    }
  }

  function renderPlugins(list) {
    const rows = [];
    for (const p of list) {
      const name = p.id || '(no plugin id)';
      const buttons = (p.id ? ACTIONS[p.state] || [] : []).map(action => el('button', {
        type: 'button',
        className: action === 'stop' ? 'secondary small' : 'small',
        dataset: { plugin: p.id, action },
        attrs: { 'aria-label': ACTION_LABELS[action] + ' ' + name },
        onclick: () => pluginAction(p.id, action)
      }, ACTION_LABELS[action]));
      rows.push(el('tr', { dataset: { plugin: p.id || '', file: p.file || '' } },
        el('th', { scope: 'row' }, name),
        el('td', {}, p.version || '—'),
        el('td', {}, el('span', { className: 'state state-' + p.state }, p.state)),
        el('td', {}, el('code', {}, p.file || '')),
        el('td', {}, el('div', { className: 'plugin-actions' }, buttons))));
      if (p.error) rows.push(el('tr', { className: 'plugin-error-row' }, el('td', { className: 'plugin-error', colSpan: 5 }, p.error)));
    }
    if (!rows.length) rows.push(el('tr', {}, el('td', { colSpan: 5, className: 'muted' }, 'No plugin in the plugins folder.')));
    $('plugins').replaceChildren(...rows);
    const running = list.filter(p => p.state === 'STARTED').length;
    const troubled = list.filter(p => p.state === 'FAILED' || p.state === 'REFUSED').length;
    $('plugins-summary').textContent = '(' + running + ' running' + (troubled ? ', ' + troubled + ' failed or refused' : '') + ')';
  }

  async function pluginAction(id, action) {
    pluginError('');
    flash('plugins-status', ACTION_LABELS[action] + ' ' + id + '…');
    $('plugins').querySelectorAll('button').forEach(b => { b.disabled = true; });
    let done = null;
    try {
      done = await api('POST', '/api/plugins/' + encodeURIComponent(id) + '/' + action);
    } catch (e) {
      pluginError(e.message);
    }
    await loadPlugins();
    await loadFieldTypes();
    if (done) flash('plugins-status', id + ' ' + done.version + ': ' + done.state + '.');
    else flash('plugins-status', '');
    if (id === 'chat-website' && action !== 'stop' && !schema) await openWebsites();
  }

  async function uploadPlugin() {
    pluginError('');
    const input = $('plugin-file');
    if (!input.files || !input.files.length) { pluginError('Choose a plugin jar first.'); input.focus(); return; }
    const form = new FormData();
    form.append('file', input.files[0]);
    const replace = $('plugin-replace').checked;
    $('upload-plugin').disabled = true;
    flash('plugins-status', 'Uploading…');
    try {
      const p = await api('POST', '/api/plugins' + (replace ? '?replace=true' : ''), form);
      flash('plugins-status', 'Installed ' + p.id + ' ' + p.version + ': ' + p.state + '.');
      input.value = '';
      $('plugin-replace').checked = false;
    } catch (e) {
      flash('plugins-status', '');
      pluginError(e.message);
    } finally {
      $('upload-plugin').disabled = false;
    }
    await loadPlugins();
    await loadFieldTypes();
    if (!schema) await openWebsites();
  }

  /* ---------- snippet ---------- */

  async function loadSnippet() {
    if (!current) return;
    $('snippet').value = '';
    try {
      $('snippet').value = await api('GET', API + '/websites/' + encodeURIComponent(current.id) + '/snippet');
    } catch (e) {
      showError(e.message);
    }
  }

  async function copySnippet() {
    const text = $('snippet').value;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
      } else {
        throw new Error('no clipboard API');
      }
    } catch (e) {
      const area = $('snippet');
      area.focus();
      area.select();
      let ok = false;
      try { ok = document.execCommand('copy'); } catch (e2) { ok = false; }
      if (!ok) { flash('copy-status', 'Press Ctrl+C to copy the selected code.'); return; }
    }
    flash('copy-status', 'Copied.');
  }

  /* ---------- field types ---------- */

  /** Reads the host's catalogue of field types; the builder's editor is rendered from it alone. */
  async function loadFieldTypes() {
    try {
      const body = await api('GET', '/api/form-field-types');
      fieldTypes = Array.isArray(body.types) ? body.types : [];
    } catch (e) {
      fieldTypes = [];
      if (e.status !== 401) showError('The form field types cannot be read: ' + e.message);
    }
    if (editing !== null && editorType && !fieldType(editorType.name)) closeEditor();
    if (current) renderBuilder();
  }

  function fieldType(name) {
    return fieldTypes.find(t => t.name === name) || null;
  }

  /* ---------- form builder ---------- */

  function formPath() {
    return API + '/websites/' + encodeURIComponent(current.id) + '/forms/' + encodeURIComponent($('form-kind').value);
  }

  function setDirty(dirty) {
    $('form-dirty').textContent = dirty ? 'Unsaved changes' : '';
  }

  async function loadForm() {
    if (!current) return;
    closeEditor();
    sections = [];
    renderBuilder();
    try {
      const form = await api('GET', formPath());
      sections = Array.isArray(form.sections) ? form.sections : [];
      for (const [i, list] of sectionErrors(form.problems)) {
        if (sections[i]) problems.set(sections[i], list.map(p => p.message).join(' '));
      }
    } catch (e) {
      showError(e.message);
    }
    setDirty(false);
    renderBuilder();
    schedulePreview(0);
  }

  function renderBuilder(errors) {
    const byIndex = sectionErrors(errors);
    const items = sections.map((s, i) => {
      const title = s.label || s.name || '(no label)';
      const type = fieldType(s.type);
      const btn = (cls, text, label, fn, disabled) => el('button', {
        type: 'button', className: cls + ' small secondary', disabled, onclick: fn, attrs: { 'aria-label': label + ': ' + title }
      }, text);
      const errs = byIndex.get(i) || [];
      // A type no serving plugin contributes: the section is kept as stored, shown read-only, and can be deleted.
      const missing = type ? null : problems.get(s) || 'Field type ' + (s.type || '?') + ' is not installed.';
      return el('li', {
        className: 'section' + (errs.length || missing ? ' invalid' : '') + (missing ? ' missing' : '') + (editing === i ? ' editing' : ''),
        dataset: { index: String(i), type: String(s.type || '') }
      },
        el('div', { className: 'section-main' },
          el('span', { className: 'section-type', title: s.type || '' }, type ? type.label : (s.type || '?')),
          el('span', { className: 'section-label' }, title),
          s.name ? el('span', { className: 'section-name muted' }, s.name) : null,
          s.required ? el('span', { className: 'section-req muted' }, 'required') : null),
        el('div', { className: 'section-buttons' },
          btn('up', '↑', 'Move up', () => move(i, -1), i === 0),
          btn('down', '↓', 'Move down', () => move(i, 1), i === sections.length - 1),
          btn('edit', 'Edit', 'Edit', () => openEditor(i), !!missing),
          btn('delete', 'Delete', 'Delete', () => removeSection(i))),
        missing ? el('p', { className: 'section-problem' }, missing) : null,
        missing ? el('details', { className: 'section-stored' }, el('summary', {}, 'Stored field (read-only)'),
          el('pre', {}, JSON.stringify(s, null, 2))) : null,
        errs.length ? el('ul', { className: 'section-errors' }, errs.map(e => el('li', {}, (e.sub ? e.sub + ': ' : '') + e.message))) : null);
    });
    $('builder').replaceChildren(...items);
    if (!sections.length) $('builder').append(el('li', { className: 'muted empty-builder' }, 'No fields yet.'));
  }

  /** Errors such as sections[2].options, by section index. */
  function sectionErrors(errors) {
    const map = new Map();
    for (const e of errors || []) {
      const m = /^sections\[(\d+)\]\.?(.*)$/.exec(String(e.field || ''));
      if (!m) continue;
      const i = Number(m[1]);
      if (!map.has(i)) map.set(i, []);
      map.get(i).push({ sub: m[2], field: m[2], message: e.message || e.rule, rule: e.rule });
    }
    return map;
  }

  function move(i, delta) {
    const j = i + delta;
    if (j < 0 || j >= sections.length) return;
    [sections[i], sections[j]] = [sections[j], sections[i]];
    if (editing === i) editing = j; else if (editing === j) editing = i;
    changed();
    const again = $('builder').querySelector('.section[data-index="' + j + '"] .' + (delta < 0 ? 'up' : 'down'));
    const fallback = $('builder').querySelector('.section[data-index="' + j + '"] .edit');
    (again && !again.disabled ? again : fallback).focus();
  }

  function removeSection(i) {
    sections.splice(i, 1);
    if (editing === i) closeEditor(); else if (editing !== null && editing > i) editing--;
    changed();
    const next = $('builder').querySelector('.section[data-index="' + Math.min(i, sections.length - 1) + '"] .delete');
    (next || $('add-field')).focus();
  }

  function changed() {
    setDirty(true);
    renderBuilder();
    schedulePreview();
  }

  /** Opens the editor on a section (-1: a new one): a Type select from the catalogue, then that type's properties. */
  function openEditor(i) {
    const section = i >= 0 ? sections[i] : null;
    if (section && !fieldType(section.type)) return;
    editing = i;
    const chosen = section ? section.type : (fieldTypes[0] && fieldTypes[0].name);
    $('field-type').replaceChildren(...fieldTypes.map(t => el('option', { value: t.name, selected: t.name === chosen }, t.label)));
    showType(section ? Object.assign({}, section) : {});
    $('field-editor-title').textContent = i >= 0 ? 'Edit field' : 'New field';
    $('apply-field').textContent = i >= 0 ? 'Apply changes' : 'Add to form';
    $('field-editor').hidden = false;
    renderBuilder();
    $('field-type').focus();
  }

  /** Renders the chosen type's property descriptors with the given values. */
  function showType(values) {
    clearEditorErrors();
    editorType = fieldType($('field-type').value);
    $('apply-field').disabled = !editorType;
    if (!editorType) {
      fieldForm = null;
      $('field-editor-fields').replaceChildren(el('p', { className: 'muted' },
        'No field types are installed: start a plugin that contributes them under Plugins.'));
      return;
    }
    fieldForm = render($('field-editor-fields'), editorType.properties || [], values, { groups: false });
  }

  /** Another type chosen: its properties, keeping the values of properties both types have alike. */
  function changeType() {
    const before = editorType;
    const values = fieldForm ? fieldForm.collect() : {};
    const next = fieldType($('field-type').value);
    const kept = {};
    for (const p of (next && next.properties) || []) {
      const was = before && (before.properties || []).find(q => q.key === p.key);
      const v = getPath(values, p.key);
      if (was && was.type === p.type && v !== undefined) setPath(kept, p.key, v);
    }
    showType(kept);
  }

  function closeEditor() {
    editing = null;
    fieldForm = null;
    editorType = null;
    $('field-editor').hidden = true;
    $('field-editor-fields').replaceChildren();
    clearEditorErrors();
  }

  /** The editor's values as a section of the chosen type: dotted keys nested, empty values and required:false left out. */
  function sectionFromEditor() {
    const s = Object.assign({ type: editorType.name }, fieldForm.collect());
    if (s.required === false) delete s.required;
    return s;
  }

  function clearEditorErrors() {
    if (fieldForm) fieldForm.clearErrors();
    $('field-editor-errors').replaceChildren();
    $('field-type-error').replaceChildren();
    $('field-type').removeAttribute('aria-invalid');
  }

  /** Shows one section's errors ({field: 'options' | 'type' | '', message}) beside the editor's inputs. */
  function showEditorErrors(mine) {
    clearEditorErrors();
    const onType = mine.filter(e => e.field === 'type');
    if (onType.length) {
      $('field-type-error').replaceChildren(...onType.map(e => el('div', {}, e.message)));
      $('field-type').setAttribute('aria-invalid', 'true');
    }
    const rest = mine.filter(e => e.field !== 'type');
    const unmatched = fieldForm ? fieldForm.showErrors(rest.filter(e => e.field).map(e => ({ field: e.field, message: e.message }))) : [];
    const general = rest.filter(e => !e.field).concat(unmatched);
    $('field-editor-errors').replaceChildren(...general.map(e => el('div', {}, (e.field ? e.field + ': ' : '') + e.message)));
  }

  async function applyField() {
    if (!fieldForm || !editorType) return;
    clearEditorErrors();
    const section = sectionFromEditor();
    const index = editing >= 0 ? editing : sections.length;
    const candidate = sections.slice();
    candidate[index] = section;
    // The preview endpoint validates the form: keep the editor open while this section has errors.
    const result = await preview(candidate, true);
    if (result && result.errors) {
      const mine = sectionErrors(result.errors).get(index) || [];
      if (mine.length) {
        showEditorErrors(mine);
        return;
      }
    }
    sections = candidate;
    closeEditor();
    changed();
    const item = $('builder').querySelector('.section[data-index="' + index + '"] .edit');
    (item || $('add-field')).focus();
  }

  async function saveForm() {
    if (!current) return;
    showError('');
    try {
      const saved = await api('PUT', formPath(), { sections });
      if (saved && Array.isArray(saved.sections)) sections = saved.sections;
    } catch (e) {
      showError(e.message, e.fields.filter(f => !/^sections\[\d+\]/.test(f.field || '')));
      renderBuilder(e.fields);
      if (editing !== null && editing >= 0) {
        const mine = sectionErrors(e.fields).get(editing) || [];
        if (mine.length) showEditorErrors(mine);
      }
      return;
    }
    setDirty(false);
    renderBuilder();
    flash('form-status', 'Form saved.');
    schedulePreview(0);
  }

  /* ---------- preview ---------- */

  function schedulePreview(delay) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => preview(sections), delay === undefined ? 300 : delay);
  }

  /** Renders the preview of a form; returns {errors} when the server refused it. */
  async function preview(list, quietErrors) {
    if (!current) return null;
    const seq = ++previewSeq;
    const q = new URLSearchParams();
    const title = getPath(current, 'appearance.title');
    const color = getPath(current, 'appearance.color');
    if (title) q.set('title', title);
    if (color) q.set('color', color);
    // the widget's own look: its strings in the website's language, its button for this form
    q.set('kind', $('form-kind').value || 'online');
    const lang = getPath(current, 'appearance.language');
    if (lang) q.set('lang', lang);
    let html;
    try {
      html = await api('POST', API + '/forms/preview' + (q.toString() ? '?' + q : ''), { sections: list });
    } catch (e) {
      if (seq !== previewSeq || quietErrors) return e.fields.length ? { errors: e.fields } : null;
      const box = $('preview-errors');
      box.replaceChildren(el('p', {}, e.message));
      if (e.fields.length) box.append(el('ul', {}, e.fields.map(f => el('li', {}, fieldPlace(f.field, list) + (f.message || f.rule)))));
      $('preview').hidden = true;
      if (list === sections) renderBuilder(e.fields);
      return e.fields.length ? { errors: e.fields } : null;
    }
    if (seq === previewSeq) {
      $('preview-errors').replaceChildren();
      $('preview').hidden = false;
      $('preview').srcdoc = typeof html === 'string' ? html : '';
    }
    return null;
  }

  /** "Field 2 (E-mail), name: " for sections[1].name. */
  function fieldPlace(path, list) {
    const m = /^sections\[(\d+)\]\.?(.*)$/.exec(String(path || ''));
    if (!m) return path ? path + ': ' : '';
    const s = list[Number(m[1])] || {};
    return 'Field ' + (Number(m[1]) + 1) + (s.label || s.name ? ' (' + (s.label || s.name) + ')' : '') + (m[2] ? ', ' + m[2] : '') + ': ';
  }

  /* ---------- wiring ---------- */

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', e => { e.preventDefault(); signIn($('token').value); });
    $('logout').addEventListener('click', () => signOut(''));
    $('new-website').addEventListener('click', newWebsite);
    $('website-form').addEventListener('submit', e => { e.preventDefault(); saveWebsite(); });
    $('delete-website').addEventListener('click', deleteWebsite);
    $('copy-snippet').addEventListener('click', copySnippet);
    $('form-kind').addEventListener('change', loadForm);
    $('add-field').addEventListener('click', () => openEditor(-1));
    $('field-type').addEventListener('change', changeType);
    $('field-editor').addEventListener('submit', e => { e.preventDefault(); applyField(); });
    $('cancel-field').addEventListener('click', () => { closeEditor(); renderBuilder(); $('add-field').focus(); });
    $('field-editor').addEventListener('keydown', e => {
      if (e.key === 'Escape') { closeEditor(); renderBuilder(); $('add-field').focus(); }
    });
    $('save-form').addEventListener('click', saveForm);
    $('plugin-upload').addEventListener('submit', e => { e.preventDefault(); uploadPlugin(); });
    $('refresh-plugins').addEventListener('click', async () => { pluginError(''); await loadPlugins(); await loadFieldTypes(); });

    // A token in the fragment (#token=...) signs in at once, then leaves the address bar.
    const m = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    if (m) history.replaceState(null, '', location.pathname + location.search);
    const saved = m ? decodeURIComponent(m[1]) : sessionStorage.getItem(TOKEN_KEY);
    if (saved) { $('token').value = saved; signIn(saved); } else $('token').focus();
  });
})();
