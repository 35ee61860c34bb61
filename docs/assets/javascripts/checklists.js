/* Checklists (macros/checklists.py): each tick saved at once; unknown ids stay stored. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  function oldIds(box) {
    return (box.getAttribute("data-renamed-from") || "").split(" ").filter(Boolean);
  }

  function boxesOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][data-item]'));
  }

  // A renamed item's old ids are replaced by its new one.
  function save(form) {
    var listId = form.getAttribute("data-checklist");
    var state = G.load();
    var ticks = Object.assign({}, state.checklists[listId]);
    boxesOf(form).forEach(function (box) {
      var itemId = box.getAttribute("data-item");
      oldIds(box).forEach(function (old) {
        delete ticks[old];
      });
      delete ticks[itemId];
      if (box.checked) ticks[itemId] = true;
    });
    state.checklists[listId] = ticks;
    G.save(state);
  }

  function showProgress(form, config) {
    var boxes = boxesOf(form);
    var done = boxes.filter(function (box) {
      return box.checked;
    }).length;
    form.querySelector("[data-checklist-progress]").textContent =
      G.format(config.progress, { done: done, total: boxes.length });
  }

  function fill(form, config) {
    var ticks = G.load().checklists[form.getAttribute("data-checklist")] || {};
    var carried = false;
    boxesOf(form).forEach(function (box) {
      var itemId = box.getAttribute("data-item");
      box.checked = G.isTicked(ticks, itemId, oldIds(box));
      if (box.checked && ticks[itemId] !== true) carried = true;
    });
    if (carried) save(form);
    showProgress(form, config);
  }

  function mount(form, context) {
    var config = context.config;
    fill(form, config);
    form.addEventListener("change", function () {
      save(form);
      showProgress(form, config);
    });
    // A native reset, so it works without this script too.
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        save(form);
        showProgress(form, config);
      }, 0);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
    });
    // Space toggles a checkbox natively; Enter does here too.
    form.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.key === "Enter" && target.matches && target.matches('input[type="checkbox"]')) {
        event.preventDefault();
        target.click();
      }
    });
    return function () {
      fill(form, config);
    };
  }

  G.register("checklists", { mount: mount, ready: "data-checklist-ready" });
})();
