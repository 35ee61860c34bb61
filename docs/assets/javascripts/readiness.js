/* The home page's readiness summary (macros/readiness.py): ticks counted per section from the
   manifest of every checklist's item ids. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  function count(box, config) {
    var manifest = JSON.parse(box.getAttribute("data-guide-manifest"));
    var state = G.load();
    var perSection = {};
    Object.keys(manifest).forEach(function (listId) {
      var entry = manifest[listId];
      var ticks = state.checklists[listId] || {};
      var counts = perSection[entry.section] || (perSection[entry.section] = { done: 0, total: 0 });
      Object.keys(entry.items).forEach(function (itemId) {
        counts.total += 1;
        if (G.isTicked(ticks, itemId, entry.items[itemId])) counts.done += 1;
      });
    });
    var all = { done: 0, total: 0 };
    box.querySelectorAll("[data-readiness-section]").forEach(function (row) {
      var counts = perSection[row.getAttribute("data-readiness-section")] || { done: 0, total: 0 };
      all.done += counts.done;
      all.total += counts.total;
      row.querySelector("[data-readiness-count]").textContent = G.format(config.section, counts);
      row.querySelector("[data-readiness-bar]").value = counts.done;
    });
    box.querySelector("[data-readiness-total]").textContent = G.format(config.total, all);
  }

  function mount(box, context) {
    count(box, context.config);
    return function () {
      count(box, context.config);
    };
  }

  G.register("readiness", { mount: mount, ready: "data-readiness-ready" });
})();
