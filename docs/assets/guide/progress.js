/* Export and import of everything the reader saved (macros/progress.py). Export is here; the
   import's checks and review (progress-import.js) load only when the reader picks a file. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // Every application with its parts and the shared tools, as the file's version 2 holds them.
  function exportFile(whole, config, now) {
    const file = { format: config.format, version: config.version, exported: now.toISOString(), current: whole.current,
      applications: whole.applications.map((app) => ({ id: app.id, details: app.details, checklists: app.state.checklists,
        notes: app.state.notes, tools: app.state.tools })), tools: whole.tools };
    const unreadable = G.status().unreadable;
    if (Object.keys(unreadable).length) file.unreadable = unreadable;
    return file;
  }

  function mount(tools, { config }) {
    // Each checklist's item ids (and old ids), from the page's one manifest (macros/readiness.py).
    const manifest = JSON.parse(document.querySelector("[data-guide-manifest]").getAttribute("data-guide-manifest"));
    config.limits.checklists = Object.fromEntries(Object.entries(manifest).map(([id, entry]) => [id, entry.items]));
    const input = tools.querySelector("[data-progress-import]");
    const say = (message, options) => G.say(tools, message, options);
    // Export never fails: a part that cannot be read is left out, unreadable text goes in as it is.
    tools.querySelector("[data-progress-export]").addEventListener("click", () => {
      G.dump().catch(() => ({ current: "", applications: [], tools: {} })).then((whole) => {
        const file = exportFile(whole, config, new Date());
        G.download(G.format(config.fileName, { date: file.exported.slice(0, 10) }), "application/json",
          JSON.stringify(file, null, 2));
        say(config.exported);
      });
    });
    let imports = null; // the import's code, once a file was picked
    input.addEventListener("change", () => {
      const file = input.files && input.files[0];
      if (!file) return;
      G.need("progress-import").then((loaded) => {
        imports = loaded;
        imports.review(tools, config, file);
      }, () => say(config.failed, { error: true }));
    });
    return () => imports && imports.refresh(tools);
  }

  G.register("progress", { mount, exports: { exportFile } });
})();
