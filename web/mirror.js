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
  function fill(name, heading, ...children) {
    const section = sections[name];
    section.replaceChildren(el('h2', heading, { id: 'backprop-lab-h-' + name.toLowerCase() }), ...children.filter(Boolean));
  }

  function render(m) {
    const hidden = new Set(m.hidden || []);  // what a course page hid (hide=…) is not read out either
    for (const name of PANELS) sections[name].hidden = hidden.has(name.toLowerCase());
    const invalid = m.errors.length > 0;
    const errors = invalid ? [el('p', 'Not evaluated: ' + m.errors.length + (m.errors.length > 1 ? ' errors' : ' error')), list(m.errors)] : [];
    const st = m.stepper;
    fill('Graph', 'Graph',
      ...errors,
      m.nodes.length ? list(m.nodes.map((n) => n.name + ' = ' + n.value + (n.grad ? '; gradient ' + n.grad : ''))) : null,
      hidden.has('stepper') ? null : el('h3', 'Stepper'),
      hidden.has('stepper') ? null : el('p', 'Step ' + st.step + ' of ' + st.steps + ' (' + st.phase + ')' + (st.formula ? ': ' + st.formula : ''), { 'data-mirror': 'stepper' }));
    fill('Network', 'Network', list(m.network.map((v) => v.name + ' = ' + v.value)));
    fill('Results', 'Results',
      ...errors,
      m.loss !== null ? el('p', 'Loss ℓ = ' + m.loss) : null,
      m.gradients.length ? el('h3', 'Gradients') : null,
      m.gradients.length ? list(m.gradients.map((g) => g.name + ' = ' + g.value)) : null,
      m.agreement.length ? el('h3', 'Agreement') : null,
      m.agreement.length ? list(m.agreement.map((a) => a.what + ': ' + a.text)) : null);
    const sel = m.selection;
    const inspector = [];
    if (sel.kind === 'none') inspector.push(el('p', 'Nothing selected.'));
    if (sel.kind === 'edge') inspector.push(el('p', 'Selected edge: ' + sel.name + (sel.value ? ' = ' + sel.value : '')));
    if (sel.kind === 'node') {
      inspector.push(el('p', 'Selected: ' + sel.name + (sel.gradient ? '; ' + sel.gradient : '')));
      if (sel.factors.length) {
        inspector.push(el('h3', 'Chain, factor by factor'));
        const ol = el('ol');
        for (const f of sel.factors) ol.append(el('li', f.name + ' (' + f.shape + ') = ' + f.value + '; so ' + f.product));
        inspector.push(ol);
      }
    }
    fill('Inspector', 'Inspector', ...inspector);
    fill('Explainer', 'Explainer', el('p', 'What went wrong in the original notebook: the naive loss prints 0, the gradients are about 1e-19 and are not zero, and the autograd numbers are half the true ones.'));
    const t = m.training;
    fill('Train', 'Train',
      el('p', (t.steps ? 'Step ' + t.steps + (t.running ? ', training' : ', paused') + '; training-set loss ℓ = ' + t.loss : 'No steps yet.') +
        ' Optimizer ' + t.optimizer + ', η = ' + t.lr + '.'),
      t.update.length ? el('h3', 'Last update') : null,
      t.update.length ? list(t.update) : null);
    fill('Sheet', 'Answer sheet', m.verdicts.length ? list(m.verdicts.map((v) => v.cell + ' (' + v.key + '): ' + v.text)) : el('p', 'No cell filled in yet.'));
  }

  // what changed since the last snapshot, in words
  function changes(prev, m) {
    if (!prev) return [];
    const out = [];
    if (m.errors.join() !== prev.errors.join()) out.push(m.errors.length ? m.errors.length + (m.errors.length > 1 ? ' errors: ' : ' error: ') + m.errors[0] : 'Evaluated again');
    else if (m.loss !== prev.loss || JSON.stringify(m.gradients) !== JSON.stringify(prev.gradients)) out.push('Changed: loss ℓ = ' + m.loss);
    if (m.stepper.step !== prev.stepper.step) out.push('Step ' + m.stepper.step + ' of ' + m.stepper.steps + (m.stepper.formula ? ': ' + m.stepper.formula : ''));
    if (JSON.stringify(m.selection) !== JSON.stringify(prev.selection) && m.selection.kind !== 'none') out.push('Selected ' + m.selection.name);
    if (JSON.stringify(m.verdicts) !== JSON.stringify(prev.verdicts)) {
      const right = m.verdicts.filter((v) => v.ok).length;
      out.push('Answer sheet: ' + right + ' right, ' + (m.verdicts.length - right) + ' wrong');
    }
    if (m.training.steps !== prev.training.steps && m.training.steps) out.push('Training step ' + m.training.steps + ': ℓ = ' + m.training.loss);
    if (m.panel !== prev.panel) out.push(m.panel + ' panel');
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
