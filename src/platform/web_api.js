// window.backpropLab, the page's JavaScript API (README "JavaScript API"), over the C functions
// of web_api.cpp. Appended to app.js (--post-js): it exists as soon as app.js has run.
(function () {
  let started = false;
  let firstFrameMs = null;  // performance.now() at the end of the first frame (since navigation)
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  Module.backpropLabFirstFrame = () => {
    firstFrameMs = performance.now();
    started = true;
    startSession();  // the stored session and the link in the address, before anyone reads the state
    resolveReady();
  };
  Module.backpropLabFailed = (message) => rejectReady(new Error(message));
  // the app's clipboard: ImGui's Ctrl+C goes to the page's clipboard, and a paste (Ctrl+V) goes
  // into the text field being edited
  Module.backpropLabCopy = (text) => {
    if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
  };
  document.addEventListener('paste', (event) => {
    const text = event.clipboardData && event.clipboardData.getData('text/plain');
    if (!started || !text) return;
    event.preventDefault();
    withCString(text, (ptr) => _lab_paste(ptr));
  });
  // a download of a Blob under `name`
  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.style.display = 'none';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  // the app's file saves (answer keys, sheets, the graph's SVG): a download of a text file
  Module.backpropLabDownload = (name, text) => download(name, new Blob([text], { type: 'text/plain;charset=utf-8' }));
  // "Export picture" → PNG 2×: the SVG drawn into a canvas at twice its pixels, then downloaded;
  // what happened goes to the canvas's status line
  Module.backpropLabDownloadPng = (name, svg) => {
    const status = (text) => withCString(text, (ptr) => _lab_export_status(ptr));
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = 2 * image.naturalWidth;
      canvas.height = 2 * image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (!blob) return status('error: ' + name + ': the browser could not encode a ' + canvas.width + '×' + canvas.height + ' PNG');
        download(name, blob);
        status('Downloaded ' + name + ' (' + canvas.width + '×' + canvas.height + ')');
      }, 'image/png');
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      status('error: ' + name + ': the browser could not draw the SVG');
    };
    image.src = url;
  };
  // Links, the stored session and files (README "Links, storage and files"). The session is the
  // share link's JSON document, kept in localStorage whenever it changed (checked every second);
  // a link in the address wins over it and leaves the address (a reload then restores the work
  // done since, not the link again), and the stored work stays one Undo away.
  const kSession = 'backpropLab.session';
  let savedKey = null, storageFull = false;
  function pageAddress() {
    return location.href.split('#')[0];
  }
  function openLink(hash, replacedStored) {
    withCString(hash, (ptr, length) => _lab_open_link(ptr, length, replacedStored ? 1 : 0));
    history.replaceState(history.state, '', pageAddress());
  }
  function saveSession() {
    const key = UTF8ToString(_lab_session_key());
    if (key === savedKey) return;
    savedKey = key;
    const json = UTF8ToString(_lab_get_session());  // "": too big to keep
    try {
      if (!json) throw new Error('too big');
      localStorage.setItem(kSession, json);
      storageFull = false;
    } catch (e) {
      if (storageFull) return;
      storageFull = true;  // said once, until a save succeeds again
      _lab_notice_storage_full();
    }
  }
  function startSession() {
    withCString(pageAddress(), (ptr) => _lab_set_page_address(ptr));
    let stored = null;
    try {
      stored = localStorage.getItem(kSession);
    } catch (e) {
      // storage may be off (a private window, an embedding page's policy): nothing to restore
    }
    if (stored) withCString(stored, (ptr, length) => _lab_restore_session(ptr, length));
    // a restored session is stored already; an opened link is stored at the next check
    const linked = location.hash.length > 1;
    if (linked) openLink(location.hash, !!stored);
    savedKey = stored && !linked ? UTF8ToString(_lab_session_key()) : null;
    setInterval(saveSession, 1000);
    // a link pasted into the address bar of the open page
    window.addEventListener('hashchange', () => {
      if (location.hash.length > 1) openLink(location.hash, true);
    });
  }
  // Open… (the app's button) and a file dropped on the page: a state or an answer sheet
  async function openFile(file) {
    if (file.size > 32 * 1048576) {
      withCString(file.name, (name) => _lab_notice_file_too_big(name, Math.round(file.size / 1048576)));
      return;
    }
    const text = await file.text();
    withCString(file.name, (name) => withCString(text, (ptr, length) => _lab_open_file(name, ptr, length)));
  }
  Module.backpropLabPickFile = () => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.addEventListener('change', () => {
      if (input.files && input.files[0]) openFile(input.files[0]);
    });
    input.click();
  };
  const hasFiles = (event) => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes('Files');
  document.addEventListener('dragover', (event) => {
    if (!started || !hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  });
  document.addEventListener('drop', (event) => {
    if (!started || !hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer.files[0]) openFile(event.dataTransfer.files[0]);
  });

  const pageAbort = Module.onAbort;
  Module.onAbort = (what) => {
    rejectReady(new Error('the app stopped: ' + what));
    if (pageAbort) pageAbort(what);
  };

  function check() {
    if (!started) throw new Error('backpropLab is not ready yet: await backpropLab.ready');
  }
  // a C string in wasm memory for the duration of one call, with its length in bytes (text may
  // hold a "\u0000", which the C side then sees rather than stopping there). The browser's own
  // encoder writes straight into wasm memory: ~10× faster than stringToUTF8 on a state of
  // megabytes (a lone surrogate becomes U+FFFD, as everywhere on the web). ASCII text fits in
  // text.length bytes; anything else is encoded again into the 3-bytes-a-unit bound.
  const utf8 = new TextEncoder();
  function withCString(text, call) {
    for (const room of [text.length, 3 * text.length]) {
      const ptr = _malloc(room + 1);
      if (!ptr) throw new Error('backpropLab: out of memory for a ' + room + '-byte argument');
      try {
        const { read, written } = utf8.encodeInto(text, HEAPU8.subarray(ptr, ptr + room));
        if (read < text.length) continue;  // did not fit: the larger room
        HEAPU8[ptr + written] = 0;
        return call(ptr, written);
      } finally {
        _free(ptr);
      }
    }
    throw new Error('backpropLab: a ' + text.length + '-unit string did not fit in its UTF-8 bound');
  }
  // what an argument is, for an error line: "undefined", "a symbol", "a function", …
  function kind(value) {
    if (value === null) return 'null';
    const t = typeof value;
    return t === 'undefined' ? 'undefined' : (/^[aeiou]/.test(t) ? 'an ' : 'a ') + t;
  }
  // setState's argument as JSON text: a string as it is, an object or array stringified; anything
  // else (undefined, a Symbol, a function, a BigInt, a cyclic object) is an error line, never a throw
  function jsonText(value) {
    if (typeof value === 'string') return { text: value };
    if (typeof value === 'object' && value !== null) {
      try {
        const text = JSON.stringify(value);
        if (typeof text === 'string') return { text };
      } catch (e) {
        // the first line of the message only: the error line stays one line
        return { error: 'error: json: cannot be turned into JSON text (' + String(e.message).split('\n')[0].slice(0, 200) + ')' };
      }
    }
    return { error: 'error: json: expected a JSON string or an object, got ' + kind(value) };
  }
  // setAnswer's text: a string, a number, or nested arrays of numbers (written as JSON)
  function answerText(value) {
    if (typeof value === 'string') return { text: value };
    if (typeof value === 'number') return { text: String(value) };
    if (Array.isArray(value)) return jsonText(value);
    return { got: kind(value) };
  }

  window.backpropLab = Object.freeze({
    ready,
    getState() {
      check();
      return UTF8ToString(_lab_get_state());
    },
    setState(json) {
      check();
      const arg = jsonText(json);
      if (arg.error) return arg.error;
      return withCString(arg.text, (ptr, length) => UTF8ToString(_lab_set_state(ptr, length)));
    },
    getResult() {
      check();
      return UTF8ToString(_lab_get_result());
    },
    getSheet() {
      check();
      return UTF8ToString(_lab_get_sheet());
    },
    setAnswer(key, text) {
      check();
      if (typeof key !== 'string') return 'error: key: expected a string such as "grad:W1", got ' + kind(key);
      const arg = answerText(text);
      if (arg.error) return arg.error;
      if (arg.text === undefined) {  // nothing is stored
        const field = key.slice(0, 200).replace(/[\u0000-\u001f\u007f]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        return 'error: answers.' + field + ': expected text, a number or nested arrays of numbers, got ' + arg.got;
      }
      return withCString(key, (k, kl) => withCString(arg.text, (t, tl) => UTF8ToString(_lab_set_answer(k, kl, t, tl))));
    },
    getVerdicts() {
      check();
      return UTF8ToString(_lab_get_verdicts());
    },
    frameCount() {
      return started ? _lab_frame_count() : 0;
    },
    getView() {
      check();
      return UTF8ToString(_lab_get_view());
    },
    select(of, wrt) {
      check();
      return withCString(String(of ?? ''), (a) => withCString(String(wrt ?? ''), (b) => UTF8ToString(_lab_select(a, b))));
    },
    selectNode(name) {
      check();
      return withCString(String(name ?? ''), (ptr) => UTF8ToString(_lab_select_node(ptr)));
    },
    getLink(options) {
      check();
      withCString(pageAddress(), (ptr) => _lab_set_page_address(ptr));
      return UTF8ToString(_lab_get_link(options && options.answers ? 1 : 0));
    },
    getGraphSVG() {
      check();
      return UTF8ToString(_lab_get_graph_svg());
    },
    getTraining() {
      check();
      return UTF8ToString(_lab_get_training());
    },
    // the Train tab's shader views read back: pixels at points of the plane ([[I0, I1], …]) or
    // of the landscape ([[a, b], …]) drawn at `resolution` (64–512), with the palettes that decode them (README)
    samplePlane(points, resolution = 512) {
      check();
      const arg = jsonText(points);
      if (arg.error) return arg.error;
      return withCString(arg.text, (ptr, length) => UTF8ToString(_lab_sample_plane(ptr, length, Number(resolution) | 0)));
    },
    sampleLandscape(points, resolution = 512) {
      check();
      const arg = jsonText(points);
      if (arg.error) return arg.error;
      return withCString(arg.text, (ptr, length) => UTF8ToString(_lab_sample_landscape(ptr, length, Number(resolution) | 0)));
    },
  });

  // the accessible mirror's data source (web/mirror.js builds #backprop-lab-text from it)
  Module.backpropLabMirror = Object.freeze({
    key: () => (started ? UTF8ToString(_lab_mirror_key()) : ''),
    snapshot: () => JSON.parse(UTF8ToString(_lab_mirror())),
    focusPanel: (name) => withCString(String(name), (ptr) => _lab_focus_panel(ptr)) === 1,
    typing: () => started && _lab_typing() === 1,
  });
  // the postMessage bridge's data source (web/bridge.js)
  Module.backpropLabEmbed = Object.freeze({
    origins: () => (started ? JSON.parse(UTF8ToString(_lab_embed_origins())) : []),
    evaluating: () => started && _lab_evaluating() === 1,
  });
  // Ctrl+= / Ctrl++ / Ctrl+− / Ctrl+0 scale the app's UI, not the page (the app is one canvas)
  window.addEventListener('keydown', (event) => {
    if (!started || !(event.ctrlKey || event.metaKey) || event.altKey) return;
    const steps = { '=': 1, '+': 1, '-': -1, '_': -1, '0': 0 }[event.key];
    if (steps === undefined) return;
    event.preventDefault();
    _lab_ui_scale_step(steps);
  }, true);

  // for the browser test and the benchmark; not part of the API
  window.backpropLabTesting = Object.freeze({
    itemRect(name) {
      check();
      const json = withCString(String(name), (ptr) => UTF8ToString(_lab_item_rect(ptr)));
      return json ? JSON.parse(json) : null;
    },
    drawnText() {
      check();
      return JSON.parse(UTF8ToString(_lab_drawn_text()));
    },
    fieldStats() {
      check();
      return JSON.parse(UTF8ToString(_lab_field_stats()));
    },
    frameStats() {
      check();
      const stats = JSON.parse(UTF8ToString(_lab_frame_stats()));
      stats.first_frame_ms = firstFrameMs;
      return stats;
    },
  });
})();
