/* The core, on every page: saved data, the component registry, shared helpers. How the
   features plug in and how the data is laid out in storage: ARCHITECTURE.md. */
(function () {
  "use strict";

  var HERE = document.currentScript.src;

  /* Storage layout v2: one localStorage entry per part, so two tabs editing different parts
     never touch the same entry. A part is "checklists", "notes" or "tool:<store>". Parts live
     in a scope: today one, "main"; a later version keeps one scope per job application, and
     SHARED parts (the stories and the offers) belong to none. The index entry marks the layout. */
  var PREFIX = "second-interview-guide:";
  var V1 = PREFIX + "v1"; // the one entry of version 1, migrated on first read
  var LAYOUT = "v2";
  var INDEX = PREFIX + LAYOUT;
  var SCOPE = "main";
  var SHARED = "shared";
  var SHARED_TOOLS = ["stories", "offers"];
  var TOOL = "tool:";
  var DEEPEST = 32; // nesting no part of ours comes near; deeper is damage, not data

  var refused = false; // the browser refuses writes: everything lives in memory for the visit
  var memory = {}; // key -> value, while refused or while the key is held
  var held = {}; // key -> unreadable stored text, never overwritten until the reader saves it
  var base = {}; // key -> JSON text this tab last showed: what a write's changes are measured from

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function keyOf(part) {
    var tool = part.indexOf(TOOL) === 0 ? part.slice(TOOL.length) : "";
    var scope = SHARED_TOOLS.indexOf(tool) !== -1 ? SHARED : SCOPE;
    return INDEX + ":" + scope + ":" + part;
  }

  function partOf(key) {
    var scopes = [INDEX + ":" + SCOPE + ":", INDEX + ":" + SHARED + ":"];
    for (var i = 0; i < scopes.length; i += 1) {
      if (key.indexOf(scopes[i]) === 0) return key.slice(scopes[i].length);
    }
    return null;
  }

  function depthOf(value, limit) {
    if (value === null || typeof value !== "object") return 0;
    if (limit <= 0) return 1;
    var deepest = 0;
    Object.keys(value).forEach(function (key) {
      deepest = Math.max(deepest, depthOf(value[key], limit - 1));
    });
    return deepest + 1;
  }

  // A part's value as stored, or undefined when it is not of the part's shape.
  function shaped(part, value) {
    if (depthOf(value, DEEPEST) > DEEPEST) return undefined;
    if (part === "checklists") {
      if (!isObject(value)) return undefined;
      var ticks = {};
      Object.keys(value).forEach(function (listId) {
        if (!isObject(value[listId])) return;
        ticks[listId] = {};
        Object.keys(value[listId]).forEach(function (itemId) {
          if (value[listId][itemId] === true) ticks[listId][itemId] = true;
        });
      });
      return ticks;
    }
    if (part === "notes") {
      if (!isObject(value)) return undefined;
      var notes = {};
      Object.keys(value).forEach(function (key) {
        if (typeof value[key] === "string") notes[key] = value[key];
      });
      return notes;
    }
    return value;
  }

  // Equal values; an empty text is the same as none (a form's empty field was never changed).
  function isEmpty(value) {
    return value === undefined || (value !== null && typeof value === "object" && Object.keys(value).length === 0);
  }

  function same(a, b) {
    var blank = [undefined, null, ""];
    return JSON.stringify(a) === JSON.stringify(b) || (blank.indexOf(a) !== -1 && blank.indexOf(b) !== -1);
  }

  /* Merge on write: `mine` is what this tab wants, made from `older` (what the tab last showed),
     and storage now holds `theirs`. Only what this tab changed replaces theirs, entry by entry;
     the same field changed in both: this tab's write is the later one and wins whole. */
  function merge(older, mine, theirs) {
    if (same(mine, older)) return theirs;
    if (same(theirs, older)) return mine;
    var out;
    if (isObject(mine) && (isObject(theirs) || theirs === undefined)) {
      theirs = theirs || {}; // removed there (a clear): only what this tab changed comes back
      out = {};
      Object.keys(theirs).concat(Object.keys(mine)).forEach(function (key) {
        if (has(out, key)) return;
        var value = merge(isObject(older) ? older[key] : undefined, mine[key], theirs[key]);
        if (value !== undefined) out[key] = value;
      });
      return out;
    }
    if (Array.isArray(mine) && Array.isArray(theirs) && mine.length === theirs.length &&
        (!Array.isArray(older) || older.length === mine.length)) {
      return mine.map(function (value, i) {
        var merged = merge(Array.isArray(older) ? older[i] : undefined, value, theirs[i]);
        return merged === undefined ? value : merged;
      });
    }
    return mine;
  }

  function storage() {
    return window.localStorage; // throws when the browser refuses storage
  }

  function refuse() {
    refused = true;
    showNotices();
  }

  // The part's stored value; undefined when there is none (or it is held unreadable).
  function readKey(key) {
    if (refused || has(held, key)) {
      if (has(memory, key) || has(held, key)) return memory[key];
    }
    var text;
    try {
      text = storage().getItem(key);
    } catch (error) {
      refuse();
      return memory[key];
    }
    var value;
    if (text !== null) {
      try {
        value = shaped(partOf(key), JSON.parse(text));
      } catch (error) {
        value = undefined;
      }
      if (value === undefined) {
        held[key] = text; // unreadable: say so, keep it, work from memory
        showNotices();
        return memory[key];
      }
    }
    if (refused) memory[key] = value;
    if (!has(base, key)) base[key] = value === undefined ? undefined : JSON.stringify(value);
    return value;
  }

  function older(key) {
    return base[key] === undefined ? undefined : JSON.parse(base[key]);
  }

  // Writes the part with this tab's changes merged into what storage holds; true when kept.
  function writeKey(key, value, replace) {
    if (refused || has(held, key)) {
      memory[key] = value;
      showNotices();
      return false;
    }
    var theirs;
    if (!replace) {
      theirs = readKey(key);
      if (refused || has(held, key)) return writeKey(key, value, replace); // found failing now
    }
    var merged = replace ? value : merge(older(key), value, theirs);
    // A part this tab never saw and still leaves empty is not written: another tab's first write
    // to it may not have reached this tab yet, and an empty write would undo it.
    if (!replace && theirs === undefined && older(key) === undefined && isEmpty(merged)) return true;
    var text = merged === undefined ? undefined : JSON.stringify(merged);
    try {
      if (text === undefined) {
        storage().removeItem(key);
      } else if (replace || !same(merged, theirs)) {
        storage().setItem(key, text);
      }
      markLayout();
    } catch (error) {
      memory[key] = merged;
      refuse();
      return false;
    }
    base[key] = text;
    return true;
  }

  function markLayout() {
    var index = JSON.stringify({ layout: LAYOUT, scopes: [SCOPE] });
    if (storage().getItem(INDEX) !== index) storage().setItem(INDEX, index);
  }

  // Every part this tab can see: in storage and in memory.
  function partKeys() {
    var keys = Object.keys(memory).concat(Object.keys(held));
    try {
      var store = storage();
      for (var i = 0; i < store.length; i += 1) keys.push(store.key(i));
    } catch (error) {
      // refused: memory is all there is
    }
    return keys.filter(function (key, i) {
      return partOf(key) !== null && keys.indexOf(key) === i;
    });
  }

  function loadState() {
    var state = { checklists: readKey(keyOf("checklists")) || {}, notes: readKey(keyOf("notes")) || {},
      tools: {} };
    partKeys().forEach(function (key) {
      var part = partOf(key);
      if (part.indexOf(TOOL) !== 0) return;
      var value = readKey(key);
      if (value !== undefined) state.tools[part.slice(TOOL.length)] = value;
    });
    return state;
  }

  // Each part of a whole state (checklists, notes, tools); true when every part was kept.
  function saveState(state, replace) {
    var kept = true;
    function put(part, value) {
      kept = writeKey(keyOf(part), value, replace) && kept;
    }
    put("checklists", state.checklists || {});
    put("notes", state.notes || {});
    var tools = state.tools || {};
    Object.keys(tools).forEach(function (tool) {
      put(TOOL + tool, tools[tool]);
    });
    if (replace) {
      partKeys().forEach(function (key) {
        var part = partOf(key);
        if (part.indexOf(TOOL) === 0 && !has(tools, part.slice(TOOL.length))) {
          kept = writeKey(key, undefined, true) && kept;
        }
      });
    }
    return kept;
  }

  // Version 1 kept everything in one entry; its parts replace the ones they name, once.
  function cleanV1(raw) {
    if (!isObject(raw) || !isObject(raw.checklists || {}) || !isObject(raw.notes || {}) ||
        !isObject(raw.tools || {}) || depthOf(raw, DEEPEST) > DEEPEST) {
      return null;
    }
    return { checklists: shaped("checklists", raw.checklists || {}), notes: shaped("notes", raw.notes || {}),
      tools: raw.tools || {} };
  }

  function migrateV1() {
    var text;
    try {
      text = storage().getItem(V1);
    } catch (error) {
      refuse();
      return;
    }
    if (text === null || has(held, V1)) return;
    var state = null;
    try {
      state = cleanV1(JSON.parse(text));
    } catch (error) {
      state = null;
    }
    if (state === null) {
      held[V1] = text;
      return;
    }
    if (saveState(state, false) && !refused) {
      try {
        storage().removeItem(V1);
      } catch (error) {
        refuse();
      }
    }
  }

  function start() {
    try {
      migrateV1();
      markLayout(); // a browser that refuses writes is found before a tick is lost
    } catch (error) {
      refuse();
    }
  }

  // An import: the reader chose to replace. Storage is tried again even after a refusal.
  function replaceState(state) {
    if (refused) {
      try {
        markLayout();
        refused = false;
        memory = {};
      } catch (error) {
        // still refused
      }
    }
    var kept = saveState(state, true);
    refreshPage();
    return kept;
  }

  // The unreadable data as a file for the reader, then a fresh start in its place.
  function recover() {
    var saved = {};
    Object.keys(held).forEach(function (key) {
      saved[key] = held[key];
    });
    var notice = document.querySelector("[data-storage-file]");
    download(notice.getAttribute("data-storage-file").replace("{date}", today()), "application/json",
      JSON.stringify({ unreadable: saved }, null, 1));
    var keys = Object.keys(held);
    held = {};
    keys.forEach(function (key) {
      var value = memory[key];
      delete memory[key];
      if (key === V1) {
        try {
          storage().removeItem(V1);
        } catch (error) {
          refuse();
        }
      } else {
        writeKey(key, value, true);
      }
    });
    refreshPage();
  }

  /* One notice per page, the first in the page: the browser refuses to save, or saved data
     cannot be read (with the way out). Its words are in its attributes (macros/markup.py). */
  function showNotices() {
    var unreadable = Object.keys(held).length > 0;
    var shown = false;
    document.querySelectorAll("[data-storage-notice]").forEach(function (notice) {
      var show = !shown && (refused || unreadable);
      shown = shown || show;
      var words = !show ? "" : unreadable ? notice.getAttribute("data-storage-unreadable") :
        notice.getAttribute("data-storage-notice");
      notice.hidden = !show;
      var line = notice.querySelector("[data-storage-notice-text]");
      if (line.textContent !== words) line.textContent = words;
      var button = notice.querySelector("[data-storage-recover]");
      button.hidden = !(show && unreadable);
      if (!button.hasAttribute("data-storage-ready")) {
        button.setAttribute("data-storage-ready", "");
        button.addEventListener("click", recover);
      }
    });
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

  // A tool's [data-guide-cut] note: what is stored holds more than the tool shows. Shown while
  // true, and said once as an alert.
  function tellCut(element, isCut) {
    var tool = element.closest("[data-guide-component]");
    var note = tool && tool.querySelector("[data-guide-cut]");
    if (!note) return;
    if (isCut && note.hidden) announce(element, note.textContent, true);
    note.hidden = !isCut;
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

  // The saved data changed (an import, another tab): each feature shows it again, and what this
  // tab writes next is measured from what it shows now.
  function refreshPage() {
    base = {};
    mounted.forEach(function (entry) {
      if (typeof entry.refresh === "function") entry.refresh();
    });
    showNotices();
  }

  function today() {
    return new Date().toISOString().split("T")[0];
  }

  window.SecondInterviewGuide = {
    // The whole saved state { checklists, notes, tools } and its parts.
    load: loadState,
    save: function (state) {
      return saveState(state, false);
    },
    replace: replaceState,
    clean: cleanV1,
    read: function (tool, fallback) {
      var value = readKey(keyOf(TOOL + tool));
      return value === undefined ? fallback : value;
    },
    // Each write returns true when the browser kept it (false: memory only, the notice shows).
    write: function (tool, value) {
      return writeKey(keyOf(TOOL + tool), value, false);
    },
    readPart: function (part) {
      return readKey(keyOf(part));
    },
    writePart: function (part, value) {
      return writeKey(keyOf(part), value, false);
    },
    // What storage can tell: { refused, unreadable: { key: text } } and the layout's names.
    status: function () {
      return { refused: refused, unreadable: JSON.parse(JSON.stringify(held)) };
    },
    layout: { prefix: PREFIX, index: INDEX, scope: SCOPE, shared: SHARED, sharedTools: SHARED_TOOLS,
      keyOf: keyOf },
    merge: merge,
    depthOf: depthOf,
    format: format,
    text: text,
    strings: strings,
    isTicked: isTicked,
    download: download,
    confirmTwice: confirmTwice,
    today: today,
    announce: announce,
    tellCut: tellCut,
    // register(name, { mount(element, { config }) -> refresh, ready: attribute, exports })
    register: function (name, feature) {
      features[name] = feature;
      window.SecondInterviewGuide.tools[name] = feature.exports || {};
      mountFeature(name);
    },
    tools: {},
  };

  start();

  // Another tab saved or cleared: show it, so this tab's next save does not undo it. A clear
  // (key null) is honoured: what this tab shows is emptied, and nothing old is written back.
  window.addEventListener("storage", function (event) {
    if (refused) return;
    if (event.key === null) {
      held = {};
      memory = {};
      showNotices();
    } else if (event.key === V1) {
      migrateV1();
    } else if (event.key.indexOf(INDEX) !== 0) {
      return;
    }
    refreshPage();
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
