/* Draws every figure of the page: <div data-chart="ID"> + <script type="application/json" id="ID">.
   Clicking a point that carries a same-site link (customdata "/...") opens it. */
(function () {
  "use strict";
  function draw(el) {
    var src = document.getElementById(el.getAttribute("data-chart"));
    if (!src || typeof Plotly === "undefined") { return; }
    var spec;
    try { spec = JSON.parse(src.textContent); } catch (e) { return; }
    Plotly.newPlot(el, spec.data, spec.layout, {responsive: true, displaylogo: false,
                                                modeBarButtonsToRemove: ["select2d", "lasso2d"]});
    el.on("plotly_click", function (ev) {
      var p = ev && ev.points && ev.points[0];
      var target = p && p.customdata;
      if (typeof target === "string" && target.charAt(0) === "/" && target.charAt(1) !== "/") {
        window.location.assign(target);
      }
    });
  }
  function init() { Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), draw); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
