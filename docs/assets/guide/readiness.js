/* The home page's readiness (macros/readiness.py): ticks counted per section for this tab's
   application, and per application in the table of every application, soonest interview first. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // { section: { done, total } } and the whole { done, total } of one application's ticks.
  function count(manifest, ticks) {
    const perSection = {};
    const all = { done: 0, total: 0 };
    for (const [listId, entry] of Object.entries(manifest)) {
      const listTicks = ticks[listId] || {};
      const counts = (perSection[entry.section] = perSection[entry.section] || { done: 0, total: 0 });
      for (const [itemId, oldIds] of Object.entries(entry.items)) {
        const done = [itemId, ...oldIds].some((id) => listTicks[id] === true);
        counts.total += 1;
        all.total += 1;
        counts.done += done;
        all.done += done;
      }
    }
    return { perSection, all };
  }

  // The practice log's distinct questions rehearsed (renamed ones under their new ids), and the
  // story themes none of them calls for: { count, left }.
  function rehearsed(log, practice) {
    const done = new Set((Array.isArray(log) ? log : []).filter((entry) => entry && G.isDate(entry.date))
      .map((entry) => practice.renamed[entry.question] || entry.question));
    return { count: done.size, left: Object.values(practice.tags).filter((ids) => !ids.some((id) => done.has(id))).length };
  }

  // Soonest interview first; applications without a date last, in the order they were added.
  const bySoonest = (list) => list.map((entry, i) => ({ ...entry, i })).sort((a, b) => {
    const da = G.text(a.record.date) + " " + G.text(a.record.time);
    const db = G.text(b.record.date) + " " + G.text(b.record.time);
    if (!G.isDate(a.record.date) !== !G.isDate(b.record.date)) return G.isDate(a.record.date) ? -1 : 1;
    return (da > db) - (da < db) || a.i - b.i;
  });

  function mount(box, { config }) {
    // The page's one manifest of the checklists (macros/readiness.py manifest_attribute).
    const manifest = JSON.parse(document.querySelector("[data-guide-manifest]").getAttribute("data-guide-manifest"));
    function show() {
      const { perSection, all } = count(manifest, G.readPart("checklists") || {});
      box.querySelectorAll("[data-readiness-section]").forEach((row) => {
        const counts = perSection[row.getAttribute("data-readiness-section")] || { done: 0, total: 0 };
        row.querySelector("[data-readiness-count]").textContent = G.format(config.section, counts);
        row.querySelector("[data-readiness-bar]").value = counts.done;
      });
      box.querySelector("[data-readiness-total]").textContent = G.format(config.total, all);
      const line = box.querySelector("[data-readiness-practice]");
      if (line) {
        const practice = JSON.parse(line.getAttribute("data-readiness-practice"));
        const { count, left } = rehearsed(G.readPartIn(G.scope(), "tool:" + practice.store), practice);
        line.querySelector("[data-readiness-rehearsed]").textContent = G.format(config.rehearsed[count === 1 ? 0 : 1], { count }) +
          ", " + (left ? G.format(config.themesLeft[left === 1 ? 0 : 1], { count: left }) : config.allThemes);
      }
      const rows = box.querySelector("[data-application-rows]");
      rows.textContent = "";
      for (const { id, record } of bySoonest(G.applications())) {
        const row = rows.appendChild(document.createElement("tr"));
        row.setAttribute("data-application-row", id);
        if (id === G.scope()) row.setAttribute("aria-current", "true");
        const ready = count(manifest, G.readPartIn(id, "checklists") || {}).all;
        [G.nameOf(record), G.when(record.date, record.time) || config.noDate, G.format(config.ready, ready)]
          .forEach((cell, i) => {
            const td = row.appendChild(document.createElement(i ? "td" : "th"));
            if (!i) td.setAttribute("scope", "row");
            td.textContent = cell;
          });
      }
    }
    show();
    return show;
  }

  G.register("readiness", { mount, exports: { count, bySoonest, rehearsed } });
})();
