/* Small helpers shared by the agent console and the supervisor list. Everything is built with DOM APIs. */
(function () {
  'use strict';

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

  class ApiError extends Error {
    constructor(status, body) {
      super((body && body.message) || (status ? 'The server answered ' + status + '.' : 'The server cannot be reached.'));
      this.status = status;
      this.body = body || {};
      this.code = this.body.error || '';
    }
  }

  /** A JSON request with a bearer token; resolves to the parsed body, rejects with an ApiError. */
  async function request(token, method, path, body) {
    const headers = { Authorization: 'Bearer ' + token };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res;
    try {
      res = await fetch(path, { method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ApiError(0, null);
    }
    const raw = res.status === 204 ? '' : await res.text();
    let data = raw;
    if ((res.headers.get('Content-Type') || '').includes('json') && raw) {
      try { data = JSON.parse(raw); } catch (e) { data = raw; }
    }
    if (!res.ok) throw new ApiError(res.status, data && typeof data === 'object' ? data : { message: raw.slice(0, 300) || null });
    return data;
  }

  const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

  /** Whether a field value is a list of upload ids (an attachment field). */
  function isUploadList(v) {
    return Array.isArray(v) && v.length > 0 && v.every(x => typeof x === 'string' && UPLOAD_ID.test(x));
  }

  function valueText(v) {
    if (v === null || v === undefined) return '';
    if (Array.isArray(v)) return v.map(valueText).join(', ');
    if (typeof v === 'object') return JSON.stringify(v);
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return String(v);
  }

  /** The file name in a Content-Disposition header, if any. */
  function fileName(disposition, fallback) {
    const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(disposition || '');
    if (star) { try { return decodeURIComponent(star[1].trim().replace(/^"|"$/g, '')); } catch (e) { /* use the plain name */ } }
    const plain = /filename="?([^";]+)"?/i.exec(disposition || '');
    return plain ? plain[1] : fallback;
  }

  /** A link that downloads an upload with a bearer token: fetch, blob, object URL, download attribute. */
  function uploadLink(id, index, urlFor, tokenFor, shownName) {
    const label = shownName || 'File ' + (index + 1);
    const a = el('a', { className: 'attachment', href: '#', dataset: { uploadId: id } }, label);
    a.addEventListener('click', async e => {
      if (a.dataset.ready) return; // the object URL is in place: let the browser download it
      e.preventDefault();
      a.textContent = 'Downloading…';
      try {
        const res = await fetch(urlFor(id), { headers: { Authorization: 'Bearer ' + tokenFor() } });
        if (!res.ok) throw new Error('The server answered ' + res.status + '.');
        const name = fileName(res.headers.get('Content-Disposition'), 'file-' + (index + 1));
        const blob = await res.blob();
        a.href = URL.createObjectURL(blob);
        a.download = name;
        a.textContent = name;
        a.dataset.ready = '1';
        a.click();
      } catch (err) {
        a.textContent = label + ' (' + err.message + ')';
      }
    });
    return a;
  }

  /**
   * A definition list of an object's entries, values as text; lists of upload ids become download links.
   * @param {Object} obj the values
   * @param {{urlFor?: function(string): string, tokenFor?: function(): string}} options for downloads
   */
  function detailsList(obj, options) {
    const dl = el('dl', { className: 'kv' });
    for (const [k, v] of Object.entries(obj || {})) {
      let dd;
      if (options && options.urlFor && isUploadList(v)) {
        dd = el('dd', {}, v.map((id, i) => [i ? ' ' : null, uploadLink(id, i, options.urlFor, options.tokenFor)]));
      } else {
        dd = el('dd', {}, valueText(v));
      }
      dl.append(el('dt', {}, k), dd);
    }
    return dl;
  }

  /**
   * A definition list of an offer's form: [{name, label, value, files: [{uploadId, name}]}] in form
   * order, labels as terms; attached files as download links named by file name.
   */
  function formList(entries, options) {
    const dl = el('dl', { className: 'kv' });
    for (const f of entries || []) {
      let dd;
      if (Array.isArray(f.files) && f.files.length && options && options.urlFor) {
        dd = el('dd', {}, f.files.map((file, i) => [i ? ' ' : null,
          uploadLink(String(file.uploadId), i, options.urlFor, options.tokenFor, String(file.name || ''))]));
      } else if (Array.isArray(f.files) && f.files.length) {
        dd = el('dd', {}, f.files.map(file => String(file.name || '')).join(', '));
      } else {
        dd = el('dd', {}, valueText(f.value));
      }
      dl.append(el('dt', { dataset: { name: String(f.name || '') } }, String(f.label || f.name || '')), dd);
    }
    return dl;
  }

  function time(iso, withDate) {
    const d = new Date(iso);
    if (isNaN(d)) return iso ? String(iso) : '';
    return withDate ? d.toLocaleString() : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  /** A random id, also where crypto.randomUUID is missing (plain http). */
  function randomId() {
    if (window.crypto && crypto.randomUUID) { try { return crypto.randomUUID(); } catch (e) { /* not a secure context */ } }
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
  }

  window.AgentUi = { el, request, ApiError, valueText, detailsList, formList, isUploadList, time, randomId };
})();
