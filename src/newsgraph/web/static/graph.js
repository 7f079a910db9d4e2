// Actor graph: a small deterministic force layout drawn as SVG, from the JSON in
// <script id="graph-data"> ({nodes: [{id, label, weight, link}], edges: [{source_id, target_id,
// source, target, plover, count, colour}]}).  Same data, same picture: no randomness.
(function () {
  "use strict";
  var svg = document.getElementById("graph");
  var source = document.getElementById("graph-data");
  if (!svg || !source) return;
  var data = JSON.parse(source.textContent || "{}");
  var nodes = data.nodes || [], edges = data.edges || [];
  if (!nodes.length) return;
  var NS = "http://www.w3.org/2000/svg";

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (parent || svg).appendChild(node);
    return node;
  }

  // -- layout --------------------------------------------------------------------------------
  // News graphs are mostly small islands (one article: one pair).  Each connected component is
  // laid out alone (Fruchterman-Reingold from a circle: deterministic), turned wide, and the
  // components are packed in rows, biggest first, so no island lands on another.
  var byId = {};
  nodes.forEach(function (n) { n.r = 9 + 3 * Math.sqrt(n.weight); n.adj = []; byId[n.id] = n; });
  edges.forEach(function (e) {
    var a = byId[e.source_id], b = byId[e.target_id];
    if (a && b) { a.adj.push(b); b.adj.push(a); }
  });
  var components = [], seen = {};
  nodes.forEach(function (start) {
    if (seen[start.id]) return;
    var comp = [], stack = [start];
    seen[start.id] = true;
    while (stack.length) {
      var n = stack.pop();
      comp.push(n);
      n.adj.forEach(function (m) { if (!seen[m.id]) { seen[m.id] = true; stack.push(m); } });
    }
    components.push(comp);
  });
  components.sort(function (a, b) { return b.length - a.length; });

  function layout(comp) {
    var count = comp.length, k = Math.sqrt(1 / count), temp = 0.1;
    comp.forEach(function (n, i) {
      var a = (2 * Math.PI * i) / count;
      n.x = 0.5 + 0.4 * Math.cos(a); n.y = 0.5 + 0.4 * Math.sin(a);
    });
    for (var it = 0; it < 250; it++) {
      comp.forEach(function (n) { n.dx = 0; n.dy = 0; });
      for (var i = 0; i < count; i++) {
        for (var j = i + 1; j < count; j++) {
          var a = comp[i], b = comp[j];
          var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.001, f = (k * k) / d;
          a.dx += (dx / d) * f; a.dy += (dy / d) * f; b.dx -= (dx / d) * f; b.dy -= (dy / d) * f;
        }
      }
      comp.forEach(function (a) {
        a.adj.forEach(function (b) {
          var dx = a.x - b.x, dy = a.y - b.y, d = Math.sqrt(dx * dx + dy * dy) || 0.001, f = (d * d) / k / 2;
          a.dx -= (dx / d) * f; a.dy -= (dy / d) * f;
        });
      });
      comp.forEach(function (n) {
        n.dx += (0.5 - n.x) * 0.1; n.dy += (0.5 - n.y) * 0.1;
        var d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) || 0.001, step = Math.min(d, temp);
        n.x += (n.dx / d) * step; n.y += (n.dy / d) * step;
      });
      temp *= 0.98;
    }
    var xs = comp.map(function (n) { return n.x; }), ys = comp.map(function (n) { return n.y; });
    var w = Math.max.apply(null, xs) - Math.min.apply(null, xs), h = Math.max.apply(null, ys) - Math.min.apply(null, ys);
    if (h > w) comp.forEach(function (n) { var t = n.x; n.x = n.y; n.y = t; });  // wide, like the page
    var minX = Math.min.apply(null, comp.map(function (n) { return n.x; }));
    var minY = Math.min.apply(null, comp.map(function (n) { return n.y; }));
    var span = Math.max(w, h) || 1, size = 190 * Math.sqrt(count - 1 || 1);
    comp.forEach(function (n) { n.cx = ((n.x - minX) / span) * size; n.cy = ((n.y - minY) / span) * size; });
    return {
      w: Math.max.apply(null, comp.map(function (n) { return n.cx; })) + 190,
      h: Math.max.apply(null, comp.map(function (n) { return n.cy; })) + 80,
    };
  }

  var width = svg.clientWidth || 900, x = 0, y = 0, rowH = 0, boxes = [];
  components.forEach(function (comp) {
    var box = layout(comp);
    if (x > 0 && x + box.w > width) { x = 0; y += rowH; rowH = 0; }
    boxes.push({ comp: comp, x: x, y: y, w: box.w });
    x += box.w; rowH = Math.max(rowH, box.h);
  });
  var height = Math.max(360, y + rowH + 20);
  // centre each row horizontally
  var rows = {};
  boxes.forEach(function (b) { (rows[b.y] = rows[b.y] || []).push(b); });
  Object.keys(rows).forEach(function (key) {
    var row = rows[key], used = row.reduce(function (s, b) { return s + b.w; }, 0), off = (width - used) / 2;
    row.forEach(function (b) {
      b.comp.forEach(function (n) { n.px = off + b.x + 95 + n.cx; n.py = b.y + 50 + n.cy; });
    });
  });
  var top = height > 360 ? 0 : (360 - (y + rowH)) / 2;
  nodes.forEach(function (n) { n.py += top; });
  svg.style.height = height + "px";
  svg.setAttribute("viewBox", "0 0 " + width + " " + height);

  var defs = el("defs", {});
  var markers = {};
  edges.forEach(function (e) {
    if (markers[e.colour]) return;
    var id = "arrow-" + Object.keys(markers).length;
    markers[e.colour] = id;
    var m = el("marker", { id: id, viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse", markerUnits: "userSpaceOnUse" }, defs);
    el("path", { d: "M0,0 L10,5 L0,10 z", fill: e.colour }, m);
  });

  // Edges between the same two nodes fan out as curves so that none hides another.
  var groups = {};
  edges.forEach(function (e) {
    var key = [e.source_id, e.target_id].sort().join("\u0000");
    (groups[key] = groups[key] || []).push(e);
  });
  var edgeLayer = el("g", { "class": "edges" }), nodeLayer = el("g", { "class": "nodes" });
  Object.keys(groups).forEach(function (key) {
    var list = groups[key];
    list.forEach(function (e, i) {
      var a = byId[e.source_id], b = byId[e.target_id];
      if (!a || !b) return;
      var bend = list.length === 1 ? 0 : (i - (list.length - 1) / 2) * 38;
      if (e.source_id > e.target_id) bend = -bend;
      var mx = (a.px + b.px) / 2, my = (a.py + b.py) / 2;
      var dx = b.px - a.px, dy = b.py - a.py, len = Math.sqrt(dx * dx + dy * dy) || 1;
      var cx = mx - (dy / len) * bend, cy = my + (dx / len) * bend;
      // stop the line at the target's rim so the arrowhead stays visible
      var tx = b.px - cx, ty = b.py - cy, tl = Math.sqrt(tx * tx + ty * ty) || 1;
      var ex = b.px - (tx / tl) * (b.r + 3), ey = b.py - (ty / tl) * (b.r + 3);
      var g = el("g", { "class": "edge", "data-source": e.source, "data-target": e.target, "data-type": e.plover, "data-count": e.count }, edgeLayer);
      g.dataset.sourceId = e.source_id; g.dataset.targetId = e.target_id;
      el("title", {}, g).textContent = e.source + " \u2192 " + e.plover + " \u2192 " + e.target + ": " + e.count + " report" + (e.count === 1 ? "" : "s");
      el("path", { d: "M" + a.px + "," + a.py + " Q" + cx + "," + cy + " " + ex + "," + ey, stroke: e.colour, "stroke-width": 1.5 + 1.8 * Math.log2(1 + e.count), "marker-end": "url(#" + markers[e.colour] + ")" }, g);
      var lx = 0.25 * a.px + 0.5 * cx + 0.25 * b.px, ly = 0.25 * a.py + 0.5 * cy + 0.25 * b.py;
      el("text", { x: lx, y: ly - 4, "text-anchor": "middle", fill: e.colour }, g).textContent = e.plover + (e.count > 1 ? " \u00d7" + e.count : "");
    });
  });
  nodes.forEach(function (n) {
    var g = el("g", { "class": n.link ? "node link" : "node", "data-id": n.id, "data-label": n.label, transform: "translate(" + n.px + "," + n.py + ")" }, nodeLayer);
    el("title", {}, g).textContent = n.label + ": " + n.weight + " event" + (n.weight === 1 ? "" : "s");
    el("circle", { r: n.r }, g);
    var short = n.label.length > 32 ? n.label.slice(0, 30) + "\u2026" : n.label;
    el("text", { y: -n.r - 6, "text-anchor": "middle" }, g).textContent = short;
    if (n.link) g.addEventListener("click", function () { window.location.href = "/actors/" + encodeURIComponent(n.link); });
    g.addEventListener("mouseenter", function () {
      svg.classList.add("focus");
      g.classList.add("hot");
      edgeLayer.querySelectorAll(".edge").forEach(function (eg) {
        if (eg.dataset.sourceId === n.id || eg.dataset.targetId === n.id) {
          eg.classList.add("hot");
          [eg.dataset.sourceId, eg.dataset.targetId].forEach(function (id) {
            var other = nodeLayer.querySelector('.node[data-id="' + CSS.escape(id) + '"]');
            if (other) other.classList.add("hot");
          });
        }
      });
    });
    g.addEventListener("mouseleave", function () {
      svg.classList.remove("focus");
      svg.querySelectorAll(".hot").forEach(function (x) { x.classList.remove("hot"); });
    });
  });
})();
