/* Checklists (macros/checklists.py): each tick saved at once; a clear can be undone; unknown ids
   stay stored. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const oldIds = (box) => (box.getAttribute("data-renamed-from") || "").split(" ").filter(Boolean);
  const boxesOf = (form) => [...form.querySelectorAll('input[type="checkbox"][data-item]')];
  const isTicked = (ticks, box) => [box.getAttribute("data-item"), ...oldIds(box)].some((id) => ticks[id] === true);

  // This list's ticks as the boxes show them, onto what else is stored under its id (a renamed
  // item's old ids are replaced by its new one; a retired item's tick stays).
  function ticksOf(form, stored) {
    const ticks = { ...stored };
    for (const box of boxesOf(form)) {
      for (const id of [box.getAttribute("data-item"), ...oldIds(box)]) delete ticks[id];
      if (box.checked) ticks[box.getAttribute("data-item")] = true;
    }
    return ticks;
  }

  function mount(form, { config }) {
    const listId = form.getAttribute("data-checklist");
    const stored = () => (G.readPart("checklists") || {})[listId] || {};
    const progress = () => G.format(config.progress, { done: boxesOf(form).filter((box) => box.checked).length,
      total: boxesOf(form).length });
    const show = () => (form.querySelector("[data-checklist-progress]").textContent = progress());

    function save() {
      const all = G.readPart("checklists") || {};
      G.writePart("checklists", { ...all, [listId]: ticksOf(form, all[listId] || {}) });
    }

    function fill() {
      const ticks = stored();
      let carried = false;
      for (const box of boxesOf(form)) {
        box.checked = isTicked(ticks, box);
        carried = carried || (box.checked && ticks[box.getAttribute("data-item")] !== true);
      }
      if (carried) save();
      show();
    }

    form.addEventListener("change", () => {
      save();
      show();
    });
    // A native reset, so it works without this script too; the ticks it took can come back.
    form.addEventListener("reset", () => {
      const before = boxesOf(form).map((box) => box.checked);
      window.setTimeout(() => {
        save();
        if (!before.some(Boolean)) return show();
        const title = form.querySelector("legend").textContent;
        G.say(form, G.format(config.cleared, { title, progress: progress() }), {
          undo() {
            boxesOf(form).forEach((box, i) => (box.checked = before[i]));
            save();
            boxesOf(form)[before.indexOf(true)].focus();
            return progress();
          },
        });
      }, 0);
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    // Space toggles a checkbox natively; Enter does here too.
    form.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && event.target.matches('input[type="checkbox"]')) {
        event.preventDefault();
        event.target.click();
      }
    });
    fill();
    return fill;
  }

  G.register("checklists", { mount, exports: { ticksOf, isTicked } });
})();
