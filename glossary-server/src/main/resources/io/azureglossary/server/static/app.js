// The search page: completions from /api/suggest, results from /api/search, as the user types.
// Text from the user or the corpus is only ever inserted as text nodes; a highlight's <mark> is the
// one piece of markup, and it is built as an element, not parsed.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const input = $('q');
  const list = $('completions');
  const results = $('results');
  const facets = $('facets');
  const status = $('status');
  const dym = $('did-you-mean');
  const difficulty = $('difficulty');
  const activeFilters = $('active-filters');

  const SECTIONS = {
    definition: 'Definition', technicalContext: 'Technical context', whyItMatters: 'Why it matters',
    whereYouSeeIt: 'Where you see it', whenRelevant: 'When relevant', architecture: 'Architecture',
    security: 'Security', cost: 'Cost', reliability: 'Reliability', performance: 'Performance',
    operations: 'Operations', commonMistakes: 'Common mistakes', caseStudies: 'Case studies', cli: 'CLI'
  };
  const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', '#39': "'" };

  const filters = { category: '', service: '' };
  let completions = [];
  let active = -1;
  let timer = 0;
  let searchSeq = 0;
  let suggestSeq = 0;
  let searchAbort = null;
  let suggestAbort = null;

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v; else e.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) e.append(c);
    return e;
  }

  /** A highlight's HTML (matches in <mark>, the rest escaped) as DOM nodes, without parsing any HTML. */
  function passage(html) {
    const frag = document.createDocumentFragment();
    let marked = false;
    for (const part of html.split(/(<mark>|<\/mark>)/)) {
      if (part === '<mark>') { marked = true; continue; }
      if (part === '</mark>') { marked = false; continue; }
      if (part === '') continue;
      const text = part.replace(/&(lt|gt|amp|quot|#39);/g, (m, name) => ENTITIES[name]);
      frag.append(marked ? el('mark', {}, text) : document.createTextNode(text));
    }
    return frag;
  }

  function params() {
    const p = new URLSearchParams();
    p.set('q', input.value);
    if (filters.category) p.set('category', filters.category);
    if (filters.service) p.set('service', filters.service);
    if (difficulty.value) p.set('difficulty', difficulty.value);
    return p;
  }

  // ----- completions -----

  function closeList() {
    list.hidden = true;
    list.replaceChildren();
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    completions = [];
    active = -1;
  }

  function showCompletions(items) {
    completions = items;
    active = -1;
    list.replaceChildren();
    items.forEach((s, i) => {
      const li = el('li', { id: 'completion-' + i, role: 'option', 'aria-selected': 'false', 'data-id': s.id },
        el('span', { class: 'label' }, s.text),
        s.text !== s.name ? el('span', { class: 'to' }, ' → ' + s.name) : null);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(i); });
      list.append(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute('aria-expanded', String(items.length > 0));
  }

  function move(delta) {
    if (completions.length === 0) return;
    active = (active + delta + completions.length + 1) % (completions.length + 1);
    if (active === completions.length) active = -1;
    [...list.children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', 'completion-' + active);
    else input.removeAttribute('aria-activedescendant');
  }

  function pick(i) {
    input.value = completions[i].text;
    closeList();
    search();
  }

  async function suggest() {
    const q = input.value;
    const seq = ++suggestSeq;
    if (suggestAbort) suggestAbort.abort();
    if (q.trim() === '') { closeList(); return; }
    suggestAbort = new AbortController();
    try {
      const r = await fetch('/api/suggest?' + new URLSearchParams({ q }), { signal: suggestAbort.signal });
      const body = await r.json();
      if (seq !== suggestSeq || document.activeElement !== input) return;
      if (r.ok) showCompletions(body.suggestions); else closeList();
    } catch (e) {
      if (e.name !== 'AbortError') closeList();
    }
  }

  // ----- results -----

  async function search() {
    const q = input.value;
    const seq = ++searchSeq;
    if (searchAbort) searchAbort.abort();
    const p = params();
    history.replaceState(null, '', q.trim() === '' ? '/' : '/?' + p);
    if (q.trim() === '') { clearResults(); return; }
    searchAbort = new AbortController();
    try {
      const r = await fetch('/api/search?' + p, { signal: searchAbort.signal });
      const body = await r.json();
      if (seq !== searchSeq) return;
      if (r.ok) render(body); else showError(body.error || ('error ' + r.status));
    } catch (e) {
      if (e.name !== 'AbortError' && seq === searchSeq) showError('the server did not answer');
    }
  }

  function clearResults() {
    results.replaceChildren();
    facets.replaceChildren();
    status.textContent = '';
    dym.hidden = true;
    renderActiveFilters();
  }

  function showError(message) {
    results.replaceChildren();
    facets.replaceChildren();
    dym.hidden = true;
    status.className = 'status error';
    status.textContent = message;
  }

  function render(r) {
    status.className = 'status';
    if (r.total === 0) {
      status.replaceChildren('No term matches ', el('q', { id: 'no-match' }, r.query));
    } else {
      status.textContent = r.total + (r.total === 1 ? ' matching term' : ' matching terms')
        + (r.matching && !r.relaxed ? ': ' + r.matching : '')
        + (r.relaxed ? ' (relaxed: ' + r.matching + ')' : '')
        + (r.truncated ? '; only the first part of the query was searched' : '');
    }
    if (r.didYouMean) {
      dym.replaceChildren('Showing results for ', el('strong', {}, r.didYouMean));
      dym.hidden = false;
    } else {
      dym.hidden = true;
    }
    results.replaceChildren(...r.results.map(hit));
    renderFacets(r.facets);
    renderActiveFilters();
  }

  function hit(h) {
    return el('li', { class: 'hit', 'data-id': h.id, 'data-category': h.category, 'data-service': h.service },
      el('a', { class: 'name', href: '/terms/' + encodeURIComponent(h.id) }, h.name),
      el('div', { class: 'meta' }, h.service + ' · ' + h.category + ' · ' + h.difficulty),
      el('ul', { class: 'highlights' }, ...h.highlights.map((hl) =>
        el('li', { 'data-section': hl.section },
          el('span', { class: 'section' }, SECTIONS[hl.section] || hl.section),
          el('span', { class: 'passage' }, passage(hl.text))))));
  }

  function renderFacets(f) {
    facets.replaceChildren(facetGroup('category', 'Category', f.category), facetGroup('service', 'Service', f.service));
  }

  function facetGroup(key, title, counts) {
    const names = Object.keys(counts);
    const group = el('section', { class: 'facet', id: 'facet-' + key }, el('h2', {}, title));
    const ul = el('ul', {});
    for (const name of names.slice(0, 12)) {
      const on = filters[key] === name;
      const b = el('button', { type: 'button', class: 'facet-value', 'aria-pressed': String(on), 'data-value': name },
        name, el('span', { class: 'count' }, String(counts[name])));
      b.addEventListener('click', () => { filters[key] = on ? '' : name; search(); });
      ul.append(el('li', {}, b));
    }
    group.append(ul);
    return group;
  }

  function renderActiveFilters() {
    activeFilters.replaceChildren();
    for (const key of ['category', 'service']) {
      if (!filters[key]) continue;
      const b = el('button', { type: 'button', class: 'chip', 'data-filter': key, 'aria-label': 'Remove filter ' + filters[key] },
        key + ': ' + filters[key] + ' ×');
      b.addEventListener('click', () => { filters[key] = ''; search(); });
      activeFilters.append(b);
    }
  }

  // ----- events -----

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => { suggest(); search(); }, 60);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) suggest(); else move(1); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
    else if (e.key === 'Escape') { if (!list.hidden) { e.preventDefault(); closeList(); } }
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (!list.hidden && active >= 0) pick(active); else { closeList(); clearTimeout(timer); search(); }
    }
  });
  input.addEventListener('blur', () => setTimeout(closeList, 100));
  $('search-form').addEventListener('submit', (e) => e.preventDefault());
  difficulty.addEventListener('change', search);

  // A search in the address (a shared link, or back from a term page) is run again.
  const start = new URLSearchParams(location.search);
  if (start.get('q')) {
    input.value = start.get('q');
    filters.category = start.get('category') || '';
    filters.service = start.get('service') || '';
    difficulty.value = start.get('difficulty') || '';
    search();
  }
})();
