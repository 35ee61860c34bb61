/* The guide's core, on every page: the reader's saved data, the component registry and the
   helpers the features share. Each feature's markup names it (data-guide-component="planner");
   the first time a page shows one, the core loads that feature's script from beside this one
   (and its stylesheet, when the page did not link it), and the script registers its mount. Every
   matching element is then mounted once, with its configuration from its data-<feature>-config
   attribute (the words and limits macros/<feature>.py wrote), and its mount returns what to
   redo when the saved data changes. Stored text is only ever written with textContent or .value. */
(function () {
  "use strict";

  // The reader's data: one localStorage entry, keyed by ids (never by position).
  var STORAGE_KEY = "second-interview-guide:v1";
  var HERE = document.currentScript.src;

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
    // Each feature checks its own part when it reads it.
    state.tools = JSON.parse(JSON.stringify(raw.tools || {}));
    return state;
  }

  function showNotices() {
    document.querySelectorAll("[data-storage-notice]").forEach(function (notice) {
      notice.hidden = memory === null;
      notice.textContent = memory === null ? "" : notice.getAttribute("data-storage-notice");
    });
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
    } catch (error) {
      memory = state;
    }
    refreshPage();
  }

  /* ---------- helpers the features share ---------- */

  // "{done} of {total} done" with values filled in.
  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] === undefined ? all : String(values[key]);
    });
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  // Saved data may be anything: keep only strings, under the keys given.
  function strings(raw, keys) {
    var value = {};
    keys.forEach(function (key) {
      value[key] = raw ? text(raw[key]) : "";
    });
    return value;
  }

  // An item counts as ticked under its id or under any id it had before.
  function isTicked(ticks, itemId, renamedFrom) {
    if (ticks[itemId] === true) return true;
    return renamedFrom.some(function (old) {
      return ticks[old] === true;
    });
  }

  function download(fileName, type, content) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
    }, 60000);
  }

  // A button that asks first: the first click shows its data-confirm text, the second acts, and
  // leaving the button takes the question back.
  function confirmTwice(button, act) {
    var face = button.querySelector("[data-confirm-face]");
    var plain = face.textContent;
    button.addEventListener("click", function () {
      if (face.textContent === plain) {
        face.textContent = button.getAttribute("data-confirm");
      } else {
        act();
      }
    });
    button.addEventListener("blur", function () {
      face.textContent = plain;
    });
  }

  /* ---------- the component registry ---------- */

  var features = {}; // name -> { mount, ready }, once its script has registered
  var requested = {}; // name -> true once its script has been asked for
  var mounted = []; // { element, refresh } for the page on screen

  function configOf(element, name) {
    return JSON.parse(element.getAttribute("data-" + name + "-config") || "{}");
  }

  function mountFeature(name) {
    var feature = features[name];
    document.querySelectorAll('[data-guide-component="' + name + '"]').forEach(function (element) {
      if (element.hasAttribute("data-guide-mounted")) return;
      element.setAttribute("data-guide-mounted", "");
      var refresh = feature.mount(element, { config: configOf(element, name) });
      mounted.push({ element: element, refresh: refresh });
      if (feature.ready) element.setAttribute(feature.ready, "");
    });
    showNotices();
  }

  // Pages opened directly link their features' stylesheets in the head; pages reached by
  // instant navigation get them here.
  function ensureStyles(name) {
    if (document.querySelector('link[data-guide-styles="' + name + '"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL("../stylesheets/" + name + ".css", HERE).href;
    link.setAttribute("data-guide-styles", name);
    document.head.appendChild(link);
  }

  function load(name) {
    ensureStyles(name);
    if (features[name]) {
      mountFeature(name);
    } else if (!requested[name]) {
      requested[name] = true;
      var script = document.createElement("script");
      script.src = new URL(name + ".js", HERE).href;
      document.body.appendChild(script); // it calls register, which mounts
    }
  }

  function mountPage() {
    mounted = mounted.filter(function (entry) {
      return document.contains(entry.element);
    });
    var names = [];
    document.querySelectorAll("[data-guide-component]").forEach(function (element) {
      var name = element.getAttribute("data-guide-component");
      if (/^[a-z-]+$/.test(name) && names.indexOf(name) === -1) names.push(name);
    });
    names.forEach(load);
    showNotices();
  }

  // The saved data changed under the page (an import, another tab): show it everywhere.
  function refreshPage() {
    mounted.forEach(function (entry) {
      if (typeof entry.refresh === "function") entry.refresh();
    });
    showNotices();
  }

  window.SecondInterviewGuide = {
    // The whole saved state, read fresh; change it and pass it to save.
    load: readState,
    save: writeState,
    replace: replaceState,
    clean: cleanState,
    // One tool's part of the state (an object or array it owns), or fallback when absent.
    read: function (tool, fallback) {
      var value = readState().tools[tool];
      return value === undefined ? fallback : value;
    },
    write: function (tool, value) {
      var state = readState();
      state.tools[tool] = value;
      writeState(state);
    },
    format: format,
    text: text,
    strings: strings,
    isTicked: isTicked,
    download: download,
    confirmTwice: confirmTwice,
    // register("planner", { mount: function (element, context) { ...; return refresh; },
    //   ready: "data-planner-ready", exports: {...} }); exports appear under tools for tests.
    register: function (name, feature) {
      features[name] = feature;
      window.SecondInterviewGuide.tools[name] = feature.exports || {};
      mountFeature(name);
    },
    tools: {},
  };

  // Another tab saved: show its state here too, so this tab's next save does not undo it.
  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY && memory === null) refreshPage();
  });

  // Material's instant navigation swaps pages without reloading: document$ emits for each one,
  // and replays the current page to a late subscriber.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountPage);
  } else {
    mountPage();
  }
})();
