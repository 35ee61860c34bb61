/* The guide's core script: checklists, readiness, export/import, cheat sheet notes, and the
   storage API the tools use. One localStorage entry keyed by ids (never by position); if storage
   fails, memory for this visit, and a notice. Stored text is only written with textContent. */
(function () {
  "use strict";

  var STORAGE_KEY = "second-interview-guide:v1";
  var FILE_FORMAT = "second-interview-guide/progress";
  var FILE_VERSION = 1;
  var MAX_IMPORT_BYTES = 512 * 1024;
  var NOTICE =
    "Your progress cannot be saved in this browser, so ticks and notes last only for this visit. " +
    "Export your progress before you leave if you want to keep it.";

  /* ---------- storage ---------- */

  // memory holds the state once storage has failed; until then storage is read on every use,
  // so two open tabs do not overwrite each other with stale copies.
  var memory = null;

  function emptyState() {
    return { checklists: {}, notes: {}, tools: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Keep only what has the expected shape; null when the whole thing is not ours.
  function cleanState(raw) {
    if (!isObject(raw) || !isObject(raw.checklists || {}) || !isObject(raw.notes || {}) ||
        !isObject(raw.tools || {})) {
      return null;
    }
    var state = emptyState();
    Object.keys(raw.checklists || {}).forEach(function (listId) {
      var ticks = raw.checklists[listId];
      if (!isObject(ticks)) return;
      state.checklists[listId] = {};
      Object.keys(ticks).forEach(function (itemId) {
        if (ticks[itemId] === true) state.checklists[listId][itemId] = true;
      });
    });
    Object.keys(raw.notes || {}).forEach(function (key) {
      if (typeof raw.notes[key] === "string") state.notes[key] = raw.notes[key];
    });
    // Each tool checks its own part when it reads it (see api.read below).
    state.tools = JSON.parse(JSON.stringify(raw.tools || {}));
    return state;
  }

  function useMemory(state) {
    if (memory === null) memory = state;
    showNotices();
  }

  function readState() {
    if (memory !== null) return memory;
    try {
      var storage = window.localStorage;
      var text = storage.getItem(STORAGE_KEY);
      if (text === null) {
        // Probe once, so a browser that reads but refuses writes is found before a tick is lost.
        storage.setItem(STORAGE_KEY, JSON.stringify(emptyState()));
        return emptyState();
      }
      var state = cleanState(JSON.parse(text));
      if (state === null) throw new Error("saved progress has an unknown shape");
      return state;
    } catch (error) {
      // Unreadable or refused: work from memory and leave whatever is stored untouched.
      useMemory(emptyState());
      return memory;
    }
  }

  function writeState(state) {
    if (memory !== null) {
      memory = state;
      return;
    }
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      useMemory(state); // full, or refused: keep going for this visit
    }
  }

  // An import is the reader asking for their data back: try storage again even after a failure.
  function replaceState(state) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
      memory = null;
      showNotices();
    } catch (error) {
      memory = state;
      showNotices();
    }
  }

  function showNotices() {
    document.querySelectorAll("[data-storage-notice]").forEach(function (notice) {
      notice.hidden = memory === null;
      notice.textContent = memory === null ? "" : NOTICE;
    });
  }

  /* ---------- checklists ---------- */

  function oldIds(box) {
    return (box.getAttribute("data-renamed-from") || "").split(" ").filter(Boolean);
  }

  function boxesOf(form) {
    return Array.prototype.slice.call(form.querySelectorAll('input[type="checkbox"][data-item]'));
  }

  function isTicked(ticks, itemId, renamedFrom) {
    if (ticks[itemId] === true) return true;
    return renamedFrom.some(function (old) {
      return ticks[old] === true;
    });
  }

  // Ticks of ids no longer on the page stay stored (nothing is dropped silently); a renamed
  // item's old ids are replaced by its new one.
  function saveChecklist(form) {
    var listId = form.getAttribute("data-checklist");
    var state = readState();
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
    writeState(state);
  }

  function showProgress(form) {
    var boxes = boxesOf(form);
    var done = boxes.filter(function (box) {
      return box.checked;
    }).length;
    var progress = form.querySelector("[data-checklist-progress]");
    if (progress) progress.textContent = done + " of " + boxes.length + " done";
  }

  function loadChecklist(form) {
    var listId = form.getAttribute("data-checklist");
    var ticks = readState().checklists[listId] || {};
    var carried = false;
    boxesOf(form).forEach(function (box) {
      var itemId = box.getAttribute("data-item");
      box.checked = isTicked(ticks, itemId, oldIds(box));
      if (box.checked && ticks[itemId] !== true) carried = true;
    });
    if (carried) saveChecklist(form);
    showProgress(form);
  }

  function mountChecklist(form) {
    if (form.hasAttribute("data-checklist-ready")) return;
    form.setAttribute("data-checklist-ready", "");
    loadChecklist(form);
    form.addEventListener("change", function () {
      saveChecklist(form);
      showProgress(form);
    });
    // The reset button is a native form reset, so it also works without this script.
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        saveChecklist(form);
        showProgress(form);
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
  }

  /* ---------- readiness on the home page ---------- */

  function mountReadiness(box) {
    var manifestElement = box.querySelector("script[data-guide-manifest]");
    if (!manifestElement) return;
    var manifest = JSON.parse(manifestElement.textContent);
    var state = readState();
    var perSection = {};
    Object.keys(manifest).forEach(function (listId) {
      var entry = manifest[listId];
      var ticks = state.checklists[listId] || {};
      var counts = perSection[entry.section] || (perSection[entry.section] = { done: 0, all: 0 });
      Object.keys(entry.items).forEach(function (itemId) {
        counts.all += 1;
        if (isTicked(ticks, itemId, entry.items[itemId])) counts.done += 1;
      });
    });
    var done = 0;
    var all = 0;
    box.querySelectorAll("[data-readiness-section]").forEach(function (row) {
      var counts = perSection[row.getAttribute("data-readiness-section")] || { done: 0, all: 0 };
      done += counts.done;
      all += counts.all;
      row.querySelector("[data-readiness-count]").textContent =
        counts.done + " of " + counts.all + " done";
      var bar = row.querySelector("progress");
      if (bar) bar.value = counts.done;
    });
    box.querySelector("[data-readiness-total]").textContent =
      done + " of " + all + " items done";
  }

  /* ---------- export and import ---------- */

  function say(tools, message) {
    var line = tools.querySelector("[data-progress-message]");
    if (line) line.textContent = message;
  }

  function exportProgress(tools) {
    var state = readState();
    var file = {
      format: FILE_FORMAT,
      version: FILE_VERSION,
      exported: new Date().toISOString(),
      checklists: state.checklists,
      notes: state.notes,
      tools: state.tools,
    };
    var blob = new Blob([JSON.stringify(file, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "second-interview-progress-" + file.exported.slice(0, 10) + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 1000);
    say(tools, "Your progress was saved to a file in your downloads.");
  }

  function parseProgressFile(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: "That file could not be read: it is not valid JSON. Nothing was changed." };
    }
    if (!isObject(data) || data.format !== FILE_FORMAT) {
      return {
        error: "That file is not a progress file from this guide. Nothing was changed.",
      };
    }
    if (data.version !== FILE_VERSION) {
      return {
        error: "That progress file comes from a different version of the guide and cannot be " +
          "read here. Nothing was changed.",
      };
    }
    var state = cleanState(data);
    if (state === null) {
      return { error: "That progress file is damaged. Nothing was changed." };
    }
    return { state: state };
  }

  function importProgress(tools, input) {
    var file = input.files && input.files[0];
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      say(tools, "That file is too large to be a progress file. Nothing was changed.");
      input.value = "";
      return;
    }
    file.text().then(function (text) {
      var result = parseProgressFile(text);
      input.value = "";
      if (result.error) {
        say(tools, result.error);
        return;
      }
      replaceState(result.state);
      refreshPage();
      var ticks = 0;
      Object.keys(result.state.checklists).forEach(function (listId) {
        ticks += Object.keys(result.state.checklists[listId]).length;
      });
      say(tools, "Progress restored: " + ticks + " ticked items and " +
        Object.keys(result.state.notes).length + " notes.");
    }, function () {
      say(tools, "That file could not be opened. Nothing was changed.");
    });
  }

  function mountTools(tools) {
    if (tools.hasAttribute("data-progress-ready")) return;
    tools.setAttribute("data-progress-ready", "");
    var exportButton = tools.querySelector("[data-progress-export]");
    var importInput = tools.querySelector("[data-progress-import]");
    if (exportButton) exportButton.addEventListener("click", function () {
      exportProgress(tools);
    });
    if (importInput) importInput.addEventListener("change", function () {
      importProgress(tools, importInput);
    });
  }

  /* ---------- cheat sheet notes ---------- */

  // The sheet must still fit one page, so a field keeps to its number of lines: lines past the
  // last are joined onto it rather than dropped.
  function foldLines(field) {
    var most = parseInt(field.getAttribute("data-max-lines"), 10);
    var lines = field.value.split("\n");
    if (!most || lines.length <= most) return;
    var start = field.selectionStart;
    field.value = lines.slice(0, most - 1).concat(lines.slice(most - 1).join(" / ")).join("\n");
    field.selectionStart = field.selectionEnd = Math.min(start, field.value.length);
  }

  function showNote(field) {
    var note = field.closest("[data-note]");
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    var most = parseInt(field.getAttribute("data-max-lines"), 10);
    var left = note.querySelector("[data-note-remaining]");
    var written = note.querySelector("[data-note-print]");
    var linesLeft = most - field.value.split("\n").length;
    if (left) {
      left.textContent = Math.max(0, limit - field.value.length) + " characters left, " +
        Math.max(0, linesLeft) + (linesLeft === 1 ? " more line" : " more lines");
    }
    if (written) written.textContent = field.value;
    note.classList.toggle("sig-sheet__note--empty", field.value.trim() === "");
  }

  function loadNotes(sheet) {
    var notes = readState().notes;
    sheet.querySelectorAll("[data-cheatsheet-note]").forEach(function (field) {
      field.value = notes[field.getAttribute("data-cheatsheet-note")] || "";
      foldLines(field);
      showNote(field);
    });
  }

  function mountSheet(sheet) {
    if (sheet.hasAttribute("data-cheatsheet-ready")) return;
    sheet.setAttribute("data-cheatsheet-ready", "");
    loadNotes(sheet);
    sheet.addEventListener("input", function (event) {
      var field = event.target;
      if (!field.hasAttribute("data-cheatsheet-note")) return;
      foldLines(field);
      var state = readState();
      state.notes[field.getAttribute("data-cheatsheet-note")] = field.value;
      writeState(state);
      showNote(field);
    });
    var print = sheet.querySelector("[data-cheatsheet-print]");
    if (print) {
      print.hidden = false;
      print.addEventListener("click", function () {
        window.print();
      });
    }
  }

  /* ---------- mounting ---------- */

  function each(selector, mount) {
    document.querySelectorAll(selector).forEach(mount);
  }

  /* ---------- the API the guide's tools build on (tools.js) ---------- */

  var mounts = [];

  function runMounts(refresh) {
    mounts.forEach(function (mount) {
      mount({ refresh: refresh });
    });
  }

  window.SecondInterviewGuide = {
    // One tool's saved data (an object or array it owns), or fallback when absent.
    read: function (tool, fallback) {
      var value = readState().tools[tool];
      return value === undefined ? fallback : value;
    },
    write: function (tool, value) {
      var state = readState();
      state.tools[tool] = value;
      writeState(state);
    },
    // mount({refresh}) runs on every page (instant navigation included) and after an import.
    onMount: function (mount) {
      mounts.push(mount);
      if (document.readyState !== "loading") mount({ refresh: false });
    },
  };

  // After an import, show the new state in everything already on the page.
  function refreshPage() {
    each("[data-checklist]", loadChecklist);
    each("[data-readiness]", mountReadiness);
    each("[data-cheatsheet]", loadNotes);
    runMounts(true);
  }

  function mountAll() {
    each("[data-checklist]", mountChecklist);
    each("[data-readiness]", mountReadiness);
    each("[data-progress-tools]", mountTools);
    each("[data-cheatsheet]", mountSheet);
    runMounts(false);
    showNotices();
  }

  // Another tab saved: show its state here too, so this tab's next save does not undo it.
  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY && memory === null) refreshPage();
  });

  // Material's instant navigation swaps pages without reloading: document$ fires for each one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
