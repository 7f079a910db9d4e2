// Article page behaviour (no dependencies):
// - hovering an event lights up its evidence in the text; clicking pins it and scrolls to it;
// - the statement named in the address (#q3) is outlined, all of its pieces;
// - hovering a speaker in the legend shows only that speaker's statements.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) return;

  function evidence(idx) {
    return Array.prototype.filter.call(text.querySelectorAll(".ev"), function (el) {
      return (el.getAttribute("data-ev") || "").split(" ").indexOf(String(idx)) >= 0;
    });
  }
  function light(idx, on) {
    evidence(idx).forEach(function (el) { el.classList.toggle("lit", on); });
  }

  var pinned = null;
  document.querySelectorAll(".event-item").forEach(function (item) {
    var idx = item.getAttribute("data-ev");
    item.addEventListener("mouseenter", function () { if (pinned === null) light(idx, true); });
    item.addEventListener("mouseleave", function () { if (pinned === null) light(idx, false); });
    function pin() {
      if (pinned !== null) {
        light(pinned, false);
        document.querySelectorAll(".event-item.active").forEach(function (el) { el.classList.remove("active"); });
      }
      if (pinned === idx) { pinned = null; return; }
      pinned = idx;
      item.classList.add("active");
      light(idx, true);
      var first = evidence(idx)[0];
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
    item.addEventListener("click", pin);
    if (window.location.hash === "#ev" + idx) pin();
    item.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pin(); } });
  });

  function focusHash() {
    text.querySelectorAll(".q.focus").forEach(function (el) { el.classList.remove("focus"); });
    var m = /^#q(\d+)$/.exec(window.location.hash);
    if (m) text.querySelectorAll(".qi-" + m[1]).forEach(function (el) { el.classList.add("focus"); });
  }
  window.addEventListener("hashchange", focusHash);
  focusHash();

  document.querySelectorAll("#legend li").forEach(function (li) {
    var colour = li.getAttribute("data-colour");
    li.addEventListener("mouseenter", function () {
      text.classList.add("dim");
      text.querySelectorAll(".q." + colour).forEach(function (el) { el.classList.add("hot"); });
    });
    li.addEventListener("mouseleave", function () {
      text.classList.remove("dim");
      text.querySelectorAll(".q.hot").forEach(function (el) { el.classList.remove("hot"); });
    });
  });
})();
