/* Chat Website widget: launcher, pre-chat and offline forms, live chat. Plain JS, no dependencies. */
(function () {
  'use strict';
  var W = window, D = document;
  if (W.ChatWebsiteWidget || D.getElementById('cw-widget')) return;
  var script = D.currentScript || D.querySelector('script[data-chat-website-key]');
  if (!script) return;
  var KEY = script.getAttribute('data-chat-website-key');
  var BASE = (script.getAttribute('data-chat-website-url') || (script.src || '').replace(/\/widget\.js([?#].*)?$/, '')).replace(/\/+$/, '');
  if (!KEY) return;
  var API = BASE + '/widget/' + encodeURIComponent(KEY), SKEY = 'cw-session:' + KEY, OKEY = 'cw-open:' + KEY, MAXF = 10485760;

  var KEYS = 'launcher title send close newChat end leave sent required tooLarge uploading lost joined waiting ended start message remove choose tooLong error closedChat video failed offline agent'.split(' ');
  var LANG = {
    en: 'Chat|Chat with us|Send|Close chat|Start a new chat|End chat|Leave us a message|Message sent — we will answer by e-mail.|This field is required.|The file is larger than 10 MB.|Uploading…|Connection lost. Reconnecting…|{agent} joined the chat|Waiting for an agent…|Chat ended|Start chat|Your message|Remove|Choose…|The message is too long (at most {n} characters).|Something went wrong. Please try again.|The chat has ended.|Join the video call|Not sent|We are offline now. Leave us a message and we will answer by e-mail.|Agent',
    it: 'Chat|Chatta con noi|Invia|Chiudi la chat|Inizia una nuova chat|Termina la chat|Lasciaci un messaggio|Messaggio inviato — ti risponderemo via e-mail.|Campo obbligatorio.|Il file supera i 10 MB.|Caricamento…|Connessione persa. Riconnessione…|{agent} è entrato nella chat|In attesa di un operatore…|Chat terminata|Inizia la chat|Il tuo messaggio|Rimuovi|Scegli…|Il messaggio è troppo lungo (massimo {n} caratteri).|Si è verificato un errore. Riprova.|La chat è terminata.|Partecipa alla videochiamata|Non inviato|Siamo offline. Lasciaci un messaggio e ti risponderemo via e-mail.|Operatore',
    de: 'Chat|Chatten Sie mit uns|Senden|Chat schließen|Neuen Chat starten|Chat beenden|Hinterlassen Sie uns eine Nachricht|Nachricht gesendet — wir antworten per E-Mail.|Dieses Feld ist erforderlich.|Die Datei ist größer als 10 MB.|Wird hochgeladen…|Verbindung unterbrochen. Neuer Versuch…|{agent} ist dem Chat beigetreten|Warten auf einen Mitarbeiter…|Chat beendet|Chat starten|Ihre Nachricht|Entfernen|Bitte wählen…|Die Nachricht ist zu lang (höchstens {n} Zeichen).|Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.|Der Chat ist beendet.|Am Videoanruf teilnehmen|Nicht gesendet|Wir sind gerade offline. Hinterlassen Sie uns eine Nachricht, wir antworten per E-Mail.|Mitarbeiter',
    fr: 'Chat|Discutez avec nous|Envoyer|Fermer le chat|Démarrer une nouvelle discussion|Terminer la discussion|Laissez-nous un message|Message envoyé — nous vous répondrons par e-mail.|Ce champ est obligatoire.|Le fichier dépasse 10 Mo.|Envoi en cours…|Connexion perdue. Reconnexion…|{agent} a rejoint la discussion|En attente d’un conseiller…|Discussion terminée|Démarrer la discussion|Votre message|Supprimer|Choisir…|Le message est trop long ({n} caractères au maximum).|Une erreur est survenue. Veuillez réessayer.|La discussion est terminée.|Rejoindre l’appel vidéo|Non envoyé|Nous sommes hors ligne. Laissez-nous un message et nous vous répondrons par e-mail.|Conseiller',
    es: 'Chat|Chatea con nosotros|Enviar|Cerrar el chat|Iniciar un nuevo chat|Finalizar el chat|Déjanos un mensaje|Mensaje enviado — te responderemos por correo electrónico.|Este campo es obligatorio.|El archivo supera los 10 MB.|Subiendo…|Conexión perdida. Reconectando…|{agent} se ha unido al chat|Esperando a un agente…|Chat finalizado|Iniciar chat|Tu mensaje|Eliminar|Elegir…|El mensaje es demasiado largo (máximo {n} caracteres).|Algo salió mal. Inténtalo de nuevo.|El chat ha finalizado.|Unirse a la videollamada|No enviado|Ahora no estamos conectados. Déjanos un mensaje y te responderemos por correo electrónico.|Agente'
  };
  // strings of the transcript offer and the busy notice, picked like LANG
  var S_TX = {
    en: {busy: 'All our agents are busy right now. Leave us a message and we will answer by e-mail.', transcript: 'E-mail me the transcript', txEmail: 'Your e-mail', txSend: 'Send the transcript', txSent: 'The transcript is on its way to {email}.'},
    it: {busy: 'Tutti i nostri operatori sono occupati. Lasciaci un messaggio e ti risponderemo via e-mail.', transcript: 'Inviami la trascrizione via e-mail', txEmail: 'La tua e-mail', txSend: 'Invia la trascrizione', txSent: 'La trascrizione sta arrivando a {email}.'},
    de: {busy: 'Alle unsere Mitarbeiter sind gerade im Gespräch. Hinterlassen Sie uns eine Nachricht, wir antworten per E-Mail.', transcript: 'Verlauf per E-Mail senden', txEmail: 'Ihre E-Mail', txSend: 'Verlauf senden', txSent: 'Der Verlauf ist unterwegs an {email}.'},
    fr: {busy: 'Tous nos conseillers sont occupés. Laissez-nous un message et nous vous répondrons par e-mail.', transcript: 'Recevoir la transcription par e-mail', txEmail: 'Votre e-mail', txSend: 'Envoyer la transcription', txSent: 'La transcription est en route vers {email}.'},
    es: {busy: 'Todos nuestros agentes están ocupados. Déjanos un mensaje y te responderemos por correo electrónico.', transcript: 'Enviarme la transcripción por correo', txEmail: 'Tu correo electrónico', txSend: 'Enviar la transcripción', txSent: 'La transcripción va de camino a {email}.'}
  };
  var NAME = {control: 'text', name: 'name', label: 'Name', required: true};
  var MAIL = {control: 'text', attributes: {inputType: 'email'}, name: 'email', label: 'E-mail', required: true};
  var DEFF = {online: {sections: [NAME, MAIL]}, offline: {sections: [NAME, MAIL, {control: 'textarea', name: 'message', label: 'Message', required: true}]}};
  // fields render by control and attributes only, whatever type (and plugin) they come from
  var CONTROLS = /^(text|textarea|select|radio|checkboxes|checkbox|file)$/, INPUTS = /^(text|email|number|tel|url|date|time)$/;

  var CSS = '#cw-widget{--cw-c:#1f6feb;--cw-t:#fff;position:fixed;bottom:20px;right:20px;z-index:2147483000;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;text-align:left}' +
    '#cw-widget.cw-left{right:auto;left:20px}#cw-widget *,#cw-widget ::before,#cw-widget ::after{box-sizing:border-box}#cw-widget [hidden]{display:none!important}' +
    '#cw-widget button{font:inherit;cursor:pointer}#cw-widget button:disabled{opacity:.6;cursor:default}#cw-widget :focus-visible{outline:2px solid #0b57d0;outline-offset:2px}' +
    '.cw-launcher{display:block;margin-left:auto;min-height:48px;padding:12px 20px;border:0;border-radius:24px;background:var(--cw-c);color:var(--cw-t);font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
    '.cw-left .cw-launcher{margin-left:0}.cw-unread::after{content:"";display:inline-block;width:8px;height:8px;margin-left:8px;border-radius:50%;background:#e5484d;vertical-align:middle}' +
    '.cw-panel{position:absolute;bottom:60px;right:0;width:370px;max-width:calc(100vw - 40px);height:560px;max-height:calc(100vh - 100px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);overflow:hidden}' +
    '.cw-left .cw-panel{right:auto;left:0}.cw-header{display:flex;align-items:center;gap:10px;padding:12px 14px;background:var(--cw-c);color:var(--cw-t)}' +
    '.cw-logo{height:28px;max-width:80px;object-fit:contain}.cw-title{flex:1;font-size:16px;font-weight:600}' +
    '.cw-minimize{width:32px;height:32px;border:0;border-radius:6px;background:none;color:inherit;font-size:22px;line-height:1}' +
    '.cw-body{flex:1;min-height:0;overflow:auto;padding:14px;display:flex;flex-direction:column;gap:10px}' +
    '.cw-form{display:flex;flex-direction:column;gap:12px;margin:0}.cw-heading{font-weight:600;font-size:15px}' +
    '.cw-notice,.cw-label{margin:0;white-space:pre-wrap}.cw-alert{padding:8px 10px;border-radius:6px;background:#fff4e5;color:#7a4100}' +
    '.cw-field{display:flex;flex-direction:column;gap:4px;margin:0;padding:0;border:0;min-width:0}.cw-field legend{padding:0;margin-bottom:4px}' +
    '.cw-agree{flex-direction:row;align-items:flex-start;gap:8px;flex-wrap:wrap}.cw-opt{display:flex;align-items:center;gap:6px}.cw-req{color:#b00020}' +
    '#cw-widget input:not([type=checkbox]):not([type=radio]),#cw-widget select,#cw-widget textarea{width:100%;margin:0;padding:8px 10px;border:1px solid #b5b9c0;border-radius:6px;background:#fff;color:#1d1d1f;font:inherit}' +
    '#cw-widget [aria-invalid=true]{border-color:#b00020}.cw-error{flex-basis:100%;color:#b00020;font-size:12.5px}.cw-files{display:flex;flex-wrap:wrap;gap:6px}' +
    '.cw-file,.cw-uploading{display:inline-flex;align-items:center;gap:4px;max-width:100%;padding:2px 4px 2px 10px;border-radius:12px;background:#eef1f5;font-size:12.5px}' +
    '.cw-file-name{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.cw-file-remove{border:0;background:none;font-size:16px;line-height:1;padding:2px 6px}' +
    '.cw-submit,.cw-send,.cw-new{padding:10px 14px;border:0;border-radius:6px;background:var(--cw-c);color:var(--cw-t);font-weight:600}' +
    '.cw-bar{display:flex;align-items:center;gap:8px}.cw-state{flex:1;font-size:12.5px;color:#555}' +
    '.cw-end{padding:4px 10px;border:1px solid #b5b9c0;border-radius:6px;background:#fff;color:#1d1d1f;font-size:12.5px}' +
    '.cw-messages{flex:1;min-height:120px;overflow:auto;display:flex;flex-direction:column;gap:6px;padding:2px}.cw-ended .cw-messages{flex:none;overflow:visible;min-height:0}' +
    '.cw-message{max-width:85%;align-self:flex-start;padding:8px 11px;border-radius:14px;background:#eef1f5;white-space:pre-wrap;overflow-wrap:anywhere}' +
    '.cw-message[data-from=customer]{align-self:flex-end;background:var(--cw-c);color:var(--cw-t)}' +
    '.cw-message[data-from=system]{align-self:center;max-width:95%;background:none;color:#555;font-size:12.5px;text-align:center}' +
    '.cw-author,.cw-fail{font-size:11.5px;font-weight:600}.cw-pending{opacity:.6}.cw-failed{outline:2px solid #b00020}.cw-call{align-self:center}.cw-video{font-weight:600;color:#0b57d0}.cw-message.cw-call .cw-video{display:inline-block;margin-top:4px}' +
    '.cw-composer{display:flex;gap:8px;align-items:flex-end;margin:0}#cw-widget .cw-input{flex:1;resize:none;max-height:120px}' +
    '.cw-attach{display:inline-flex;align-items:center;padding:9px 10px;border:1px solid #b5b9c0;border-radius:6px;background:#fff;color:#1d1d1f}.cw-chatfile{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px}' +
    '#cw-widget .cw-dl{padding:0;border:0;background:none;color:inherit;text-decoration:underline;font-weight:600;overflow-wrap:anywhere;text-align:left}.cw-size{font-size:12px}' +
    '.cw-tail{display:flex;flex-direction:column;gap:10px}.cw-tail .cw-form~.cw-new{background:#fff;color:#1d1d1f;border:1px solid #b5b9c0}.cw-sent{margin:0;padding:10px;border-radius:6px;background:#e7f6ec;color:#1b5e20}' +
    '.cw-rate{display:flex;flex-direction:column;gap:8px;margin:0}.cw-stars{display:flex;gap:2px}.cw-star{position:relative;display:inline-flex;cursor:pointer}' +
    '.cw-star input{position:absolute;opacity:0;width:1px;height:1px;margin:0}.cw-star span[aria-hidden]{font-size:28px;line-height:1;padding:2px 4px;color:#767676}' +
    '.cw-star.cw-on span[aria-hidden]{color:#b26a00}.cw-star input:focus-visible+span{outline:2px solid #0b57d0;outline-offset:1px;border-radius:4px}' +
    '.cw-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '@media (max-width:480px){#cw-widget .cw-panel{position:fixed;top:0;right:0;bottom:0;left:0;width:auto;max-width:none;height:auto;max-height:none;border-radius:0}}';

  var cfg = {}, S = {}, root, launcher, panel, body, view, fst, sess, es, ses, note, seen = {}, pending = {}, C = {}, uidN = 0, shown, dead, retry = 0;

  function warn(e) { try { console.warn('[chat-website]', e); } catch (x) { /* no console */ } }
  function safe(fn) { return function () { try { return fn.apply(this, arguments); } catch (e) { warn(e); } }; }
  function uid() { return 'cw-' + (++uidN); }
  function tr(k, v) { return String(S[k] || k).replace(/\{(\w+)\}/g, function (m, x) { return v && v[x] != null ? v[x] : m; }); }
  function rid() { return [].map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join(''); }
  function assign(a, b) { for (var k in b) a[k] = b[k]; return a; }
  function h(tag, p, kids) {
    var e = D.createElement(tag);
    for (var k in p || {}) {
      var v = p[k];
      if (v == null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'cls') e.className = v;
      else if (typeof v === 'function') e.addEventListener(k.slice(2), safe(v));
      else e.setAttribute(k, v === true ? '' : v);
    }
    (kids || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? D.createTextNode(c) : c); });
    return e;
  }
  function ink(c) {
    var x = c.length === 4 ? c.replace(/\w/g, '$&$&') : c, n = parseInt(x.slice(1, 7), 16);
    return ((n >> 16) * 299 + ((n >> 8) & 255) * 587 + (n & 255) * 114) / 1000 > 160 ? '#111' : '#fff';
  }
  function load() { try { return JSON.parse(sessionStorage.getItem(SKEY)); } catch (e) { return null; } }
  function wasOpen() { try { return sessionStorage.getItem(OKEY) === '1'; } catch (e) { return false; } }
  function keepOpen(o) { try { if (o) sessionStorage.setItem(OKEY, '1'); else sessionStorage.removeItem(OKEY); } catch (e) { /* storage off */ } }
  function save() { try { if (sess) sessionStorage.setItem(SKEY, JSON.stringify(sess)); else sessionStorage.removeItem(SKEY); } catch (e) { /* storage off */ } }

  function api(method, path, data, token) {
    var hd = {};
    if (data !== undefined && !(data instanceof FormData)) { hd['Content-Type'] = 'application/json'; data = JSON.stringify(data); }
    if (token) hd.Authorization = 'Bearer ' + token;
    return fetch(API + path, {method: method, headers: hd, body: data, mode: 'cors', credentials: 'omit'}).then(function (r) {
      return r.text().then(function (t) {
        var d = null;
        try { d = t ? JSON.parse(t) : null; } catch (e) { /* not JSON */ }
        return {s: r.status, d: d || {}};
      });
    });
  }

  function setCfg(d) {
    cfg = d || {};
    var lang = (cfg.appearance || {}).language, o = W.ChatWebsiteStrings || {};
    S = {};
    KEYS.forEach(function (k, i) { S[k] = LANG.en.split('|')[i]; });
    if (LANG[lang]) KEYS.forEach(function (k, i) { S[k] = LANG[lang].split('|')[i]; });
    assign(S, assign(assign({}, S_LIVE.en), S_LIVE[lang] || {}));
    var x = S_TX[lang] || S_TX.en;
    for (var j in S_TX.en) S[j] = x[j] || S_TX.en[j];
    for (var k in o) if (typeof o[k] === 'string') S[k] = o[k];
  }
  function msgText(k) { var m = cfg.messages || {}; return m[k] || S[k]; }
  // files in the chat: strings of their own, in every language of LANG
  var S_FILES = {
    en: {attach: 'Attach a file', file: 'File', download: 'Download', downloading: 'Downloading…', type: 'This file type is not accepted.'},
    it: {attach: 'Allega un file', file: 'File', download: 'Scarica', downloading: 'Download in corso…', type: 'Questo tipo di file non è accettato.'},
    de: {attach: 'Datei anhängen', file: 'Datei', download: 'Herunterladen', downloading: 'Wird heruntergeladen…', type: 'Dieser Dateityp wird nicht angenommen.'},
    fr: {attach: 'Joindre un fichier', file: 'Fichier', download: 'Télécharger', downloading: 'Téléchargement…', type: 'Ce type de fichier n’est pas accepté.'},
    es: {attach: 'Adjuntar un archivo', file: 'Archivo', download: 'Descargar', downloading: 'Descargando…', type: 'Este tipo de archivo no se acepta.'}
  };
  function fs(k) { var l = S_FILES[(cfg.appearance || {}).language] || S_FILES.en, o = W.ChatWebsiteStrings || {}; return typeof o[k] === 'string' ? o[k] : l[k]; }
  function fsize(n) {
    n = +n || 0;
    return n < 1024 ? n + ' B' : n < 1048576 ? (n / 1024).toFixed(1) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
  }
  function kindNow() { return cfg.status === 'online' ? 'online' : 'offline'; }

  function start() {
    if (dead) return;
    sess = load();
    api('GET', '/config').then(function (r) {
      if (r.s >= 400 && r.s < 500) { dead = 1; return warn(r.d.message || 'config ' + r.s); }
      if (r.s !== 200) throw r;
      setCfg(r.d);
      var reopen = wasOpen();
      if (!sess && !reopen && !rulesMatch()) return;
      ready(function () { build(); if (sess || reopen) show(); else triggers(show); if (reopen) open(true); });
    }).catch(function (e) { warn(e); setTimeout(start, 30000); });
  }
  function ready(fn) { if (D.body) safe(fn)(); else D.addEventListener('DOMContentLoaded', safe(fn)); }

  function rulesMatch() {
    var r = cfg.displayRules || {}, p = r.urlPatterns || [], here = location.href;
    if (p.length && !p.some(function (x) {
      return new RegExp('^' + String(x).split('*').map(function (s) { return s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'); }).join('.*') + '$').test(here);
    })) return false;
    var m = /^\s*(\d\d?):(\d\d)\s*-\s*(\d\d?):(\d\d)\s*$/.exec(r.hours || '');
    if (m) {
      var a = m[1] * 60 + +m[2], b = m[3] * 60 + +m[4], t = nowMin(cfg.timezone || 'UTC');
      if (a < b ? t < a || t >= b : a > b && t < a && t >= b) return false;
    }
    return true;
  }
  function nowMin(tz) {
    var d = new Date(), o = {};
    try {
      new Intl.DateTimeFormat('en-GB', {timeZone: tz || undefined, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'})
        .formatToParts(d).forEach(function (x) { o[x.type] = +x.value; });
      return (o.hour % 24) * 60 + o.minute;
    } catch (e) { return d.getHours() * 60 + d.getMinutes(); }
  }
  function triggers(go) {
    var r = cfg.displayRules || {}, dl = +r.delaySeconds || 0, sp = +r.scrollPercent || 0, ex = r.exitIntent === true,
      cs = r.clickSelector, timed = dl > 0 || sp > 0, tOk = !dl, sOk = !sp, done;
    var fire = function () {
      if (done) return;
      done = 1;
      W.removeEventListener('scroll', sc);
      W.removeEventListener('mouseout', mo, true);
      W.removeEventListener('click', ck, true);
      go();
    };
    var chk = function () { if (timed && tOk && sOk) fire(); };
    var sc = safe(function () {
      var de = D.documentElement, max = Math.max(de.scrollHeight, D.body.scrollHeight) - W.innerHeight;
      if (max <= 0 || (W.pageYOffset || de.scrollTop) * 100 / max >= sp) { sOk = true; chk(); }
    });
    var mo = safe(function (e) { if (!e.relatedTarget && e.clientY <= 0) fire(); });
    var ck = safe(function (e) { var t = e.target; if (t && t.closest && t.closest(cs)) fire(); });
    if (!timed && !ex && !cs) return fire();
    if (dl) setTimeout(function () { tOk = true; chk(); }, Math.max(0, dl * 1000 - (W.performance ? performance.now() : 0)));
    if (sp) { W.addEventListener('scroll', sc, {passive: true}); sc(); }
    if (ex) W.addEventListener('mouseout', mo, true);
    if (cs) W.addEventListener('click', ck, true);
  }

  function build() {
    if (!D.getElementById('cw-style')) (D.head || D.body).appendChild(h('style', {id: 'cw-style', text: CSS + CSS_LIVE}));
    var A = cfg.appearance || {}, title = A.title || S.title,
      col = /^#([0-9a-f]{3}){1,2}$/i.test(A.color || '') ? A.color : '#1f6feb';
    root = h('div', {id: 'cw-widget', cls: A.position === 'bottom-left' ? 'cw-left' : null, lang: LANG[A.language] ? A.language : 'en'});
    root.style.setProperty('--cw-c', col);
    root.style.setProperty('--cw-t', ink(col));
    launcher = h('button', {type: 'button', cls: 'cw-launcher', 'aria-expanded': 'false', 'aria-controls': 'cw-panel', hidden: true, onclick: toggle}, [A.launcherText || S.launcher]);
    body = h('div', {cls: 'cw-body'});
    panel = h('div', {id: 'cw-panel', cls: 'cw-panel', role: 'dialog', 'aria-label': title, hidden: true,
      onkeydown: function (e) { if (e.key === 'Escape' || e.key === 'Esc') { e.stopPropagation(); close(); } }}, [
      h('div', {cls: 'cw-header'}, [
        /^https:\/\//i.test(A.logoUrl || '') ? h('img', {cls: 'cw-logo', src: A.logoUrl, alt: '', onerror: function () { this.remove(); }}) : null,
        h('div', {cls: 'cw-title', text: title}),
        h('button', {type: 'button', cls: 'cw-minimize', 'aria-label': S.close, title: S.close, text: '×', onclick: close})]),
      body]);
    root.appendChild(launcher);
    root.appendChild(panel);
    D.body.appendChild(root);
  }
  function show() {
    if (shown || dead) return;
    shown = 1;
    if (sess && sess.id && sess.token) resume(); else { sess = null; formView(kindNow()); }
    launcher.hidden = false;
  }
  function open(restored) {
    if (!panel) return;
    panel.hidden = false;
    keepOpen(true);
    launcher.setAttribute('aria-expanded', 'true');
    launcher.classList.remove('cw-unread');
    if (restored !== true) focusFirst();
    if (C.list) C.list.scrollTop = C.list.scrollHeight;
    watch();
    readSoon();
  }
  function close() {
    if (!panel || panel.hidden) return;
    panel.hidden = true;
    keepOpen(false);
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
    watch();
  }
  function toggle() { if (panel.hidden) open(); else close(); }
  function focusFirst() {
    var f = body.querySelector('input:not([disabled]),select,textarea,.cw-sent,.cw-new') || panel.querySelector('.cw-minimize');
    if (f) f.focus();
  }
  function inPanel() { return panel && !panel.hidden && (panel.contains(D.activeElement) || D.activeElement === D.body); }
  function destroy() {
    dead = 1;
    stopEs();
    if (ses) ses.close();
    sess = null;
    save();
    if (root) root.remove();
  }
  function setNote(t) {
    if (note) note.remove();
    note = t ? h('div', {cls: 'cw-notice cw-alert', role: 'status', text: t}) : null;
    if (note) body.insertBefore(note, body.firstChild);
  }

  // the status stream runs only while the panel shows a form (one connection less per tab otherwise)
  function watch() {
    var want = !dead && panel && !panel.hidden && view !== 'chat';
    if (!want || ses) { if (!want && ses) { ses.close(); ses = null; } return; }
    var s = ses = new EventSource(API + '/status');
    s.addEventListener('status', safe(function (e) { if (ses === s) status(JSON.parse(e.data)); }));
    s.onerror = safe(function () {
      if (ses === s && s.readyState === 2) { s.close(); ses = null; setTimeout(watch, 30000); }
    });
  }
  function status(d) {
    if (d.status === 'deleted') return destroy();
    cfg.status = d.status;
    cfg.reason = d.reason;
    cfg.nextChangeAt = d.nextChangeAt;
    if (view === 'form' && fst && fst.k !== kindNow()) {
      var f = inPanel();
      formView(kindNow(), values(fst));
      if (f) focusFirst();
    }
  }

  // Forms
  function formView(kind, vals) {
    stopEs();
    view = 'form';
    C = {};
    body.textContent = '';
    body.classList.remove('cw-ended');
    note = null;
    fst = form(kind, vals, null, true);
    body.appendChild(fst.el);
    watch();
  }
  function form(kind, vals, sid, intro) {
    var st = {k: kind, f: {}, busy: 0, sid: sid}, dv = {},
      def = (cfg.forms || {})[kind] || (cfg.form && kindNow() === kind ? cfg.form : null) || DEFF[kind];
    st.el = h('form', {cls: 'cw-form', 'data-kind': kind, novalidate: true, onsubmit: function (e) { e.preventDefault(); submit(st); }});
    if (kind === 'offline') {
      st.el.appendChild(h('div', {cls: 'cw-heading', text: S.leave}));
      if (intro) st.el.appendChild(h('p', {cls: 'cw-notice', text: cfg.reason === 'max-sessions' ? S.busy : msgText('offline')}));
    }
    (def.sections || []).forEach(function (f) {
      var x = f && field(f, st);
      if (x) st.el.appendChild(x);
      if (x && f.name && f['default'] != null) dv[f.name] = f['default'];
    });
    st.btn = h('button', {type: 'submit', cls: 'cw-submit', text: kind === 'online' ? S.start : S.send});
    st.el.appendChild(st.btn);
    fill(st, dv);
    if (vals) fill(st, vals);
    return st;
  }
  function attrs(a, keys) {
    var o = {};
    keys.split(' ').forEach(function (k) { if (a[k] != null && a[k] !== '') o[k] = String(a[k]); });
    return o;
  }
  function field(f, st) {
    var k = f.control, a = f.attributes || {}, nm = f.name, lab = f.label || nm || '', id = uid(), req = !!f.required, c = [], w, ctl, list, F;
    if (k === 'static') return h('p', {cls: 'cw-label', text: lab});
    if (!nm || !CONTROLS.test(k)) return null;
    var cap = [lab, req ? h('span', {cls: 'cw-req', 'aria-hidden': 'true', text: ' *'}) : null];
    var at = {name: nm, id: id, required: req, 'aria-required': req ? 'true' : null};
    if (k === 'radio' || k === 'checkboxes') {
      w = h('fieldset', {cls: 'cw-field'}, [h('legend', {}, cap)]);
      (f.options || []).forEach(function (o) {
        var i = h('input', {type: k === 'radio' ? 'radio' : 'checkbox', name: nm, value: o, required: k === 'radio' && req});
        c.push(i);
        w.appendChild(h('label', {cls: 'cw-opt'}, [i, String(o)]));
      });
    } else if (k === 'checkbox') {
      c.push(h('input', assign({type: 'checkbox'}, at)));
      w = h('div', {cls: 'cw-field cw-agree'}, [c[0], h('label', {'for': id}, cap)]);
    } else {
      if (k === 'select') {
        ctl = h('select', at, [h('option', {value: '', text: S.choose})].concat((f.options || []).map(function (o) { return h('option', {value: o, text: o}); })));
      } else if (k === 'textarea') {
        ctl = h('textarea', assign(assign({rows: a.rows || 3}, attrs(a, 'maxlength placeholder')), at));
      } else if (k === 'file') {
        ctl = h('input', assign({type: 'file', multiple: true, accept: a.accept || null, onchange: function () { pick(st, F, ctl); }}, at));
        list = h('div', {cls: 'cw-files'});
      } else {
        var it = INPUTS.test(a.inputType) ? a.inputType : 'text';
        ctl = h('input', assign(assign({type: it, autocomplete: it === 'email' ? 'email' : nm === 'name' ? 'name' : null},
          attrs(a, 'min max step pattern maxlength placeholder autocomplete inputmode')), at));
      }
      c.push(ctl);
      w = h('div', {cls: 'cw-field'}, [h('label', {'for': id}, cap), ctl, list]);
    }
    w.setAttribute('data-field', nm);
    F = st.f[nm] = {d: f, w: w, c: c, u: [], l: list};
    var recheck = function () { if (w.querySelector('.cw-error') && fieldOk(st, F)) setErr(st, nm, null); };
    w.addEventListener('input', safe(recheck));
    w.addEventListener('change', safe(recheck));
    return w;
  }
  function fill(st, vals) {
    for (var nm in vals) {
      var F = st.f[nm], v = vals[nm], k = F && F.d.control;
      if (!F || k === 'file') continue;
      if (k === 'radio' || k === 'checkboxes') F.c.forEach(function (x) { x.checked = Array.isArray(v) ? v.indexOf(x.value) >= 0 : x.value === String(v); });
      else if (k === 'checkbox') F.c[0].checked = v === true;
      else F.c[0].value = v == null ? '' : String(v);
    }
  }
  function values(st) {
    var out = {};
    Object.keys(st.f).forEach(function (nm) {
      var F = st.f[nm], k = F.d.control, c = F.c, v;
      if (k === 'checkboxes') v = c.filter(function (x) { return x.checked; }).map(function (x) { return x.value; });
      else if (k === 'radio') c.forEach(function (x) { if (x.checked) v = x.value; });
      else if (k === 'checkbox') v = c[0].checked;
      else if (k === 'file') v = F.u.map(function (u) { return u.id; });
      else {
        v = c[0].value;
        if ((F.d.attributes || {}).inputType === 'number' && v !== '' && isFinite(v)) v = Number(v);
      }
      if (v !== '' && v !== undefined && !(Array.isArray(v) && !v.length)) out[nm] = v;
    });
    return out;
  }
  // a field's error goes as soon as its value would pass: present if required, and valid for its control
  function fieldOk(st, F) {
    var v = values(st)[F.d.name];
    if (F.d.required && (v === undefined || v === false || (typeof v === 'string' && !v.trim()))) return false;
    return F.c.every(function (x) { return x.type === 'radio' || x.type === 'checkbox' || !x.validity || x.validity.valid; });
  }
  function setErr(st, nm, m) {
    var F = st.f[nm];
    if (!F) return false;
    var old = F.w.querySelector('.cw-error'), id = uid();
    if (old) old.remove();
    F.c.forEach(function (x) {
      if (m) { x.setAttribute('aria-invalid', 'true'); x.setAttribute('aria-describedby', id); } else { x.removeAttribute('aria-invalid'); x.removeAttribute('aria-describedby'); }
    });
    if (m) F.w.appendChild(h('div', {cls: 'cw-error', id: id, text: m}));
    return true;
  }
  function alertMsg(st, m) {
    if (st.al) st.al.remove();
    st.al = m ? h('div', {cls: 'cw-notice cw-alert', role: 'alert', text: m}) : null;
    if (m) st.el.insertBefore(st.al, st.btn);
  }
  function focusErr(st) {
    var x = st.el.querySelector('[aria-invalid=true]');
    if (x) x.focus();
  }
  function pick(st, F, inp) {
    var files = [].slice.call(inp.files || []), nm = F.d.name;
    inp.value = '';
    setErr(st, nm, null);
    files.forEach(function (file) {
      if (file.size > MAXF) return setErr(st, nm, S.tooLarge + ' (' + file.name + ')');
      var chip = h('span', {cls: 'cw-uploading'}, [h('span', {cls: 'cw-file-name', text: file.name + ' — ' + S.uploading})]), fd = new FormData();
      F.l.appendChild(chip);
      st.busy++;
      fd.append('file', file, file.name);
      api('POST', '/uploads?form=' + st.k + '&field=' + encodeURIComponent(nm), fd).then(function (r) {
        if (r.s !== 201) throw r;
        var u = {id: r.d.uploadId, name: r.d.name || file.name};
        F.u.push(u);
        chip.className = 'cw-file';
        chip.textContent = '';
        chip.appendChild(h('span', {cls: 'cw-file-name', text: u.name}));
        chip.appendChild(h('button', {type: 'button', cls: 'cw-file-remove', 'aria-label': S.remove + ' ' + u.name, title: S.remove, text: '×',
          onclick: function () { F.u.splice(F.u.indexOf(u), 1); chip.remove(); inp.focus(); }}));
      }).catch(function (r) {
        chip.remove();
        setErr(st, nm, (r && r.d && r.d.message) || (r && r.s === 413 ? S.tooLarge : S.error));
      }).then(function () { st.busy--; });
    });
  }
  function submit(st) {
    alertMsg(st, null);
    if (st.busy) return alertMsg(st, S.uploading);
    var v = values(st), bad = 0, online = st.k === 'online', req = {fields: v}, tok;
    Object.keys(st.f).forEach(function (nm) {
      var miss = st.f[nm].d.required && (v[nm] === undefined || v[nm] === false || (typeof v[nm] === 'string' && !v[nm].trim()));
      setErr(st, nm, miss ? S.required : null);
      if (miss) bad = 1;
    });
    if (bad) return focusErr(st);
    if (online) req.page = location.href.slice(0, 2000);
    else if (st.sid && sess) { req.sessionId = st.sid; tok = sess.token; }
    if (identity() && !tok) req.identity = identity();
    st.btn.disabled = true;
    api('POST', online ? '/sessions' : '/offline', req, tok).then(function (r) {
      st.btn.disabled = false;
      if (r.s === 400 && (r.d.fields || []).length) {
        var un = [];
        r.d.fields.forEach(function (x) { if (!setErr(st, String(x.field || '').replace(/^fields\./, ''), x.message)) un.push(x.message); });
        if (un.length) alertMsg(st, un.join(' '));
        focusErr(st);
      } else if (online && r.s === 201 && r.d.sessionId) {
        started(r.d, v);
      } else if (online && r.s === 200 && r.d.state === 'offline') {
        cfg.reason = r.d.reason || cfg.reason;
        formView('offline', v);
        if (inPanel()) focusFirst();
      } else if (!online && r.s === 202) {
        sent(st);
      } else if (r.s === 401) {
        alertMsg(st, idText());
      } else alertMsg(st, r.d.message || S.error);
    }).catch(function (e) { warn(e); st.btn.disabled = false; alertMsg(st, S.error); });
  }
  // The page's signed identity: window.ChatWebsiteIdentity = {jwt: '…'} or {userId, userHash, email?, name?}.
  var S_ID = {en: 'Please sign in again to chat with us.', it: 'Accedi di nuovo per chattare con noi.',
    fr: 'Veuillez vous reconnecter pour discuter avec nous.', de: 'Bitte melden Sie sich erneut an, um mit uns zu chatten.',
    es: 'Inicia sesión de nuevo para chatear con nosotros.'};
  function identity() { var i = W.ChatWebsiteIdentity; return i && typeof i === 'object' ? i : null; }
  function idText() { var o = W.ChatWebsiteStrings || {}; return typeof o.identityRefused === 'string' ? o.identityRefused : S_ID[(cfg.appearance || {}).language] || S_ID.en; }
  function sent(st) {
    var p = h('p', {cls: 'cw-sent', role: 'status', tabindex: '-1', text: S.sent}), f = inPanel();
    st.el.parentNode.replaceChild(p, st.el);
    if (st.sid && sess) { sess.sent = true; save(); } else { view = 'sent'; body.appendChild(newBtn()); }
    if (f) p.focus();
  }
  function newBtn() { return h('button', {type: 'button', cls: 'cw-new', text: S.newChat, onclick: newChat}); }
  function newChat() {
    var v = sess && sess.fields;
    stopEs();
    sess = null;
    save();
    seen = {};
    pending = {};
    formView(kindNow(), v);
    focusFirst();
  }

  // Chat
  function started(d, v) {
    sess = {id: d.sessionId, token: d.token, lastSeq: 0, fields: v, state: d.state === 'closed' ? 'closed' : 'waiting', disp: d.disposition || null};
    sess.off = sess.state === 'closed' && sess.disp === 'Unmanaged';
    Q = d.queue || null;
    seen = {};
    pending = {};
    save();
    var f = inPanel();
    chatView();
    connect(0);
    if (f) focusFirst();
  }
  function resume() {
    chatView();
    var s = sess;
    syncState(s);
    api('GET', '/sessions/' + encodeURIComponent(s.id) + '/messages?after=0', undefined, s.token).then(function (r) {
      if (sess !== s) return;
      if (r.s === 404 || r.s === 401) { sess = null; save(); return formView(kindNow()); }
      if (r.s !== 200 || !Array.isArray(r.d)) throw r;
      r.d.forEach(function (m) { addMsg(m, +m.seq, 1); });
      if (s.state !== 'closed') connect(s.lastSeq);
    }).catch(function (e) { warn(e); if (sess === s && s.state !== 'closed') connect(0); });
  }
  function chatView() {
    view = 'chat';
    body.textContent = '';
    body.classList.remove('cw-ended');
    note = null;
    fst = null;
    var id = uid();
    C = {};
    C.state = h('div', {cls: 'cw-state', role: 'status'});
    C.end = h('button', {type: 'button', cls: 'cw-end', text: S.end, onclick: endChat});
    C.list = h('div', {cls: 'cw-messages', role: 'log', 'aria-live': 'polite', 'aria-label': (cfg.appearance || {}).title || S.title, tabindex: '0'});
    C.tail = h('div', {cls: 'cw-tail'});
    C.input = h('textarea', {cls: 'cw-input', id: id, rows: 2, placeholder: S.message,
      onkeydown: function (e) { if (e.key === 'Enter' && !e.shiftKey && !e.isComposing && e.keyCode !== 229) { e.preventDefault(); send(); } },
      oninput: function () { if (C.err) cerr(null); typed(); }});
    C.file = h('input', {type: 'file', hidden: true, tabindex: '-1', 'aria-hidden': 'true', accept: (cfg.chatFiles || {}).accept || null, onchange: function () { attach(C.file); }});
    C.comp = h('form', {cls: 'cw-composer', onsubmit: function (e) { e.preventDefault(); send(); }},
      [h('label', {cls: 'cw-sr', 'for': id, text: S.message}), C.input,
        C.clip = h('button', {type: 'button', cls: 'cw-attach', 'aria-label': fs('attach'), title: fs('attach'), onclick: function () { C.file.click(); }}), C.file,
        h('button', {type: 'submit', cls: 'cw-send', text: S.send})]);
    // a paperclip drawn as SVG (a constant), since an emoji needs a font the visitor may lack
    C.clip.innerHTML = '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M21 11.5l-8.6 8.6a5 5 0 0 1-7.1-7.1l8.6-8.6a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4l7.9-7.9"/></svg>';
    [h('div', {cls: 'cw-bar'}, [C.state, C.end]), C.list, C.tail, C.comp].forEach(function (x) { body.appendChild(x); });
    liveView();
    stateLine();
    if (sess.state === 'closed') ended();
    watch();
  }
  function stateLine() {
    if (C.state) C.state.textContent = sess.state === 'closed' ? S.ended : sess.state === 'active' ? tr('joined', {agent: sess.agent || S.agent}) : Q ? queueText(Q) : S.waiting;
  }
  function stopEs() { if (es) es.close(); es = null; }
  function connect(after) {
    stopEs();
    if (!sess) return;
    var s = es = new EventSource(API + '/sessions/' + encodeURIComponent(sess.id) + '/events?queue=1&token=' + encodeURIComponent(sess.token) + (after ? '&lastEventId=' + after : ''));
    ['message', 'state', 'video-call', 'typing', 'read'].forEach(function (t) {
      s.addEventListener(t, safe(function (e) { if (es === s) onEvent(t, e); }));
    });
    s.addEventListener('queue', safe(function (e) { if (es === s) onQueue(JSON.parse(e.data || '{}')); }));
    s.onopen = safe(function () { if (es === s) { retry = 0; setNote(null); } });
    s.onerror = safe(function () {
      if (es !== s) return;
      if (sess.state === 'closed') return stopEs();
      setNote(S.lost);
      if (s.readyState === 2) {
        stopEs();
        setTimeout(function () { if (sess && !es && sess.state !== 'closed' && view === 'chat') connect(sess.lastSeq); }, Math.min(30000, 2000 * Math.pow(2, retry++)));
      }
    });
  }
  function onEvent(t, e) {
    var d = JSON.parse(e.data || '{}');
    if (t === 'typing' || t === 'read') return liveEvent(t, d); // live: no id of their own
    var seq = +e.lastEventId || +d.seq || 0;
    if (seq > sess.lastSeq) { sess.lastSeq = seq; save(); }
    if (t === 'message') return addMsg(d, seq);
    if (seq && seen[seq]) return;
    if (seq) seen[seq] = 1;
    if (t === 'state') setState(d);
    else if (t === 'video-call') unread(); // the system message after it carries the link (videoUrl)
  }
  function addMsg(d, seq, hist) {
    var cm = d.clientMessageId, p = cm && pending[cm];
    if (p) { delete pending[cm]; if (d.file) fileBox(p, d.file); mark(p, seq); if (seq) seen[seq] = 1; return; }
    if (seq && seen[seq]) return;
    if (seq) seen[seq] = 1;
    var from = /^(customer|agent|system)$/.test(d.from) ? d.from : 'system',
      el = /^https?:\/\//i.test(d.videoUrl || '') ? callEl(d) : msgEl(from, d.text, from === 'agent' && d.agent);
    if (d.file && typeof d.file === 'object') fileBox(el, d.file);
    if (seq) el.setAttribute('data-seq', seq);
    put(el);
    if (!hist && from !== 'customer') unread();
    if (from === 'agent') agentTyping(null);
    seenMark();
    readSoon();
  }
  // a video call invitation: its text without the raw address, and the address as one link
  function callEl(d) {
    var t = String(d.text || '').split(d.videoUrl).join('').replace(/[\s:]+$/, '');
    return h('div', {cls: 'cw-message cw-call', 'data-from': 'system'}, [t ? h('div', {cls: 'cw-text', text: t}) : null,
      h('a', {cls: 'cw-video', href: d.videoUrl, target: '_blank', rel: 'noopener noreferrer', text: S.video})]);
  }
  function msgEl(from, text, who) {
    return h('div', {cls: 'cw-message', 'data-from': from}, [who ? h('div', {cls: 'cw-author', text: String(who)}) : null, h('div', {cls: 'cw-text', text: text == null ? '' : String(text)})]);
  }
  function put(el) {
    if (!C.list) return;
    var q = +el.getAttribute('data-seq'), n = null;
    if (q) [].some.call(C.list.children, function (x) { return (+x.getAttribute('data-seq') > q || x.classList.contains('cw-pending')) && (n = x); });
    C.list.insertBefore(el, n);
    C.list.scrollTop = C.list.scrollHeight;
    if (C.done) body.scrollTop = body.scrollHeight;
  }
  function unread() { if (panel.hidden) launcher.classList.add('cw-unread'); }
  function mark(el, seq) { el.classList.remove('cw-pending'); if (seq) { el.setAttribute('data-seq', seq); put(el); seenMark(); } }
  function setState(d) {
    if (!sess) return;
    if (d.agent) sess.agent = d.agent;
    if (d.state !== 'waiting') Q = null;
    if (d.state === 'closed') stopEs();
    if (sess.state === 'closed') return;
    sess.state = d.state === 'active' || d.state === 'closed' ? d.state : 'waiting';
    if (d.state === 'closed') { sess.disp = d.disposition || null; sess.off = !!(d.offlineForm || d.disposition === 'Unmanaged'); }
    save();
    if (d.state === 'closed') ended(); else stateLine();
  }
  function ended() {
    stopEs();
    setNote(null);
    stateLine();
    if (C.done) return;
    C.done = 1;
    var f = inPanel() && (!D.activeElement || D.activeElement === D.body || C.comp.contains(D.activeElement) || D.activeElement === C.end);
    C.comp.remove();
    C.end.remove();
    body.classList.add('cw-ended');
    if (sess.off && !sess.sent) C.tail.appendChild(form('offline', sess.fields, sess.id, false).el);
    else if (sess.off) C.tail.appendChild(h('p', {cls: 'cw-sent', tabindex: '-1', text: S.sent}));
    else {
      C.tail.appendChild(sess.rated ? thanks() : rateForm());
      C.tail.appendChild(transcriptOffer());
    }
    C.tail.appendChild(newBtn());
    if (f) focusFirst();
  }
  // "E-mail me the transcript", pre-filled with the e-mail the form asked for
  function customerEmail() {
    var f = sess.fields || {}, secs = ((cfg.forms || {}).online || {}).sections || [], nm = 'email';
    secs.some(function (x) { return x && (x.attributes || {}).inputType === 'email' && (nm = x.name); });
    return typeof f[nm] === 'string' ? f[nm] : typeof f.email === 'string' ? f.email : '';
  }
  function transcriptOffer() {
    if (sess.transcript) return h('p', {cls: 'cw-sent cw-transcript-sent', role: 'status', text: tr('txSent', {email: sess.transcript})});
    var st = {k: 'transcript', f: {}, busy: 0}, s = sess;
    st.el = h('form', {cls: 'cw-form cw-transcript', 'data-kind': 'transcript', novalidate: true, 'aria-label': S.transcript, onsubmit: function (e) {
      e.preventDefault();
      alertMsg(st, null);
      var em = (values(st).email || '').trim();
      if (!em) { setErr(st, 'email', S.required); return focusErr(st); }
      st.btn.disabled = true;
      api('POST', '/sessions/' + encodeURIComponent(s.id) + '/transcript', {email: em}, s.token).then(function (r) {
        st.btn.disabled = false;
        if (r.s === 202) {
          s.transcript = r.d.email || em;
          if (sess === s) save();
          var p = transcriptOffer();
          st.el.parentNode.replaceChild(p, st.el);
          p.setAttribute('tabindex', '-1');
          p.focus();
        } else if (r.s === 400 && (r.d.fields || []).length) {
          setErr(st, 'email', r.d.fields[0].message);
          focusErr(st);
        } else alertMsg(st, r.d.message || S.error);
      }).catch(function (e) { warn(e); st.btn.disabled = false; alertMsg(st, S.error); });
    }}, [h('div', {cls: 'cw-heading', text: S.transcript})]);
    st.el.appendChild(field({control: 'text', name: 'email', label: S.txEmail, required: true, attributes: {inputType: 'email'}}, st));
    st.btn = h('button', {type: 'submit', cls: 'cw-submit', text: S.txSend});
    st.el.appendChild(st.btn);
    fill(st, {email: customerEmail()});
    return st.el;
  }
  function cerr(m) {
    if (C.err) C.err.remove();
    C.err = m ? h('div', {cls: 'cw-error', id: uid(), role: 'alert', text: m}) : null;
    if (m) { C.comp.parentNode.insertBefore(C.err, C.comp); C.input.setAttribute('aria-invalid', 'true'); C.input.setAttribute('aria-describedby', C.err.id); }
    else { C.input.removeAttribute('aria-invalid'); C.input.removeAttribute('aria-describedby'); }
  }
  function maxLen() { return +cfg.maxMessageLength > 0 ? +cfg.maxMessageLength : 4000; }
  function send() {
    var t = C.input.value.replace(/^\s*\n|\s+$/g, '');
    if (!sess || sess.state === 'closed' || !t.trim()) return;
    if (Array.from(t).length > maxLen()) return cerr(tr('tooLong', {n: maxLen()}));
    cerr(null);
    C.input.value = '';
    typingSend(false);
    var cm = rid(), el = msgEl('customer', t);
    el.classList.add('cw-pending');
    pending[cm] = el;
    put(el);
    post(sess, cm, t, el, 0);
  }
  function post(s, cm, t, el, k) {
    if (sess !== s) return;
    api('POST', '/sessions/' + encodeURIComponent(s.id) + '/messages', {text: t, clientMessageId: cm}, s.token).then(function (r) {
      if (r.s === 201) {
        if (pending[cm]) { delete pending[cm]; mark(el, r.d.seq); }
        if (r.d.seq) seen[r.d.seq] = 1;
      } else if (r.s >= 500 || r.s === 429) throw r;
      else {
        delete pending[cm];
        el.classList.remove('cw-pending');
        el.classList.add('cw-failed');
        el.appendChild(h('div', {cls: 'cw-fail', text: S.failed + ': ' + (r.s === 413 ? tr('tooLong', {n: maxLen()}) : r.s === 409 ? S.closedChat : r.d.message || S.error)}));
      }
    }).catch(function () { setTimeout(function () { post(s, cm, t, el, k + 1); }, Math.min(15000, 1000 * Math.pow(2, k))); });
  }
  /** Shows a message as its file: name, size and a download button (the token goes in a header, never a URL). */
  function fileBox(el, f) {
    var t = el.querySelector('.cw-text'), box = h('div', {cls: 'cw-chatfile'});
    if (!t) return;
    var name = String(f.name || fs('file'));
    box.appendChild(f.id ? h('button', {type: 'button', cls: 'cw-dl', 'data-file-id': String(f.id), title: fs('download') + ' ' + name, text: name,
      onclick: function () { fetchFile(this, f, name); }}) : h('span', {cls: 'cw-file-name', text: name}));
    box.appendChild(h('span', {cls: 'cw-size', text: fsize(f.size)}));
    t.textContent = '';
    t.appendChild(box);
  }
  function fetchFile(btn, f, name) {
    var s = sess;
    if (!s || btn.disabled) return;
    btn.disabled = true;
    btn.setAttribute('aria-busy', 'true');
    fetch(API + '/sessions/' + encodeURIComponent(s.id) + '/files/' + encodeURIComponent(f.id), {headers: {Authorization: 'Bearer ' + s.token}, mode: 'cors', credentials: 'omit'}).then(function (r) {
      if (!r.ok) throw r;
      return r.blob();
    }).then(function (b) {
      var a = h('a', {href: URL.createObjectURL(b), download: name, hidden: true});
      D.body.appendChild(a);
      a.click();
      setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 60000);
    }).catch(function (e) { warn(e); setNote(S.error); }).then(function () { btn.disabled = false; btn.removeAttribute('aria-busy'); });
  }
  function attach(inp) {
    var file = (inp.files || [])[0];
    inp.value = '';
    if (!file || !sess || sess.state === 'closed') return;
    if (file.size > MAXF) return cerr(S.tooLarge + ' (' + file.name + ')');
    cerr(null);
    var cm = rid(), el = msgEl('customer', file.name);
    fileBox(el, {name: file.name, size: file.size});
    el.classList.add('cw-pending');
    pending[cm] = el;
    put(el);
    upload(sess, cm, file, el, 0);
  }
  function upload(s, cm, file, el, k) {
    if (sess !== s) return;
    var fd = new FormData();
    fd.append('file', file, file.name);
    api('POST', '/sessions/' + encodeURIComponent(s.id) + '/files?clientMessageId=' + encodeURIComponent(cm), fd, s.token).then(function (r) {
      if (r.s === 201) {
        if (pending[cm]) { delete pending[cm]; fileBox(el, r.d.file || {}); mark(el, r.d.seq); }
        if (r.d.seq) seen[r.d.seq] = 1;
      } else if (r.s >= 500 || r.s === 429) throw r;
      else {
        delete pending[cm];
        el.classList.remove('cw-pending');
        el.classList.add('cw-failed');
        el.appendChild(h('div', {cls: 'cw-fail', text: S.failed + ': ' + (r.s === 413 ? S.tooLarge : r.s === 409 ? S.closedChat : r.s === 415 ? (r.d.message || fs('type')) : r.d.message || S.error)}));
      }
    }).catch(function () { setTimeout(function () { upload(s, cm, file, el, k + 1); }, Math.min(15000, 1000 * Math.pow(2, k))); });
  }
  function endChat() {
    var s = sess;
    if (!s || s.state === 'closed') return;
    C.end.disabled = true;
    api('POST', '/sessions/' + encodeURIComponent(s.id) + '/close', undefined, s.token).then(function (r) {
      if (r.s !== 200 && r.s !== 409) throw r;
      // the stream brings the closing message and state; fall back if it does not
      setTimeout(function () { if (sess === s && s.state !== 'closed') setState({state: 'closed', disposition: r.d.disposition || 'CustomerClosed'}); }, es && es.readyState === 1 ? 4000 : 0);
    }).catch(function (e) { warn(e); if (C.end) C.end.disabled = false; setNote(S.error); });
  }

  // Queue position while waiting, and the rating once the chat has ended
  var S_QR = {
    en: {queue: 'You are number {n} in the queue', wait: ' — about {m} min', rate: 'How was this chat?', star: '1 star', stars: '{n} stars',
      comment: 'Comment (optional)', rateSend: 'Send rating', thanks: 'Thank you for your feedback!', pick: 'Choose from 1 to 5 stars.'},
    it: {queue: 'Sei il numero {n} in coda', wait: ' — circa {m} min', rate: 'Com’è andata questa chat?', star: '1 stella', stars: '{n} stelle',
      comment: 'Commento (facoltativo)', rateSend: 'Invia la valutazione', thanks: 'Grazie per il tuo parere!', pick: 'Scegli da 1 a 5 stelle.'},
    de: {queue: 'Sie sind Nummer {n} in der Warteschlange', wait: ' — etwa {m} Min.', rate: 'Wie war dieser Chat?', star: '1 Stern', stars: '{n} Sterne',
      comment: 'Kommentar (optional)', rateSend: 'Bewertung senden', thanks: 'Vielen Dank für Ihr Feedback!', pick: 'Wählen Sie 1 bis 5 Sterne.'},
    fr: {queue: 'Vous êtes numéro {n} dans la file d’attente', wait: ' — environ {m} min', rate: 'Comment s’est passée cette discussion ?', star: '1 étoile', stars: '{n} étoiles',
      comment: 'Commentaire (facultatif)', rateSend: 'Envoyer la note', thanks: 'Merci pour votre avis !', pick: 'Choisissez de 1 à 5 étoiles.'},
    es: {queue: 'Eres el número {n} en la cola', wait: ' — unos {m} min', rate: '¿Qué tal ha ido este chat?', star: '1 estrella', stars: '{n} estrellas',
      comment: 'Comentario (opcional)', rateSend: 'Enviar valoración', thanks: '¡Gracias por tu opinión!', pick: 'Elige de 1 a 5 estrellas.'}
  };
  var Q = null;
  function qr(k, v) {
    var o = W.ChatWebsiteStrings || {}, t = S_QR[(cfg.appearance || {}).language] || S_QR.en;
    return String(typeof o[k] === 'string' ? o[k] : t[k] || S_QR.en[k]).replace(/\{(\w+)\}/g, function (m, x) { return v && v[x] != null ? v[x] : m; });
  }
  function queueText(q) {
    var n = +q.position, e = q.estimatedWaitSeconds;
    return qr('queue', {n: n}) + (e != null && isFinite(e) ? qr('wait', {m: Math.max(1, Math.round(e / 60))}) : '');
  }
  function onQueue(d) {
    if (!sess || sess.state !== 'waiting' || !(+d.position >= 1)) return;
    Q = d;
    stateLine();
  }
  function syncState(s) {
    api('GET', '/sessions/' + encodeURIComponent(s.id), undefined, s.token).then(function (r) {
      if (sess !== s || r.s !== 200) return;
      if (r.d.queue && s.state === 'waiting') onQueue(r.d.queue);
      if (r.d.rating && !s.rated) { s.rated = true; save(); if (C.rate) showThanks(false); }
    }).catch(warn);
  }
  function thanks() { return h('p', {cls: 'cw-sent cw-thanks', role: 'status', tabindex: '-1', text: qr('thanks')}); }
  function showThanks(focus) {
    var p = thanks();
    C.rate.parentNode.replaceChild(p, C.rate);
    C.rate = null;
    if (focus) p.focus();
  }
  function rateForm() {
    var nm = uid(), cid = uid(), labels = [], score = 0, err = h('div', {cls: 'cw-error', id: uid(), role: 'alert'}), btn, text, f;
    var stars = h('div', {cls: 'cw-stars'});
    [1, 2, 3, 4, 5].forEach(function (n) {
      var l = h('label', {cls: 'cw-star'}, [h('input', {type: 'radio', name: nm, value: n, onchange: function () {
        score = n;
        err.textContent = '';
        labels.forEach(function (x, i) { x.classList.toggle('cw-on', i < n); });
      }}), h('span', {'aria-hidden': 'true', text: '★'}), h('span', {cls: 'cw-sr', text: n === 1 ? qr('star') : qr('stars', {n: n})})]);
      labels.push(l);
      stars.appendChild(l);
    });
    text = h('textarea', {id: cid, rows: 2, maxlength: 1000});
    btn = h('button', {type: 'submit', cls: 'cw-submit cw-rate-send', text: qr('rateSend')});
    f = C.rate = h('form', {cls: 'cw-rate', novalidate: true, onsubmit: function (e) {
      e.preventDefault();
      var s = sess;
      if (!score) { err.textContent = qr('pick'); return stars.querySelector('input').focus(); }
      err.textContent = '';
      btn.disabled = true;
      var req = {score: score};
      if (text.value.trim()) req.comment = text.value;
      api('POST', '/sessions/' + encodeURIComponent(s.id) + '/rating', req, s.token).then(function (r) {
        btn.disabled = false;
        if (r.s === 201 || r.s === 409 && r.d.error === 'already_rated') {
          s.rated = true;
          save();
          if (sess === s && C.rate === f) showThanks(true);
        } else err.textContent = (r.d.fields && r.d.fields[0] && r.d.fields[0].message) || r.d.message || S.error;
      }).catch(function (e) { warn(e); btn.disabled = false; err.textContent = S.error; });
    }}, [h('fieldset', {cls: 'cw-field', 'aria-describedby': err.id}, [h('legend', {text: qr('rate')}), stars]),
      h('div', {cls: 'cw-field'}, [h('label', {'for': cid, text: qr('comment')}), text]), err, btn]);
    return f;
  }
  // Typing and read receipts. Live signals carry no id, so a reconnect never replays them.
  var S_LIVE = {
    en: {typing: '{agent} is typing…', seen: 'Seen', draftNote: 'The agent can see what you type before you send it.'},
    it: {typing: '{agent} sta scrivendo…', seen: 'Visto', draftNote: 'L’operatore vede ciò che scrivi prima che tu lo invii.'},
    de: {typing: '{agent} schreibt…', seen: 'Gesehen', draftNote: 'Der Mitarbeiter sieht, was Sie tippen, bevor Sie es senden.'},
    fr: {typing: '{agent} est en train d’écrire…', seen: 'Vu', draftNote: 'L’agent voit ce que vous tapez avant que vous l’envoyiez.'},
    es: {typing: '{agent} está escribiendo…', seen: 'Visto', draftNote: 'El agente ve lo que escribes antes de que lo envíes.'}
  };
  var CSS_LIVE = '.cw-typing{min-height:1.2em;font-size:12.5px;font-style:italic;color:#555}' +
    '.cw-draft-note{margin:0;padding:6px 10px;border-radius:6px;background:#fff4e5;color:#7a4100;font-size:12.5px}' +
    '.cw-seen{font-size:11px;text-align:right}';
  var TY = {on: false, last: 0, timer: 0, idle: 0}, RD = {sent: 0, timer: 0, agent: 0}, typingOff = 0;
  function sessPath(s) { return '/sessions/' + encodeURIComponent(s.id); }
  function draftOn() { return !!(cfg.chat && cfg.chat.showDraftToAgent); }
  function liveView() {
    TY = {on: false, last: 0, timer: 0, idle: 0};
    RD = {sent: 0, timer: 0, agent: RD.agent && sess && RD.id === sess.id ? RD.agent : 0, id: sess && sess.id};
    C.typing = h('div', {cls: 'cw-typing', role: 'status'});
    body.insertBefore(C.typing, C.tail);
    if (draftOn()) C.comp.parentNode.insertBefore(h('p', {cls: 'cw-draft-note', text: S.draftNote}), C.comp);
  }
  // at most one "typing" every 2 s while typing (the last draft follows), "stopped" after 5 s idle or on send
  function typed() {
    if (!sess || sess.state !== 'active') return;
    clearTimeout(TY.idle);
    TY.idle = setTimeout(function () { typingSend(false); }, 5000);
    var wait = TY.last + 2000 - Date.now();
    if (wait <= 0) typingSend(true);
    else if (!TY.timer) TY.timer = setTimeout(function () { TY.timer = 0; if (TY.on) typingSend(true); }, wait);
  }
  function typingSend(on) {
    var s = sess;
    if (!s || !C.input || (!on && !TY.on)) return;
    clearTimeout(TY.timer); TY.timer = 0;
    if (!on) clearTimeout(TY.idle);
    var gap = TY.last + 1100 - Date.now(); // the server passes on one a second
    if (!on && gap > 0) { TY.timer = setTimeout(function () { TY.timer = 0; TY.on = true; typingSend(false); }, gap); TY.on = false; return; }
    TY.on = on;
    TY.last = Date.now();
    var b = {typing: on};
    if (draftOn()) b.draft = Array.from(C.input.value).slice(-500).join('');
    api('POST', sessPath(s) + '/typing', b, s.token).catch(warn);
  }
  function liveEvent(t, d) {
    if (t === 'typing') return agentTyping(d.typing === true ? String(d.agent || S.agent) : null);
    var a = +d.agentReadSeq || 0;
    if (a > RD.agent) { RD.agent = a; seenMark(); }
  }
  function agentTyping(who) {
    clearTimeout(typingOff);
    if (!C.typing) return;
    C.typing.textContent = who ? tr('typing', {agent: who}) : '';
    if (who) typingOff = setTimeout(function () { agentTyping(null); }, 6000);
  }
  // "Seen" under the customer's last message the agent has seen
  function seenMark() {
    if (!C.list) return;
    [].forEach.call(C.list.querySelectorAll('.cw-seen'), function (x) { x.remove(); });
    var last = null;
    [].forEach.call(C.list.querySelectorAll('.cw-message[data-from=customer][data-seq]'), function (x) {
      if (+x.getAttribute('data-seq') <= RD.agent) last = x;
    });
    if (last) last.appendChild(h('div', {cls: 'cw-seen', text: S.seen}));
  }
  // the highest seq shown, reported while the panel is open and the page visible
  function readSoon() {
    if (!RD.timer) RD.timer = setTimeout(function () { RD.timer = 0; reportRead(); }, 300);
  }
  function reportRead() {
    var s = sess, max = 0;
    if (!s || !C.list || !panel || panel.hidden || D.visibilityState === 'hidden') return;
    [].forEach.call(C.list.querySelectorAll('[data-seq]'), function (x) { max = Math.max(max, +x.getAttribute('data-seq') || 0); });
    if (max <= RD.sent) return;
    var before = RD.sent;
    RD.sent = max;
    api('POST', sessPath(s) + '/read', {seq: max}, s.token).then(function (r) {
      if (r.s !== 200 && sess === s && RD.sent === max) RD.sent = before;
    }).catch(function (e) { warn(e); if (sess === s && RD.sent === max) RD.sent = before; });
  }
  D.addEventListener('visibilitychange', safe(function () { if (D.visibilityState === 'visible') readSoon(); }));

  W.ChatWebsiteWidget = {
    open: safe(function () { if (launcher && !dead) { show(); open(); } }),
    close: safe(close)
  };
  try { start(); } catch (e) { warn(e); }
})();
