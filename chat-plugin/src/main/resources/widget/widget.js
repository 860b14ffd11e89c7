/* Chat Website widget loader: reads its key from the snippet's script tag and loads the config. */
(function () {
  'use strict';
  var script = document.currentScript || document.querySelector('script[data-chat-website-key]');
  if (!script) { return; }
  var base = script.getAttribute('data-chat-website-url');
  var key = script.getAttribute('data-chat-website-key');
  fetch(base + '/widget/' + encodeURIComponent(key) + '/config')
    .then(function (r) { return r.json(); })
    .then(function (config) { window.ChatWebsiteConfig = config; });
})();
