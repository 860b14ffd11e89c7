/* The agent console: availability, the live event stream, offers, chats, messages, close, video calls. */
(function () {
  'use strict';
  const { el, request, detailsList, formList, time, randomId } = window.AgentUi;
  const TOKEN_KEY = 'chatWebsite.agentToken';
  const UPLOADS = '/plugins/chat-website/agent/uploads/';
  const $ = id => document.getElementById(id);
  const FROM = ['customer', 'agent', 'system'];

  let token = '';
  let session = 0;                 // bumps on sign-in/out so an old stream loop stops
  let streamAbort = null;
  let lastEventId = null;
  const items = new Map();         // interaction id -> interaction (state waiting|active)
  const closed = new Map();        // interaction id -> disposition
  const messages = new Map();      // interaction id -> Map(seq -> message)
  const unread = new Map();        // interaction id -> count
  let openId = null;
  const typingNow = new Map();     // interaction id -> {draft, timer}: the customer is typing (live only)
  const customerRead = new Map();  // interaction id -> the highest seq the customer has seen
  const agentRead = new Map();     // interaction id -> the highest seq reported as seen here

  const api = (method, path, body) => request(token, method, path, body).catch(e => {
    if (e.status === 401) signOut('The agent token was refused. Sign in again.');
    throw e;
  });

  function showError(message) { $('errors').textContent = message || ''; }

  /* ---------- sign in ---------- */

  async function signIn(value) {
    token = value.trim();
    showError('');
    if (!token) { showError('Enter your agent token.'); $('token').focus(); return; }
    let status;
    try {
      status = await api('GET', '/api/agent/status');
    } catch (e) {
      if (e.status !== 401) showError(e.message);
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    $('login-form').hidden = true;
    $('signed-in').hidden = false;
    $('agent-name').textContent = status.agent || '';
    $('available').checked = status.available === true;
    fillDispositions(status.dispositions);
    $('no-chat').textContent = 'Accept an offer or pick a chat.';
    runStream(++session);
  }

  /** The host's dispositions an agent may give; the first is the default. */
  function fillDispositions(list) {
    if (!Array.isArray(list) || !list.length) return;
    $('disposition').replaceChildren(...list.map(d => el('option', {}, String(d))));
  }

  function signOut(message) {
    session++;
    if (streamAbort) streamAbort.abort();
    sessionStorage.removeItem(TOKEN_KEY);
    token = '';
    lastEventId = null;
    items.clear(); closed.clear(); messages.clear(); unread.clear();
    typingNow.forEach(t => clearTimeout(t.timer)); typingNow.clear(); customerRead.clear(); agentRead.clear();
    openId = null;
    $('chat').hidden = true;
    $('no-chat').hidden = false;
    $('no-chat').textContent = 'Sign in, then accept an offer or pick a chat.';
    $('login-form').hidden = false;
    $('signed-in').hidden = true;
    $('token').value = '';
    setConn('offline');
    renderLists();
    showError(message || '');
    $('token').focus();
  }

  async function setAvailable() {
    const box = $('available');
    const wanted = box.checked;
    try {
      const s = await api('PUT', '/api/agent/status', { available: wanted });
      box.checked = s.available === true;
    } catch (e) {
      box.checked = !wanted;
      showError(e.message);
    }
  }

  /* ---------- event stream ---------- */

  function setConn(state) {
    const s = $('agent-status');
    s.dataset.state = state;
    s.textContent = state;
  }

  const sleep = ms => new Promise(r => setTimeout(r, ms));

  /** Reads /api/agent/events with fetch (it needs the Authorization header), reconnecting with Last-Event-ID. */
  async function runStream(mine) {
    let backoff = 1000;
    while (mine === session) {
      const ctrl = new AbortController();
      streamAbort = ctrl;
      let watchdog = 0;
      const arm = () => { clearTimeout(watchdog); watchdog = setTimeout(() => ctrl.abort(), 45000); };
      try {
        const headers = { Authorization: 'Bearer ' + token, Accept: 'text/event-stream' };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        arm();
        const res = await fetch('/api/agent/events', { headers, cache: 'no-store', signal: ctrl.signal });
        if (res.status === 401) { clearTimeout(watchdog); if (mine === session) signOut('The agent token was refused. Sign in again.'); return; }
        if (!res.ok || !res.body) throw new Error('HTTP ' + res.status);
        setConn('connected');
        backoff = 1000;
        refreshInteractions();
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buf = '';
        let ev = { type: '', data: [], id: null };
        for (;;) {
          const { value, done } = await reader.read();
          if (done || mine !== session) break;
          arm();
          buf += decoder.decode(value, { stream: true });
          let m;
          while ((m = /\r\n|\n|\r/.exec(buf))) {
            if (m[0] === '\r' && m.index === buf.length - 1) break; // a \r\n may be split across chunks
            const line = buf.slice(0, m.index);
            buf = buf.slice(m.index + m[0].length);
            if (line === '') {
              if (ev.id !== null) lastEventId = ev.id;
              if (ev.data.length) dispatch(ev.type || 'message', ev.data.join('\n'));
              ev = { type: '', data: [], id: null };
              continue;
            }
            if (line.startsWith(':')) continue;
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            let val = colon < 0 ? '' : line.slice(colon + 1);
            if (val.startsWith(' ')) val = val.slice(1);
            if (field === 'event') ev.type = val;
            else if (field === 'data') ev.data.push(val);
            else if (field === 'id' && !val.includes('\0')) ev.id = val;
          }
        }
        throw new Error('The stream ended.');
      } catch (e) {
        if (mine !== session) return;
        setConn('reconnecting');
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 10000);
      } finally {
        clearTimeout(watchdog);
      }
    }
  }

  function dispatch(type, raw) {
    let data;
    try { data = JSON.parse(raw); } catch (e) { return; }
    if (!data || typeof data !== 'object') return;
    switch (type) {
      case 'offered': upsert(data); break;
      case 'withdrawn': withdraw(data.interactionId); break;
      case 'message': addMessage(data.interactionId, data, true); break;
      case 'closed': markClosed(data.interactionId, data.disposition); break;
      case 'typing': customerTyping(data); break;
      case 'read': customerSeen(data); break;
      default: break;
    }
  }

  /* ---------- interactions ---------- */

  async function refreshInteractions() {
    let list;
    try { list = await api('GET', '/api/agent/interactions'); } catch (e) { return; }
    if (!Array.isArray(list)) return;
    const seen = new Set(list.map(i => i.id));
    for (const id of [...items.keys()]) if (!seen.has(id)) items.delete(id);
    list.forEach(i => { closed.delete(i.id); items.set(i.id, i); });
    if (openId && !items.has(openId) && !closed.has(openId)) markClosed(openId, null);
    renderLists();
    if (openId && items.has(openId)) renderChatHeader();
  }

  function upsert(i) {
    if (!i.id || closed.has(i.id)) return;
    const known = items.get(i.id);
    // A replayed offer never takes back an accepted chat.
    const state = known && known.state === 'active' ? 'active' : i.state || 'waiting';
    items.set(i.id, Object.assign({}, known, i, { state }));
    renderLists();
    if (openId === i.id) renderChatHeader();
  }

  function withdraw(id) {
    const known = items.get(id);
    if (known && known.state !== 'active') { items.delete(id); renderLists(); }
  }

  function markClosed(id, disposition) {
    if (!id) return;
    closed.set(id, disposition || '');
    items.delete(id);
    unread.delete(id);
    renderLists();
    if (openId === id) renderChatState();
  }

  function who(i) {
    const f = i.fields || {};
    const c = (i.contact && i.contact.fields) || {};
    const name = f.name || (i.contact && i.contact.name) || [c.firstName, c.lastName].filter(Boolean).join(' ') || f.email || c.email;
    return name ? String(name) : 'Customer';
  }

  const downloads = { urlFor: id => UPLOADS + encodeURIComponent(id), tokenFor: () => token };

  function details(i) {
    const box = el('div', { className: 'details' });
    const part = (title, obj) => { if (obj && Object.keys(obj).length) box.append(el('div', { className: 'kv-block' }, el('h4', {}, title), detailsList(obj, downloads))); };
    if (Array.isArray(i.form) && i.form.length) {
      box.append(el('div', { className: 'kv-block' }, el('h4', {}, 'Fields'), formList(i.form, downloads)));
    } else {
      part('Fields', i.fields);
    }
    part('Variables', i.variables);
    if (i.contact) box.append(el('div', { className: 'kv-block' }, el('h4', {}, 'Contact'), contactList(i.contact)));
    if (i.page) part('Page', { page: i.page });
    return box;
  }

  /** The linked contact by name or e-mail; its id is for machines, not shown. */
  function contactList(contact) {
    const c = contact.fields || {};
    const name = contact.name || [c.firstName, c.lastName].filter(Boolean).join(' ');
    const shown = {};
    if (name) shown.name = name;
    if (c.email && c.email !== name) shown['e-mail'] = c.email;
    if (!name && !c.email) shown.contact = 'on file, without a name';
    const dl = detailsList(shown);
    dl.classList.add('contact');
    return dl;
  }

  function renderLists() {
    const all = [...items.values()].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    const offers = all.filter(i => i.state !== 'active');
    const chats = all.filter(i => i.state === 'active');
    const active = document.activeElement;
    const refocus = active && (active.classList.contains('accept') || active.classList.contains('chat-item'))
      ? { id: active.closest('[data-id]').dataset.id, accept: active.classList.contains('accept') } : null;

    $('offers').replaceChildren(...offers.map(i => el('li', { className: 'offer', dataset: { id: i.id } },
      el('div', { className: 'offer-head' },
        el('strong', {}, who(i)),
        el('span', { className: 'muted' }, i.websiteName || ''),
        el('time', { className: 'muted', dateTime: i.createdAt || '' }, time(i.createdAt))),
      details(i),
      el('button', { type: 'button', className: 'accept', onclick: () => accept(i.id), attrs: { 'aria-label': 'Accept chat with ' + who(i) } }, 'Accept'),
      el('div', { className: 'offer-error', attrs: { role: 'alert' } }))));
    if (!offers.length) $('offers').append(el('li', { className: 'muted' }, 'No offers.'));

    $('chats').replaceChildren(...chats.map(i => {
      const n = unread.get(i.id) || 0;
      const b = el('button', { type: 'button', className: 'chat-item', dataset: { id: i.id }, onclick: () => openChat(i.id) },
        el('span', { className: 'chat-item-name' }, who(i)),
        el('span', { className: 'muted' }, i.websiteName || ''),
        n ? el('span', { className: 'badge', attrs: { 'aria-label': n + ' unread' } }, String(n)) : null,
        typingNow.has(i.id) ? el('span', { className: 'typing-badge' }, 'typing…') : null);
      if (openId === i.id) b.setAttribute('aria-current', 'true');
      return el('li', {}, b);
    }));
    if (!chats.length) $('chats').append(el('li', { className: 'muted' }, 'No chats.'));

    $('offers-count').textContent = offers.length ? '(' + offers.length + ')' : '';
    $('chats-count').textContent = chats.length ? '(' + chats.length + ')' : '';
    document.title = (offers.length ? '(' + offers.length + ') ' : '') + 'Agent console';
    // Keep the keyboard focus on the element it was on before the lists were rebuilt.
    if (refocus) {
      const again = document.querySelector(refocus.accept
        ? '#offers .offer[data-id="' + CSS.escape(refocus.id) + '"] .accept'
        : '#chats .chat-item[data-id="' + CSS.escape(refocus.id) + '"]');
      if (again) again.focus();
    }
  }

  async function accept(id) {
    const node = document.querySelector('#offers .offer[data-id="' + CSS.escape(id) + '"]');
    const btn = node && node.querySelector('.accept');
    if (btn) btn.disabled = true;
    try {
      await api('POST', '/api/agent/interactions/' + encodeURIComponent(id) + '/accept');
    } catch (e) {
      if (node) node.querySelector('.offer-error').textContent = e.message;
      if (btn) btn.disabled = false;
      if (e.status === 404 || e.status === 409) setTimeout(refreshInteractions, 1500);
      return;
    }
    const i = items.get(id);
    if (i) i.state = 'active';
    else refreshInteractions();
    renderLists();
    openChat(id);
  }

  /* ---------- the open chat ---------- */

  async function openChat(id) {
    openId = id;
    unread.delete(id);
    $('no-chat').hidden = true;
    $('chat').hidden = false;
    $('chat').dataset.id = id;
    $('chat-error').textContent = '';
    $('video-result').replaceChildren();
    $('reply').value = '';
    renderLists();
    renderChatHeader();
    renderMessages();
    renderChatState();
    renderTyping();
    $('reply').focus();
    try {
      const history = await api('GET', '/api/agent/interactions/' + encodeURIComponent(id) + '/messages');
      if (Array.isArray(history)) history.forEach(m => addMessage(id, m, false));
      if (openId === id) { renderMessages(); reportRead(); }
    } catch (e) {
      if (openId === id) $('chat-error').textContent = e.message;
    }
  }

  function renderChatHeader() {
    const i = items.get(openId);
    if (!i) return;
    $('chat-title').textContent = who(i) + (i.websiteName ? ' · ' + i.websiteName : '');
    $('chat-details').replaceChildren(details(i));
  }

  function renderChatState() {
    const ended = closed.has(openId);
    ['reply', 'send', 'close', 'video', 'disposition', 'attach'].forEach(id => { $(id).disabled = ended; });
    const note = $('chat').querySelector('.closed-note');
    if (ended && !note) {
      const d = closed.get(openId);
      $('messages').after(el('p', { className: 'closed-note' }, 'This chat is closed' + (d ? ' (' + d + ')' : '') + '.'));
    } else if (!ended && note) note.remove();
  }

  function addMessage(id, m, live) {
    if (!id || typeof m.seq !== 'number') return;
    if (!messages.has(id)) messages.set(id, new Map());
    const map = messages.get(id);
    const isNew = !map.has(m.seq);
    map.set(m.seq, Object.assign({}, map.get(m.seq), m));
    if (!isNew) return;
    if (m.from === 'customer' && typingNow.has(id) && live) stopTyping(id);
    if (id === openId) { appendMessage(map.get(m.seq)); renderSeen(); reportRead(); }
    else if (live && m.from === 'customer' && items.has(id)) { unread.set(id, (unread.get(id) || 0) + 1); renderLists(); }
  }

  function messageNode(m) {
    const from = FROM.includes(m.from) ? m.from : 'system';
    const body = m.file && typeof m.file === 'object' ? fileNode(m.file) : String(m.text === undefined || m.text === null ? '' : m.text);
    return el('li', {
      className: 'msg', dataset: { from, seq: String(m.seq), time: time(m.at), who: from === 'agent' && m.agent ? String(m.agent) : from },
      attrs: { title: time(m.at, true) }
    }, body);
  }

  /* ---------- files in the chat ---------- */

  const MAX_FILE = 10 * 1024 * 1024;

  function fileSize(n) {
    n = Number(n) || 0;
    return n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
  }

  /** A file message: its name as a download button (the token goes in a header) and its size. */
  function fileNode(f) {
    const id = openId;
    const name = String(f.name || 'file');
    const button = el('button', { type: 'button', className: 'file-link', dataset: { fileId: String(f.id || '') }, title: 'Download ' + name }, name);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        const res = await fetch('/api/agent/interactions/' + encodeURIComponent(id) + '/files/' + encodeURIComponent(f.id),
          { headers: { Authorization: 'Bearer ' + token }, cache: 'no-store' });
        if (!res.ok) throw new Error('The server answered ' + res.status + '.');
        const url = URL.createObjectURL(await res.blob());
        const a = el('a', { href: url, download: name, hidden: true });
        document.body.append(a);
        a.click();
        setTimeout(() => { URL.revokeObjectURL(url); a.remove(); }, 60000);
      } catch (e) {
        if (openId === id) $('chat-error').textContent = 'Download of ' + name + ' failed: ' + e.message;
      } finally {
        button.disabled = false;
      }
    });
    return el('span', { className: 'chat-file' }, button, el('span', { className: 'file-size' }, fileSize(f.size)));
  }

  async function sendFile() {
    const id = openId;
    const input = $('attach-file');
    const file = input.files && input.files[0];
    input.value = '';
    if (!id || !file || closed.has(id)) return;
    $('chat-error').textContent = '';
    if (file.size > MAX_FILE) { $('chat-error').textContent = file.name + ' is larger than 10 MB.'; return; }
    const clientMessageId = randomId();
    const path = '/api/agent/interactions/' + encodeURIComponent(id) + '/files?clientMessageId=' + encodeURIComponent(clientMessageId);
    for (let attempt = 0; ; attempt++) {
      const form = new FormData();
      form.append('file', file, file.name);
      let res;
      try {
        res = await fetch(path, { method: 'POST', headers: { Authorization: 'Bearer ' + token }, body: form });
      } catch (e) {
        // A network error is retried with the same clientMessageId: the server keeps one message and one file.
        if (attempt < 3 && openId === id) { await sleep(1000 * (attempt + 1)); continue; }
        if (openId === id) $('chat-error').textContent = 'The server cannot be reached.';
        return;
      }
      let body = {};
      try { body = await res.json(); } catch (e) { /* not JSON */ }
      if (res.status === 201) {
        addMessage(id, { seq: body.seq, from: 'agent', text: body.file ? body.file.name : file.name, file: body.file, at: new Date().toISOString(), clientMessageId }, false);
      } else if (res.status === 401) {
        signOut('The agent token was refused. Sign in again.');
      } else if (openId === id) {
        $('chat-error').textContent = 'The file was not sent: ' + (body.message || 'the server answered ' + res.status + '.');
      }
      return;
    }
  }

  function renderMessages() {
    const map = messages.get(openId) || new Map();
    const list = [...map.values()].sort((a, b) => a.seq - b.seq);
    $('messages').replaceChildren(...list.map(messageNode));
    renderSeen();
    scrollDown();
  }

  /** Appends in seq order (a late message goes to its place). */
  function appendMessage(m) {
    const box = $('messages');
    const node = messageNode(m);
    const after = [...box.children].find(c => Number(c.dataset.seq) > m.seq);
    const nearBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
    box.insertBefore(node, after || null);
    if (nearBottom || m.from === 'agent') scrollDown();
  }

  function scrollDown() { const b = $('messages'); b.scrollTop = b.scrollHeight; }

  async function send() {
    const id = openId;
    const text = $('reply').value;
    if (!id || !text.trim() || closed.has(id)) return;
    $('reply').value = '';
    $('chat-error').textContent = '';
    sendTyping(false);
    const clientMessageId = randomId();
    for (let attempt = 0; ; attempt++) {
      try {
        const r = await api('POST', '/api/agent/interactions/' + encodeURIComponent(id) + '/messages', { text, clientMessageId });
        addMessage(id, { seq: r.seq, from: 'agent', text, at: new Date().toISOString(), clientMessageId }, false);
        return;
      } catch (e) {
        // A network error is retried with the same clientMessageId: the server keeps one message.
        if (e.status === 0 && attempt < 3 && openId === id) { await sleep(1000 * (attempt + 1)); continue; }
        if (openId === id) {
          $('chat-error').textContent = e.status === 409 ? 'The chat is closed: ' + e.message : e.message;
          if (!$('reply').value) $('reply').value = text;
        }
        return;
      }
    }
  }

  async function closeChat() {
    const id = openId;
    if (!id) return;
    const disposition = $('disposition').value;
    try {
      await api('POST', '/api/agent/interactions/' + encodeURIComponent(id) + '/close', { disposition });
    } catch (e) {
      $('chat-error').textContent = e.message;
      return;
    }
    markClosed(id, disposition);
    const next = $('chats').querySelector('.chat-item') || $('offers').querySelector('.accept');
    if (next) next.focus();
  }

  async function videoCall() {
    const id = openId;
    const out = $('video-result');
    out.replaceChildren('Starting…');
    try {
      const r = await api('POST', '/api/agent/interactions/' + encodeURIComponent(id) + '/video-call');
      const url = String(r.url || '');
      const a = el('a', { id: 'video-link', target: '_blank', rel: 'noopener noreferrer' }, url);
      if (/^https?:\/\//i.test(url)) a.href = url;
      if (openId === id) out.replaceChildren('Video call: ', a);
    } catch (e) {
      const text = e.status === 409 && e.code !== 'not_accepted' ? 'Video calls are off for this website' : e.message;
      if (openId === id) out.replaceChildren(el('span', { className: 'error' }, text));
    }
  }

  /* ---------- typing and read receipts ---------- */

  /** The customer types (live, never replayed): "typing…" on the chat, and the draft where the website shares it. */
  function customerTyping(d) {
    const id = d.interactionId;
    if (!id) return;
    const known = typingNow.get(id);
    if (known) clearTimeout(known.timer);
    if (d.typing === true || (typeof d.draft === 'string' && d.draft !== '')) {
      // forgotten unless renewed: the widget sends one every 2 s while typing
      const timer = setTimeout(() => stopTyping(id), d.typing === true ? 7000 : 60000);
      typingNow.set(id, { typing: d.typing === true, draft: typeof d.draft === 'string' ? d.draft : (known && known.draft) || '', timer });
    } else typingNow.delete(id);
    renderLists();
    if (openId === id) renderTyping();
  }

  function stopTyping(id) {
    const t = typingNow.get(id);
    if (t) clearTimeout(t.timer);
    typingNow.delete(id);
    renderLists();
    if (openId === id) renderTyping();
  }

  function renderTyping() {
    const t = typingNow.get(openId);
    $('customer-typing').textContent = t && t.typing ? 'The customer is typing…' : '';
    const draft = t && t.draft ? t.draft : '';
    $('customer-draft').hidden = !draft;
    $('customer-draft-text').textContent = draft;
  }

  function customerSeen(d) {
    const id = d.interactionId;
    const seq = Number(d.customerReadSeq);
    if (!id || !(seq > (customerRead.get(id) || 0))) return;
    customerRead.set(id, seq);
    if (openId === id) renderSeen();
  }

  /** "Seen" under the last agent message the customer has seen. */
  function renderSeen() {
    const box = $('messages');
    box.querySelectorAll('.seen').forEach(n => n.remove());
    const upTo = customerRead.get(openId) || 0;
    const mine = [...box.querySelectorAll('.msg[data-from="agent"]')].filter(n => Number(n.dataset.seq) <= upTo);
    if (mine.length) mine[mine.length - 1].append(el('span', { className: 'seen' }, 'Seen'));
  }

  /** Reports the highest message shown while this chat is open and the tab visible. */
  async function reportRead() {
    const id = openId;
    if (!id || document.visibilityState === 'hidden' || closed.has(id) || !items.has(id)) return;
    const map = messages.get(id);
    if (!map || !map.size) return;
    const max = Math.max(...map.keys());
    if (max <= (agentRead.get(id) || 0)) return;
    const before = agentRead.get(id) || 0;
    agentRead.set(id, max);
    try {
      await api('POST', '/api/agent/interactions/' + encodeURIComponent(id) + '/read', { seq: max });
    } catch (e) {
      if (agentRead.get(id) === max) agentRead.set(id, before);
    }
  }

  // at most one "typing" every 2 s while typing, "stopped" after 5 s idle or on send
  const myTyping = { id: null, on: false, last: 0, timer: 0, idle: 0 };
  function typed() {
    const id = openId;
    if (!id || closed.has(id)) return;
    if (myTyping.id !== id && myTyping.on) sendTyping(false);
    myTyping.id = id;
    clearTimeout(myTyping.idle);
    myTyping.idle = setTimeout(() => sendTyping(false), 5000);
    const wait = myTyping.last + 2000 - Date.now();
    if (wait <= 0) sendTyping(true);
    else if (!myTyping.timer) myTyping.timer = setTimeout(() => { myTyping.timer = 0; if (myTyping.on) sendTyping(true); }, wait);
  }

  function sendTyping(on) {
    const id = myTyping.id;
    if (!id || (!on && !myTyping.on)) return;
    clearTimeout(myTyping.timer); myTyping.timer = 0;
    if (!on) clearTimeout(myTyping.idle);
    const gap = myTyping.last + 1100 - Date.now(); // the server passes on one a second
    if (!on && gap > 0) { myTyping.timer = setTimeout(() => { myTyping.timer = 0; myTyping.on = true; sendTyping(false); }, gap); myTyping.on = false; return; }
    myTyping.on = on;
    myTyping.last = Date.now();
    api('POST', '/api/agent/interactions/' + encodeURIComponent(id) + '/typing', { typing: on }).catch(() => {});
  }

  /* ---------- wiring ---------- */

  document.addEventListener('DOMContentLoaded', () => {
    $('login-form').addEventListener('submit', e => { e.preventDefault(); signIn($('token').value); });
    $('logout').addEventListener('click', () => signOut(''));
    $('available').addEventListener('change', setAvailable);
    $('composer').addEventListener('submit', e => { e.preventDefault(); send(); });
    $('reply').addEventListener('keydown', e => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); send(); }
    });
    $('reply').addEventListener('input', typed);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') reportRead(); });
    $('close').addEventListener('click', closeChat);
    $('video').addEventListener('click', videoCall);
    $('attach').addEventListener('click', () => $('attach-file').click());
    $('attach-file').addEventListener('change', sendFile);

    const m = /(?:^#|&)token=([^&]*)/.exec(location.hash);
    if (m) history.replaceState(null, '', location.pathname + location.search);
    const saved = m ? decodeURIComponent(m[1]) : sessionStorage.getItem(TOKEN_KEY);
    if (saved) { $('token').value = saved; signIn(saved); } else $('token').focus();
  });
})();
