/*
 * Renders a settings schema ({key,label,help,type,default,options,required,secret,group,order,items})
 * as form inputs, collects them back as JSON, and shows server field errors beside the inputs.
 * Knows nothing about what the settings mean. Everything is built with DOM APIs: no innerHTML.
 */
(function () {
  'use strict';

  /** Creates an element: props are set as properties, except "attrs"/"dataset"; children are nodes or text. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'attrs') for (const [a, av] of Object.entries(v)) { if (av !== undefined && av !== null) node.setAttribute(a, String(av)); }
      else if (k === 'dataset') Object.assign(node.dataset, v);
      else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
      else node[k] = v;
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function getPath(obj, dotted) {
    let cur = obj;
    for (const part of dotted.split('.')) {
      if (cur === null || typeof cur !== 'object' || !(part in cur)) return undefined;
      cur = cur[part];
    }
    return cur;
  }

  function setPath(obj, dotted, value) {
    const parts = dotted.split('.');
    let cur = obj;
    for (let i = 0; i < parts.length - 1; i++) {
      if (cur[parts[i]] === null || typeof cur[parts[i]] !== 'object' || Array.isArray(cur[parts[i]])) cur[parts[i]] = {};
      cur = cur[parts[i]];
    }
    cur[parts[parts.length - 1]] = value;
  }

  /** Settings grouped by group (groups in order of first appearance), each group sorted by order. */
  function grouped(settings) {
    const groups = new Map();
    for (const s of settings) {
      const g = s.group || '';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g).push(s);
    }
    for (const list of groups.values()) list.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    return groups;
  }

  let uid = 0;

  /** A fieldset id from a group's name, such as sf-group-working-hours; unique in the document. */
  function groupId(group) {
    const base = 'sf-group-' + (String(group).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x');
    let id = base;
    for (let n = 2; document.getElementById(id); n++) id = base + '-' + n;
    return id;
  }
  let tzList = null;
  function timezoneList() {
    if (tzList) return tzList;
    let zones = [];
    try { if (typeof Intl.supportedValuesOf === 'function') zones = Intl.supportedValuesOf('timeZone'); } catch (e) { zones = []; }
    if (!zones.includes('UTC')) zones = ['UTC', ...zones];
    const id = 'sf-timezones';
    tzList = el('datalist', { id }, zones.map(z => el('option', { value: z })));
    document.body.append(tzList);
    return tzList;
  }

  function isEmpty(v) {
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  }

  /**
   * One input (or group of inputs) for a setting.
   * @returns {{node: Element, focusable: Element, read: function(): *}} read() gives the JSON value, or undefined to omit
   */
  function control(s, name, value, id, secretSet) {
    const describedBy = id + '-help ' + id + '-error';
    const common = { id, name, attrs: { 'aria-describedby': describedBy } };
    const text = v => (v === undefined || v === null) ? '' : String(v);
    switch (s.type) {
      case 'text': {
        const t = el('textarea', { ...common, rows: 3, value: text(value) });
        return { node: t, focusable: t, read: () => t.value.trim() === '' ? undefined : t.value };
      }
      case 'integer': {
        const i = el('input', { ...common, type: 'number', step: 1, inputMode: 'numeric', value: text(value) });
        return {
          node: i, focusable: i,
          // A non-integer is sent as typed, so the server's message appears beside it.
          read: () => { const v = i.value.trim(); return v === '' ? undefined : (/^-?\d+$/.test(v) ? Number(v) : v); }
        };
      }
      case 'boolean': {
        const c = el('input', { ...common, type: 'checkbox', checked: value === true });
        return { node: c, focusable: c, read: () => c.checked };
      }
      case 'select': {
        const sel = el('select', common);
        if (!s.required && s.default === undefined) sel.append(el('option', { value: '' }, '—'));
        const opts = (s.options || []).slice();
        if (!isEmpty(value) && !opts.includes(String(value))) opts.push(String(value));
        for (const o of opts) sel.append(el('option', { value: o, selected: String(value) === o }, o));
        if (isEmpty(value) && sel.options.length) sel.selectedIndex = 0;
        return { node: sel, focusable: sel, read: () => sel.value === '' ? undefined : sel.value };
      }
      case 'multi_select': {
        const chosen = Array.isArray(value) ? value.map(String) : [];
        const boxes = (s.options || []).map(o => el('input', { type: 'checkbox', name, value: o, checked: chosen.includes(o) }));
        const fs = el('div', { id, className: 'sf-choices', attrs: { role: 'group', 'aria-describedby': describedBy } },
          boxes.map((b, i) => el('label', { className: 'sf-choice' }, b, ' ', s.options[i])));
        return { node: fs, focusable: boxes[0] || fs, read: () => { const v = boxes.filter(b => b.checked).map(b => b.value); return v.length ? v : undefined; } };
      }
      case 'string_list': {
        const t = el('textarea', { ...common, rows: 3, value: Array.isArray(value) ? value.join('\n') : text(value) });
        t.placeholder = 'One per line';
        return {
          node: t, focusable: t,
          read: () => { const v = t.value.split(/\r?\n/).map(x => x.trim()).filter(Boolean); return v.length ? v : undefined; }
        };
      }
      case 'color': {
        const t = el('input', { ...common, type: 'text', value: text(value), spellcheck: false, placeholder: '#rrggbb' });
        const pick = el('input', { type: 'color', className: 'sf-swatch', tabIndex: -1, attrs: { 'aria-hidden': 'true' } });
        const sync = () => { if (/^#[0-9a-f]{6}$/i.test(t.value.trim())) pick.value = t.value.trim(); };
        sync();
        t.addEventListener('input', sync);
        pick.addEventListener('input', () => { t.value = pick.value; t.dispatchEvent(new Event('input', { bubbles: true })); });
        return { node: el('span', { className: 'sf-color-pair' }, t, pick), focusable: t, read: () => t.value.trim() || undefined };
      }
      default: {
        // string, email, url, timezone, and any type this page does not know yet: a text input.
        const type = s.secret ? 'password' : ({ email: 'email', url: 'url' }[s.type] || 'text');
        const i = el('input', { ...common, type, value: s.secret ? '' : text(value) });
        if (s.secret) {
          i.autocomplete = 'new-password';
          if (secretSet) i.placeholder = 'Set — leave empty to keep it';
        }
        if (s.type === 'timezone') { i.setAttribute('list', timezoneList().id); i.autocomplete = 'off'; }
        if (s.type === 'email' || s.type === 'url') i.spellcheck = false;
        return { node: i, focusable: i, read: () => i.value.trim() === '' ? undefined : i.value.trim() };
      }
    }
  }

  /** A field wrapper: label, control, help, error slot. */
  function fieldBox(s, name, value, secretSet) {
    const id = 'sf-' + (++uid);
    const c = control(s, name, value, id, secretSet);
    const labelText = [s.label || s.key, s.required ? ' *' : ''];
    const label = s.type === 'multi_select'
      ? el('span', { className: 'sf-label', id: id + '-label' }, ...labelText)
      : el('label', { className: 'sf-label', htmlFor: id }, ...labelText);
    if (s.type === 'multi_select') c.node.setAttribute('aria-labelledby', id + '-label');
    const box = el('div', { className: 'sf-field sf-' + (s.type || 'string'), dataset: { key: name } },
      s.type === 'boolean' ? el('div', { className: 'sf-check' }, c.node, label) : [label, c.node],
      el('div', { className: 'sf-help', id: id + '-help' }, s.help || ''),
      el('div', { className: 'sf-error', id: id + '-error', attrs: { role: 'alert' } }));
    return { box, control: c, setting: s };
  }

  /** A list of objects: each row is the item settings, with add and remove. */
  function objectList(s, value, onChange) {
    const id = 'sf-' + (++uid);
    const rows = [];
    const rowsBox = el('div', { className: 'sf-rows' });
    const legend = el('legend', { className: 'sf-label' }, s.label || s.key, s.required ? ' *' : '');
    const itemSettings = (s.items || []).slice().sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

    function renumber() {
      rows.forEach((r, i) => {
        r.fields.forEach(f => {
          const n = s.key + '[' + i + '].' + f.setting.key;
          f.box.dataset.key = n;
          f.box.querySelectorAll('[name]').forEach(x => { x.name = n; });
        });
        r.remove.setAttribute('aria-label', 'Remove ' + (s.label || s.key) + ' row ' + (i + 1));
      });
    }
    function addRow(item, initial) {
      const fields = itemSettings.map(it => {
        const v = item ? getPath(item, it.key) : undefined;
        return fieldBox(it, s.key + '[].' + it.key, v === undefined && !item ? it.default : v, false);
      });
      const remove = el('button', { type: 'button', className: 'sf-remove secondary' }, 'Remove');
      const row = { fields, remove, node: el('div', { className: 'sf-row' }, fields.map(f => f.box), remove) };
      remove.addEventListener('click', () => {
        const i = rows.indexOf(row);
        rows.splice(i, 1);
        row.node.remove();
        renumber();
        const next = rows[i] || rows[i - 1];
        if (next && next.fields[0]) next.fields[0].control.focusable.focus(); else add.focus();
        onChange();
      });
      rows.push(row);
      rowsBox.append(row.node);
      renumber();
      if (!initial) {
        if (fields[0]) fields[0].control.focusable.focus();
        onChange();
      }
    }
    const add = el('button', { type: 'button', className: 'sf-add secondary', onclick: () => addRow(null, false) }, 'Add');
    add.setAttribute('aria-label', 'Add ' + (s.label || s.key));
    (Array.isArray(value) ? value : []).forEach(v => addRow(v, true));

    const box = el('fieldset', { className: 'sf-field sf-object_list', dataset: { key: s.key }, attrs: { 'aria-describedby': id + '-help ' + id + '-error' } },
      legend, rowsBox, add,
      el('div', { className: 'sf-help', id: id + '-help' }, s.help || ''),
      el('div', { className: 'sf-error', id: id + '-error', attrs: { role: 'alert' } }));
    return {
      box, setting: s, rows,
      read() {
        const list = rows.map(r => {
          const obj = {};
          let filled = false;
          r.fields.forEach(f => {
            const v = f.control.read();
            if (v === undefined) return;
            if (typeof v !== 'boolean') filled = true;
            setPath(obj, f.setting.key, v);
          });
          return filled ? obj : null;
        }).filter(Boolean);
        return list.length ? list : undefined;
      }
    };
  }

  /**
   * Renders settings into a container.
   * @param {Element} container emptied first
   * @param {Array} settings the schema's settings
   * @param {Object} values current values (nested JSON); settings absent from it show their default
   * @param {{onChange?: function, groups?: boolean}} options
   */
  function render(container, settings, values, options) {
    const opts = Object.assign({ groups: true, onChange: () => {} }, options || {});
    values = values || {};
    const root = el('div', { className: 'sf-root' });
    container.replaceChildren(root);
    container = root;
    const fields = [];
    const groups = []; // {id, label} of each group's fieldset, for an in-page menu
    for (const [group, list] of grouped(settings)) {
      const parent = opts.groups && group ? el('fieldset', { className: 'sf-group', id: groupId(group) }, el('legend', {}, group)) : container;
      if (parent !== container) { container.append(parent); groups.push({ id: parent.id, label: group }); }
      for (const s of list) {
        let v = getPath(values, s.key);
        if (v === undefined) v = s.default;
        if (s.type === 'object_list') {
          const ol = objectList(s, v, () => opts.onChange(s.key));
          fields.push(ol);
          parent.append(ol.box);
        } else {
          const f = fieldBox(s, s.key, v, getPath(values, s.key + 'Set') === true);
          fields.push(f);
          parent.append(f.box);
        }
      }
    }
    container.addEventListener('input', () => opts.onChange());
    container.addEventListener('change', () => opts.onChange());

    function boxFor(path) {
      // The most specific field shown for a path such as origins[0], workingIntervals[1].time or offline.forwardTo.
      let p = path;
      while (p) {
        const found = container.querySelector('.sf-field[data-key="' + CSS.escape(p) + '"]');
        if (found) return found;
        const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
        if (cut <= 0) break;
        p = p.slice(0, cut);
      }
      // A path naming an object whose settings are dotted keys below it, such as mapTo for mapTo.contact.
      return container.querySelector('.sf-field[data-key^="' + CSS.escape(path + '.') + '"]');
    }

    return {
      /** The JSON object: dotted keys nested, empty optional values left out. */
      collect() {
        const out = {};
        for (const f of fields) {
          const v = f.read ? f.read() : f.control.read();
          if (v !== undefined) setPath(out, f.setting.key, v);
        }
        return out;
      },
      /** Shows field errors beside their inputs; returns the ones no input matched. */
      showErrors(errors) {
        this.clearErrors();
        const unmatched = [];
        let first = null;
        for (const e of errors || []) {
          const box = boxFor(String(e.field || ''));
          if (!box) { unmatched.push(e); continue; }
          box.classList.add('sf-invalid');
          const slot = box.querySelector(':scope > .sf-error');
          slot.append(el('div', {}, e.message || e.rule || 'Invalid value'));
          box.querySelectorAll(':scope > input, :scope > textarea, :scope > select, :scope .sf-check > input, :scope .sf-color-pair > input[type=text]')
            .forEach(i => i.setAttribute('aria-invalid', 'true'));
          first = first || box;
        }
        if (first) first.querySelector('input, textarea, select, button')?.focus({ preventScroll: false });
        return unmatched;
      },
      clearErrors() {
        container.querySelectorAll('.sf-invalid').forEach(b => b.classList.remove('sf-invalid'));
        container.querySelectorAll('.sf-error').forEach(b => b.replaceChildren());
        container.querySelectorAll('[aria-invalid]').forEach(b => b.removeAttribute('aria-invalid'));
      },
      /** The wrapper of a top-level setting. */
      box(key) { return container.querySelector('.sf-field[data-key="' + CSS.escape(key) + '"]'); },
      fields,
      groups
    };
  }

  window.SchemaForm = { render, el, getPath, setPath };
})();
