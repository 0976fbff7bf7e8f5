// The browser script of the HTML report, kept as text: it runs in the page, not in Node (no DOM types here).

/**
 * Reads the result from the `ficus-data` script element, lays the seams out on a circle (the shared seam in the
 * middle), draws dependencies as arrows, and shows a seam's files, routes and tables when it is clicked.
 * Everything is built with textContent, so names from the analysed code can never inject markup.
 */
export const HTML_PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('ficus-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var svg = document.getElementById('graph');
  var size = 640, centre = size / 2;
  var candidates = data.seams.filter(function (s) { return !s.shared; });
  var shared = data.seams.filter(function (s) { return s.shared; });
  var position = {};
  var ring = centre - 90;
  candidates.forEach(function (s, i) {
    var angle = (2 * Math.PI * i) / Math.max(1, candidates.length) - Math.PI / 2;
    position[s.id] = { x: centre + ring * Math.cos(angle), y: centre + ring * Math.sin(angle) };
  });
  shared.forEach(function (s, i) { position[s.id] = { x: centre + i * 60, y: centre }; });
  function radius(s) { return 14 + 3 * Math.sqrt(s.files.length); }
  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    if (parent) parent.appendChild(node);
    return node;
  }
  var byId = {};
  data.seams.forEach(function (s) { byId[s.id] = s; });
  var edges = el('g', { class: 'edges' }, svg);
  data.seamDependencies.forEach(function (d) {
    var a = position[d.from], b = position[d.to];
    if (!a || !b) return;
    var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var ra = radius(byId[d.from]), rb = radius(byId[d.to]) + 6;
    var line = el('line', {
      x1: a.x + (dx * ra) / len, y1: a.y + (dy * ra) / len,
      x2: b.x - (dx * rb) / len, y2: b.y - (dy * rb) / len,
      'stroke-width': Math.min(6, 1 + Math.log2(1 + d.count)), 'marker-end': 'url(#arrow)',
      'data-from': d.from, 'data-to': d.to,
    }, edges);
    el('title', {}, line).textContent = d.from + ' → ' + d.to + ': ' + d.count + ' dependencies';
  });
  var nodes = el('g', { class: 'nodes' }, svg);
  data.seams.forEach(function (s) {
    var p = position[s.id];
    var g = el('g', { class: 'seam' + (s.shared ? ' shared' : ''), 'data-seam-id': s.id, tabindex: 0, role: 'button' }, nodes);
    el('circle', { cx: p.x, cy: p.y, r: radius(s) }, g);
    var label = el('text', { x: p.x, y: p.y + radius(s) + 14, 'text-anchor': 'middle' }, g);
    label.textContent = s.name + ' (' + s.score + ')';
    g.addEventListener('click', function () { select(s.id); });
    g.addEventListener('keydown', function (e) { if (e.key === 'Enter') select(s.id); });
  });
  var list = document.getElementById('candidates');
  data.seams.forEach(function (s, i) {
    var row = document.createElement('tr');
    row.setAttribute('data-seam-id', s.id);
    [String(i + 1), s.name + (s.shared ? ' (shared)' : ''), String(s.score), String(s.files.length),
      String(s.routes.length), String(s.cuts.incoming) + ' / ' + String(s.cuts.outgoing)].forEach(function (text) {
      var cell = document.createElement('td');
      cell.textContent = text;
      row.appendChild(cell);
    });
    row.addEventListener('click', function () { select(s.id); });
    list.appendChild(row);
  });
  function section(parent, title, items) {
    var h = document.createElement('h3');
    h.textContent = title + ' (' + items.length + ')';
    parent.appendChild(h);
    var ul = document.createElement('ul');
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item;
      ul.appendChild(li);
    });
    if (items.length === 0) {
      var li = document.createElement('li');
      li.textContent = 'none';
      ul.appendChild(li);
    }
    parent.appendChild(ul);
  }
  function select(id) {
    var s = byId[id];
    if (!s) return;
    document.querySelectorAll('[data-seam-id]').forEach(function (node) {
      node.classList.toggle('selected', node.getAttribute('data-seam-id') === id);
    });
    var panel = document.getElementById('details');
    panel.textContent = '';
    panel.setAttribute('data-selected', id);
    var h = document.createElement('h2');
    h.textContent = s.name + (s.shared ? ' (shared infrastructure)' : '') + ' — score ' + s.score;
    panel.appendChild(h);
    var p = document.createElement('p');
    p.textContent = s.rationale;
    panel.appendChild(p);
    section(panel, 'Routes', s.routes);
    section(panel, 'Tables owned', s.tables);
    section(panel, 'Tables shared with other seams', s.sharedTables);
    section(panel, 'Files', s.files);
  }
  if (data.seams.length > 0) select(data.seams[0].id);
})();
`;
