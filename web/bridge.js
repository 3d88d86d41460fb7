// The postMessage bridge (README "Embedding in a course page"): a page that shows the app in an
// iframe calls window.backpropLab's methods by message, {type: "backpropLab", id, call, args},
// and gets {type: "backpropLab", id, result} back; the app tells it {type: "backpropLab", event:
// "ready" | "stateChanged" | "verdictsChanged", …}. Only the origins of the page's origin=
// parameter are answered and written to (parsed by the app: Module.backpropLabEmbed.origins());
// loader.js loads this file only then, once the app runs: a host waits for the "ready" event.
// Anything else is ignored without a word, as a stranger's message must be.
(function () {
  'use strict';
  const TYPE = 'backpropLab';
  const CALLS = ['getState', 'setState', 'getResult', 'getSheet', 'getVerdicts', 'setAnswer', 'getView', 'select', 'selectNode', 'getLink'];
  const POLL_MS = 250;  // as the mirror: changes are looked for four times a second
  const api = window.backpropLab;
  if (!api || !window.Module || !Module.backpropLabEmbed) return;

  function originOf(url) {
    try {
      return new URL(url).origin;
    } catch (e) {
      return '';
    }
  }

  let allowed = null;  // the origins, once the app runs
  let target = null;   // the embedding page's origin, once it is known to be allowed
  let lastState = null, lastVerdicts = null, key = null;

  function post(message) {
    if (target) window.parent.postMessage(Object.assign({ type: TYPE }, message), target);
  }

  // what changed since the last look, as events (the first look only records)
  function look() {
    const mirror = Module.backpropLabMirror;
    const k = mirror ? mirror.key() : '';
    // a big network's evaluation still coming in: getVerdicts would finish it in one go
    if (k === key || Module.backpropLabEmbed.evaluating()) return;
    key = k;
    const state = api.getState();
    if (state !== lastState) {
      if (lastState !== null) post({ event: 'stateChanged', state });
      lastState = state;
    }
    const verdicts = api.getVerdicts();
    if (verdicts !== lastVerdicts) {
      if (lastVerdicts !== null) post({ event: 'verdictsChanged', verdicts });
      lastVerdicts = verdicts;
    }
  }

  function answer(event) {
    const data = event.data;
    if (!allowed.includes(event.origin) || !event.source) return;
    if (!data || typeof data !== 'object' || data.type !== TYPE || typeof data.call !== 'string') return;
    if (!target && event.source === window.parent) {  // the parent spoke first: it hears the events now
      target = event.origin;
      post({ event: 'ready' });
    }
    const reply = { type: TYPE, id: data.id };
    if (!CALLS.includes(data.call)) {
      reply.error = 'error: call: "' + data.call.slice(0, 40) + '" is not one of ' + CALLS.join(', ');
    } else if (data.args !== undefined && !Array.isArray(data.args)) {
      reply.error = 'error: args: expected an array of arguments';
    } else {
      try {
        reply.result = api[data.call](...(data.args || []));
      } catch (e) {
        reply.error = 'error: ' + data.call + ': ' + String(e && e.message).split('\n')[0];
      }
    }
    event.source.postMessage(reply, event.origin);
    look();  // what the call changed follows its answer at once
  }

  window.addEventListener('message', (event) => {
    if (allowed) answer(event);
    else api.ready.then(() => allowed && answer(event), () => {});
  });

  api.ready.then(() => {
    allowed = Module.backpropLabEmbed.origins();
    if (!allowed.length) return;
    const parent = location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : originOf(document.referrer);
    if (window.parent !== window && allowed.includes(parent)) target = parent;
    look();
    post({ event: 'ready' });
    setInterval(look, POLL_MS);
  }, () => {});
})();
