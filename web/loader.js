// Page shell: checks the browser can run the app (WebAssembly, WebGL 2), loads app.js and
// app.wasm with a progress bar, and hides the overlay after the app's first frame. Any failure
// replaces the bar with a message saying what is missing or what went wrong.
(function () {
  'use strict';
  const overlay = document.getElementById('overlay');
  const status = document.getElementById('status');
  const progress = document.getElementById('progress');
  const detail = document.getElementById('detail');

  function show(text, fraction) {
    status.textContent = text;
    if (fraction === undefined) progress.removeAttribute('value');  // indeterminate
    else progress.value = fraction;
  }

  function fail(message, error) {
    overlay.hidden = false;
    progress.hidden = true;
    status.textContent = message;
    status.className = 'error';
    if (error) {
      detail.hidden = false;
      detail.textContent = String(error && error.message ? error.message : error);
    }
  }

  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  // app.wasm, counting bytes as they arrive; compiled while it downloads where the browser can
  async function instantiateWasm(imports) {
    const response = await fetch('app.wasm');
    if (!response.ok) throw new Error('app.wasm: HTTP ' + response.status);
    const total = Number(response.headers.get('Content-Length')) || 0;
    let body = response;
    if (response.body && total > 0) {
      const reader = response.body.getReader();
      let loaded = 0;
      const counted = new ReadableStream({
        async pull(controller) {
          const { done, value } = await reader.read();
          if (done) {
            show('Starting…');
            controller.close();
            return;
          }
          loaded += value.byteLength;
          show('Downloading… ' + Math.round((100 * loaded) / total) + '%', loaded / total);
          controller.enqueue(value);
        },
      });
      body = new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
    }
    if (WebAssembly.instantiateStreaming && body.headers.get('Content-Type') === 'application/wasm') {
      return WebAssembly.instantiateStreaming(body, imports);
    }
    return WebAssembly.instantiate(await body.arrayBuffer(), imports);
  }

  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    fail('This browser cannot run WebAssembly, which Backprop Lab needs. ' +
         'Please open the page in a current Firefox, Chrome, Edge or Safari.');
    return;
  }
  if (!hasWebGL2()) {
    fail('This browser has no WebGL 2, which Backprop Lab needs to draw. Please use a current ' +
         'browser, or turn on hardware acceleration (graphics) in its settings.');
    return;
  }

  // Emscripten reads its settings from this global before app.js runs
  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm(imports, receive) {
      instantiateWasm(imports)
        .then((result) => receive(result.instance, result.module))
        .catch((error) => fail('Could not load the app (app.wasm).', error));
      return {};  // exports arrive asynchronously through receive()
    },
    onAbort(what) {
      fail('The app stopped unexpectedly.', what);
    },
  };

  show('Downloading…', 0);
  const script = document.createElement('script');
  script.src = 'app.js';
  script.onerror = () => fail('Could not load the app (app.js).');
  script.onload = () => {
    const mirror = document.createElement('script');  // the accessible mirror (needs backpropLab)
    mirror.src = 'mirror.js';
    document.body.appendChild(mirror);
    window.backpropLab.ready.then(
      () => {
        overlay.hidden = true;
        // the keyboard goes to the app, unless it is embedded: a course page keeps its focus and scroll
        if (window.parent === window) Module.canvas.focus();
        if (Module.backpropLabEmbed.origins().length) {  // origin= given: the postMessage bridge, only then
          const bridge = document.createElement('script');
          bridge.src = 'bridge.js';
          document.body.appendChild(bridge);
        }
      },
      (error) => fail('The app could not start.', error));
  };
  document.body.appendChild(script);
})();
