// The accessible mirror of the canvas: a visually hidden parallel DOM, #backprop-lab-text, that
// screen readers and keyboard users read (as PhET's parallel DOM and Flutter's web semantics do).
// One section per panel, in the app's order; reaching a section with Tab / Shift+Tab brings its
// panel to the front. Rebuilt from the app's snapshot only when its key changes (checked four
// times a second); changes are announced in the polite live region #backprop-lab-live, at most
// once a second.
(function () {
  const PANELS = ['Graph', 'Network', 'Results', 'Inspector', 'Explainer', 'Train', 'Sheet'];
  const POLL_MS = 250, ANNOUNCE_MS = 1000;
  const root = document.getElementById('backprop-lab-text');
  const live = document.getElementById('backprop-lab-live');
  if (!root || !live) return;

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  function list(items) {
    const ul = el('ul');
    for (const item of items) ul.append(el('li', item));
    return ul;
  }

  // the section of one panel, reachable with Tab
  const sections = {};
  for (const name of PANELS) {
    const section = el('section', null, { id: 'backprop-lab-' + name.toLowerCase(), tabindex: '0', 'aria-labelledby': 'backprop-lab-h-' + name.toLowerCase() });
    section.addEventListener('focus', () => Module.backpropLabMirror && Module.backpropLabMirror.focusPanel(name));
    sections[name] = section;
    root.append(section);
  }
  // the snapshot's words (the app's catalogue, in the UI's language): {name} templates
  let words = {};
  function say(key, values) {
    return String(words[key] || '').replace(/\{(\w+)\}/g, (_, name) => (values && name in values ? values[name] : ''));
  }
  function panelName(name) { return (words.panels && words.panels[name]) || name; }
  function fill(name, heading, ...children) {
    const section = sections[name];
    section.replaceChildren(el('h2', heading, { id: 'backprop-lab-h-' + name.toLowerCase() }), ...children.filter(Boolean));
  }

  function render(m) {
    words = m.words || {};
    if (m.lang && document.documentElement.lang !== m.lang) document.documentElement.lang = m.lang;
    const hidden = new Set(m.hidden || []);  // what a course page hid (hide=…) is not read out either
    for (const name of PANELS) sections[name].hidden = hidden.has(name.toLowerCase());
    const invalid = m.errors.length > 0;
    const errors = invalid ? [el('p', m.errors.length > 1 ? say('not_evaluated_many', { n: m.errors.length }) : say('not_evaluated_one')), list(m.errors)] : [];
    const st = m.stepper;
    fill('Graph', panelName('Graph'),
      ...errors,
      m.nodes.length ? list(m.nodes.map((n) => say(n.grad ? 'node_gradient' : 'node', { name: n.name, value: n.value, grad: n.grad }))) : null,
      hidden.has('stepper') ? null : el('h3', say('stepper')),
      hidden.has('stepper') ? null : el('p', say(st.formula ? 'step_of_formula' : 'step_of', st), { 'data-mirror': 'stepper' }));
    fill('Network', panelName('Network'), list(m.network.map((v) => say('node', v))));
    fill('Results', panelName('Results'),
      ...errors,
      m.loss !== null ? el('p', say('loss', { loss: m.loss })) : null,
      m.gradients.length ? el('h3', say('gradients')) : null,
      m.gradients.length ? list(m.gradients.map((g) => say('node', g))) : null,
      m.agreement.length ? el('h3', say('agreement')) : null,
      m.agreement.length ? list(m.agreement.map((a) => a.what + ': ' + a.text)) : null);
    const sel = m.selection;
    const inspector = [];
    if (sel.kind === 'none') inspector.push(el('p', say('nothing_selected')));
    if (sel.kind === 'edge') inspector.push(el('p', say(sel.value ? 'selected_edge_value' : 'selected_edge', sel)));
    if (sel.kind === 'node') {
      inspector.push(el('p', say(sel.gradient ? 'selected_node_gradient' : 'selected_node', sel)));
      if (sel.factors.length) {
        inspector.push(el('h3', say('chain')));
        const ol = el('ol');
        for (const f of sel.factors) ol.append(el('li', say('factor', f)));
        inspector.push(ol);
      }
    }
    fill('Inspector', panelName('Inspector'), ...inspector);
    fill('Explainer', panelName('Explainer'), el('p', say('explainer')));
    const t = m.training;
    fill('Train', panelName('Train'),
      el('p', (t.steps ? say(t.running ? 'train_running' : 'train_paused', t) : say('train_none')) + ' ' + say('train_optimizer', t)),
      t.update.length ? el('h3', say('last_update')) : null,
      t.update.length ? list(t.update) : null);
    fill('Sheet', say('sheet_heading'), m.verdicts.length ? list(m.verdicts.map((v) => say('verdict', v))) : el('p', say('no_cell')));
  }

  // what changed since the last snapshot, in words
  function changes(prev, m) {
    if (!prev) return [];
    const out = [];
    if (m.errors.join() !== prev.errors.join()) out.push(m.errors.length ? say(m.errors.length > 1 ? 'errors_many' : 'errors_one', { n: m.errors.length, first: m.errors[0] }) : say('evaluated_again'));
    else if (m.loss !== prev.loss || JSON.stringify(m.gradients) !== JSON.stringify(prev.gradients)) out.push(say('changed_loss', { loss: m.loss }));
    if (m.stepper.step !== prev.stepper.step) out.push(say(m.stepper.formula ? 'step_short_formula' : 'step_short', m.stepper));
    if (JSON.stringify(m.selection) !== JSON.stringify(prev.selection) && m.selection.kind !== 'none') out.push(say('selected', m.selection));
    if (JSON.stringify(m.verdicts) !== JSON.stringify(prev.verdicts)) {
      const right = m.verdicts.filter((v) => v.ok).length;
      out.push(say('sheet_counts', { right, wrong: m.verdicts.length - right }));
    }
    if (m.training.steps !== prev.training.steps && m.training.steps) out.push(say('training_step', m.training));
    if (m.panel !== prev.panel) out.push(say('panel', { panel: panelName(m.panel) }));
    return out;
  }

  let announced = 0, pending = null, timer = null;
  function announce(text) {
    pending = text;
    if (timer) return;
    const wait = Math.max(0, announced + ANNOUNCE_MS - performance.now());
    timer = setTimeout(() => {
      live.textContent = pending;
      announced = performance.now();
      timer = null;
    }, wait);
  }

  let key = null, last = null;
  function poll() {
    const mirror = Module.backpropLabMirror;
    const k = mirror ? mirror.key() : '';
    if (!k || k === key) return;
    key = k;
    const m = mirror.snapshot();
    render(m);
    const said = changes(last, m);
    if (said.length) announce(said.join('. '));
    last = m;
  }
  // Tab / Shift+Tab: the next / previous panel, its section focused for a screen reader (a text
  // field being edited in the app keeps Tab for itself)
  window.addEventListener('keydown', (event) => {
    const mirror = Module.backpropLabMirror;
    if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey || !mirror || mirror.typing()) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const shown = PANELS.filter((name) => !sections[name].hidden);
    const focused = shown.findIndex((name) => sections[name] === document.activeElement);
    const current = focused >= 0 ? focused : Math.max(0, shown.indexOf(last ? last.panel : 'Graph'));
    const step = focused < 0 && !event.shiftKey ? 0 : event.shiftKey ? -1 : 1;
    sections[shown[(current + step + shown.length) % shown.length]].focus();
  }, true);

  window.backpropLab && window.backpropLab.ready.then(() => {
    poll();
    setInterval(poll, POLL_MS);
  }, () => {});
})();
