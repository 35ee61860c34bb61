/* The core, on every page: saved data, the component registry, shared helpers. How the
   features plug in: ARCHITECTURE.md. */
(function () {
  "use strict";

  // One entry, keyed by ids (never by position).
  var STORAGE_KEY = "second-interview-guide:v1";
  var HERE = document.currentScript.src;

  // Set once storage fails; until then storage is read on every use, so two tabs agree.
  var memory = null;

  function emptyState() {
    return { checklists: {}, notes: {}, tools: {} };
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  // Only the expected shape; null when it is not ours.
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
        // Probe: a browser that refuses writes is found before a tick is lost.
        storage.setItem(STORAGE_KEY, JSON.stringify(emptyState()));
        return emptyState();
      }
      var state = cleanState(JSON.parse(text));
      if (state === null) throw new Error("saved progress has an unknown shape");
      return state;
    } catch (error) {
      // Work from memory; leave what is stored untouched.
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
      useMemory(state); // full or refused: keep going for this visit
    }
  }

  // An import asks for the data back: try storage again even after a failure.
  function replaceState(state) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
      memory = null;
    } catch (error) {
      memory = state;
    }
    refreshPage();
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] === undefined ? all : String(values[key]);
    });
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  // Only strings, under the keys given.
  function strings(raw, keys) {
    var value = {};
    keys.forEach(function (key) {
      value[key] = raw ? text(raw[key]) : "";
    });
    return value;
  }

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

  // The first click shows data-confirm, the second acts; leaving takes the question back. The
  // question is announced too (with data-confirm-said, the page's words on what to do next).
  function confirmTwice(button, act) {
    var face = button.querySelector("[data-confirm-face]");
    var plain = face.textContent;
    button.addEventListener("click", function () {
      if (face.textContent === plain) {
        face.textContent = button.getAttribute("data-confirm");
        announce(button, [button.getAttribute("data-confirm"), button.getAttribute("data-confirm-said")]
          .filter(Boolean).join(" "));
      } else {
        act();
      }
    });
    button.addEventListener("blur", function () {
      face.textContent = plain;
    });
  }

  // Says `message` through the live region of the tool holding `element` (markup.LIVE_REGIONS):
  // the polite one for results, the alert (shown only while it has something to say) for errors.
  // The same words again are still said: a no-break space tells the region they are new.
  function announce(element, message, isError) {
    var tool = element.closest("[data-guide-component]");
    var region = tool && tool.querySelector(isError ? "[data-guide-alert]" : "[data-guide-announce]");
    if (!region) return;
    var said = String(message || "");
    if (said && region.textContent === said) said += "\u00a0";
    region.textContent = said;
    if (isError) region.hidden = !said;
  }

  var features = {}; // registered: name -> { mount, ready }
  var requested = {}; // scripts asked for
  var mounted = []; // { element, refresh } on this page

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

  // The head links them on pages opened directly; this covers any it lacks.
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
      document.body.appendChild(script); // it registers, which mounts
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

  // The saved data changed (an import, another tab).
  function refreshPage() {
    mounted.forEach(function (entry) {
      if (typeof entry.refresh === "function") entry.refresh();
    });
    showNotices();
  }

  window.SecondInterviewGuide = {
    load: readState,
    save: writeState,
    replace: replaceState,
    clean: cleanState,
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
    announce: announce,
    // register(name, { mount(element, { config }) -> refresh, ready: attribute, exports })
    register: function (name, feature) {
      features[name] = feature;
      window.SecondInterviewGuide.tools[name] = feature.exports || {};
      mountFeature(name);
    },
    tools: {},
  };

  // Another tab saved: show it, so this tab's next save does not undo it.
  window.addEventListener("storage", function (event) {
    if (event.key === STORAGE_KEY && memory === null) refreshPage();
  });

  // document$ emits each page of Material's instant navigation, and replays the current one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountPage);
  } else {
    mountPage();
  }
})();
