/* Export and import of everything the reader saved (macros/progress.py). A file exported once
   keeps importing; a file that is not one changes nothing, and the message says so. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // { state } or { error: the message to show }.
  function parseFile(text, config) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: config.notJson };
    }
    if (!isObject(data) || data.format !== config.format) return { error: config.notOurs };
    if (data.version !== config.version) return { error: config.otherVersion };
    var state = G.clean(data);
    return state === null ? { error: config.damaged } : { state: state };
  }

  function exportProgress(config, say) {
    var state = G.load();
    var file = {
      format: config.format,
      version: config.version,
      exported: new Date().toISOString(),
      checklists: state.checklists,
      notes: state.notes,
      tools: state.tools,
    };
    G.download(G.format(config.fileName, { date: file.exported.slice(0, 10) }), "application/json",
      JSON.stringify(file, null, 2));
    say(config.exported);
  }

  function importProgress(input, config, say) {
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > config.maxBytes) {
      input.value = "";
      say(config.tooLarge);
      return;
    }
    file.text().then(function (text) {
      var result = parseFile(text, config);
      input.value = "";
      if (result.error) {
        say(result.error);
        return;
      }
      G.replace(result.state); // every feature on the page shows the new state
      var ticks = 0;
      Object.keys(result.state.checklists).forEach(function (listId) {
        ticks += Object.keys(result.state.checklists[listId]).length;
      });
      say(G.format(config.restored, { ticks: ticks, notes: Object.keys(result.state.notes).length }));
    }, function () {
      say(config.unopened);
    });
  }

  function mount(tools, context) {
    var config = context.config;
    var input = tools.querySelector("[data-progress-import]");
    function say(message) {
      tools.querySelector("[data-progress-message]").textContent = message;
    }
    tools.querySelector("[data-progress-export]").addEventListener("click", function () {
      exportProgress(config, say);
    });
    input.addEventListener("change", function () {
      importProgress(input, config, say);
    });
  }

  G.register("progress", { mount: mount, ready: "data-progress-ready" });
})();
