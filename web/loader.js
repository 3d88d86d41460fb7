// Page shell: checks the browser can run the app (WebAssembly, WebGL 2), loads app.js and
// app.wasm with a progress bar, and hides the overlay after the app's first frame. Any failure
// replaces the bar with a message saying what is missing or what went wrong, in the language the
// app will start in (its strings are not loaded yet, so the loader carries its own few).
(function () {
  'use strict';
  // as the app chooses (src/app/theme.cpp, platform/web_lang.cpp): lang= in the address, then the
  // remembered setting, then the browser's language
  function startLanguage() {
    const given = new URLSearchParams(location.search).get('lang');
    if (given === 'en' || given === 'ko') return given;
    let stored = '';
    try { stored = localStorage.getItem('backpropLab.settings') || ''; } catch (e) {}
    const remembered = /(?:^| )lang=(en|ko)(?: |$)/.exec(stored);
    if (remembered) return remembered[1];
    const browser = String((navigator.languages && navigator.languages[0]) || navigator.language || '');
    return /^ko(?:$|[-_])/i.test(browser) ? 'ko' : 'en';
  }
  const WORDS = {
    en: {
      downloading: 'Downloading…',
      starting: 'Starting…',
      noWasm: 'This browser cannot run WebAssembly, which Backprop Lab needs. ' +
              'Please open the page in a current Firefox, Chrome, Edge or Safari.',
      noWebGL2: 'This browser has no WebGL 2, which Backprop Lab needs to draw. Please use a current ' +
                'browser, or turn on hardware acceleration (graphics) in its settings.',
      wasmFailed: 'Could not load the app (app.wasm).',
      jsFailed: 'Could not load the app (app.js).',
      aborted: 'The app stopped unexpectedly.',
      notStarted: 'The app could not start.',
    },
    ko: {
      downloading: '내려받는 중…',
      starting: '시작하는 중…',
      noWasm: '이 브라우저는 Backprop Lab에 필요한 WebAssembly를 실행할 수 없습니다. ' +
              '최신 Firefox, Chrome, Edge, Safari에서 페이지를 여세요.',
      noWebGL2: '이 브라우저에는 Backprop Lab이 그림을 그리는 데 필요한 WebGL 2가 없습니다. 최신 브라우저를 ' +
                '쓰거나 브라우저 설정에서 하드웨어 가속(그래픽)을 켜세요.',
      wasmFailed: '앱(app.wasm)을 불러오지 못했습니다.',
      jsFailed: '앱(app.js)을 불러오지 못했습니다.',
      aborted: '앱이 예기치 않게 멈췄습니다.',
      notStarted: '앱을 시작하지 못했습니다.',
    },
  };
  const lang = startLanguage();
  const say = WORDS[lang];
  document.documentElement.lang = lang;
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
            show(say.starting);
            controller.close();
            return;
          }
          loaded += value.byteLength;
          show(say.downloading + ' ' + Math.round((100 * loaded) / total) + '%', loaded / total);
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
    fail(say.noWasm);
    return;
  }
  if (!hasWebGL2()) {
    fail(say.noWebGL2);
    return;
  }

  // Emscripten reads its settings from this global before app.js runs
  window.Module = {
    canvas: document.getElementById('canvas'),
    instantiateWasm(imports, receive) {
      instantiateWasm(imports)
        .then((result) => receive(result.instance, result.module))
        .catch((error) => fail(say.wasmFailed, error));
      return {};  // exports arrive asynchronously through receive()
    },
    onAbort(what) {
      fail(say.aborted, what);
    },
  };

  show(say.downloading, 0);
  const script = document.createElement('script');
  script.src = 'app.js';
  script.onerror = () => fail(say.jsFailed);
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
      (error) => fail(say.notStarted, error));
  };
  document.body.appendChild(script);
})();
