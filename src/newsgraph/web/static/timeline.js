// Speaker page: statements per week as an SVG bar chart, drawn from the JSON in
// <script id="timeline-data"> ([{week: "2024-05-20", statements: 8}, ...], gaps already zero).
(function () {
  "use strict";
  var svg = document.getElementById("timeline");
  var source = document.getElementById("timeline-data");
  if (!svg || !source) return;
  var weeks = JSON.parse(source.textContent || "[]");
  if (!weeks.length) return;
  // A few weeks of data get empty weeks around them, so one busy week reads as a peak in time.
  var MIN_WEEKS = 12, DAY = 86400000;
  function shift(iso, n) { return new Date(Date.parse(iso + "T00:00:00Z") + n * 7 * DAY).toISOString().slice(0, 10); }
  var before = Math.floor((MIN_WEEKS - weeks.length) / 2);
  for (var b = 0; b < before; b++) weeks.unshift({ week: shift(weeks[0].week, -1), statements: 0 });
  while (weeks.length < MIN_WEEKS) weeks.push({ week: shift(weeks[weeks.length - 1].week, 1), statements: 0 });
  var NS = "http://www.w3.org/2000/svg";
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    (parent || svg).appendChild(node);
    return node;
  }
  function label(iso, year) {
    var p = iso.split("-");
    return Number(p[2]) + " " + MONTHS[Number(p[1]) - 1] + (year ? " " + p[0] : "");
  }

  function draw() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    var width = svg.clientWidth || 600, height = svg.clientHeight || 220;
    var pad = { left: 34, right: 12, top: 14, bottom: 30 };
    var plotW = width - pad.left - pad.right, plotH = height - pad.top - pad.bottom;
    svg.setAttribute("viewBox", "0 0 " + width + " " + height);
    var max = Math.max.apply(null, weeks.map(function (w) { return w.statements; })) || 1;
    var step = Math.max(1, Math.ceil(max / 4));
    for (var v = 0; v <= max; v += step) {
      var y = pad.top + plotH - (v / max) * plotH;
      el("line", { x1: pad.left, x2: width - pad.right, y1: y, y2: y, "class": "axis", "stroke-dasharray": v ? "3 3" : "" });
      el("text", { x: pad.left - 6, y: y + 4, "text-anchor": "end" }).textContent = String(v);
    }
    var slot = plotW / weeks.length;
    var barW = Math.max(2, Math.min(48, slot * 0.7));
    var every = Math.max(1, Math.ceil(weeks.length / Math.max(1, Math.floor(plotW / 70))));
    weeks.forEach(function (w, i) {
      var x = pad.left + slot * i + (slot - barW) / 2;
      var h = (w.statements / max) * plotH;
      var bar = el("rect", { x: x, y: pad.top + plotH - h, width: barW, height: Math.max(h, w.statements ? 1 : 0), rx: 2, "class": "bar", "data-week": w.week, "data-count": w.statements });
      el("title", {}, bar).textContent = "Week of " + label(w.week, true) + ": " + w.statements + " statement" + (w.statements === 1 ? "" : "s");
      if (i % every === 0) {
        el("text", { x: pad.left + slot * i + slot / 2, y: height - 10, "text-anchor": "middle" }).textContent = label(w.week, i === 0);
      }
    });
  }
  draw();
  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(draw, 120); });
})();
