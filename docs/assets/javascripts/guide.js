/* The core, on every page: saved data, the component registry, shared helpers. How the
   features plug in and how the data is laid out in storage: ARCHITECTURE.md. */
(function () {
  "use strict";

  var HERE = document.currentScript.src;

  /* Storage layout v2: one localStorage entry per part, so two tabs editing different parts
     never touch the same entry. A part is "checklists", "notes" or "tool:<store>". Parts live
     in a scope, one per job application ("main" is the first); SHARED parts (the stories, the
     offers and the list of applications) belong to none. The index entry marks the layout. */
  var PREFIX = "second-interview-guide:";
  var V1 = PREFIX + "v1"; // the one entry of version 1, migrated on first read
  var LAYOUT = "v2";
  var INDEX = PREFIX + LAYOUT;
  var FIRST = "main"; // the first application's scope: where data from before applications lives
  var SHARED = "shared";
  var APPLICATIONS = "applications"; // the shared tool part: { current, list: { id: record } }
  var SHARED_TOOLS = ["stories", "offers", APPLICATIONS];
  var SCOPE_ID = /^[a-z0-9]{1,16}$/;
  var TAB_SCOPE = PREFIX + "scope"; // sessionStorage: this tab's application, kept across reloads
  var scope = FIRST; // this tab's current application: a switch elsewhere never changes it
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

  function keyOf(part, inScope) {
    var tool = part.indexOf(TOOL) === 0 ? part.slice(TOOL.length) : "";
    var where = SHARED_TOOLS.indexOf(tool) !== -1 ? SHARED : inScope || scope;
    return INDEX + ":" + where + ":" + part;
  }

  // The part a key names, in this tab's application or shared; null for any other key.
  function partOf(key) {
    var scopes = [INDEX + ":" + scope + ":", INDEX + ":" + SHARED + ":"];
    for (var i = 0; i < scopes.length; i += 1) {
      if (key.indexOf(scopes[i]) === 0) return key.slice(scopes[i].length);
    }
    return null;
  }

  // The part a key names in any scope (reading another application's ticks), and its scope.
  function anyPartOf(key) {
    if (key.indexOf(INDEX + ":") !== 0) return null;
    var rest = key.slice(INDEX.length + 1);
    var colon = rest.indexOf(":");
    return colon > 0 ? { scope: rest.slice(0, colon), part: rest.slice(colon + 1) } : null;
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
        var named = anyPartOf(key);
        value = shaped(named ? named.part : null, JSON.parse(text));
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

  // The index lists every application's scope; `without` is one being deleted.
  function markLayout(without) {
    var text = storage().getItem(INDEX);
    var scopes = [];
    try {
      var index = JSON.parse(text);
      if (index && Array.isArray(index.scopes)) scopes = index.scopes.filter(function (name) {
        return typeof name === "string" && SCOPE_ID.test(name) && name !== without;
      });
    } catch (error) {
      scopes = [];
    }
    if (scopes.indexOf(scope) === -1 && scope !== without) scopes.push(scope);
    var wanted = JSON.stringify({ layout: LAYOUT, scopes: scopes });
    if (text !== wanted) storage().setItem(INDEX, wanted);
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
      if (part.indexOf(TOOL) !== 0 || part === TOOL + APPLICATIONS) return;
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
      if (tool !== APPLICATIONS) put(TOOL + tool, tools[tool]); // the list is not one application's
    });
    if (replace) {
      partKeys().forEach(function (key) {
        var part = partOf(key);
        if (part.indexOf(TOOL) === 0 && !has(tools, part.slice(TOOL.length)) && part !== TOOL + APPLICATIONS) {
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

  /* Applications. The shared part `tool:applications` holds { current, list: { id: record } },
     an object keyed by id so that two tabs' adds and deletes merge. `current` is the last one
     chosen in any tab: where a new tab starts. This tab's choice is `scope`, kept in
     sessionStorage, so a switch in one tab never changes another's. */
  var PLANNER = "planner"; // the planner's store: some of its fields are the application's
  var parked = {}; // id -> { record, parts }: deleted this visit, for Undo
  var planned = { keys: [], name: "" }; // the planner's fields that are the application's (from Python)

  function applications() {
    var value = readKey(keyOf(TOOL + APPLICATIONS));
    var list = {};
    if (isObject(value) && isObject(value.list)) {
      Object.keys(value.list).forEach(function (id) {
        if (SCOPE_ID.test(id) && isObject(value.list[id])) list[id] = value.list[id];
      });
    }
    return { current: isObject(value) && typeof value.current === "string" ? value.current : "", list: list };
  }

  function writeApplications(change) {
    var apps = applications();
    change(apps);
    return writeKey(keyOf(TOOL + APPLICATIONS), apps, false);
  }

  function tabScope(id) {
    try {
      if (id === undefined) return window.sessionStorage.getItem(TAB_SCOPE);
      window.sessionStorage.setItem(TAB_SCOPE, id);
    } catch (error) {
      // refused: the choice lasts while the page is open
    }
    return null;
  }

  // This tab's application: its own choice (a reload), else the last chosen anywhere, else the first.
  function chooseScope() {
    var list = applications().list;
    var mine = tabScope();
    var last = applications().current;
    scope = has(list, mine) ? mine : has(list, last) ? last : has(list, FIRST) || !Object.keys(list).length ?
      FIRST : Object.keys(list)[0];
    if (Object.keys(list).length) tabScope(scope); // this tab's from now on, whatever others choose
  }

  // An application's record. The planner's fields named in `planned` are the same data: they
  // are copied into the application's planner part, so both always say the same.
  function saveApplication(id, fields, planned) {
    var kept = writeApplications(function (apps) {
      apps.list[id] = Object.assign({}, apps.list[id] || {}, fields);
    });
    var plannerKey = keyOf(TOOL + PLANNER, id);
    var plan = readKey(plannerKey);
    var mirrored = (planned || []).filter(function (key) {
      return has(fields, key) && (isObject(plan) ? text(plan[key]) : "") !== text(fields[key]);
    });
    if (mirrored.length) {
      var next = Object.assign({}, isObject(plan) ? plan : {});
      mirrored.forEach(function (key) {
        next[key] = text(fields[key]);
      });
      kept = writeKey(plannerKey, next, false) && kept;
    }
    // The bar shows the new name at once (the planner's company is typed on its page).
    mounted.forEach(function (entry) {
      if (entry.element.getAttribute("data-guide-component") === APPLICATIONS && entry.refresh) entry.refresh();
    });
    return kept;
  }

  // Switch this tab to another application: every feature shows its data, no reload.
  function useScope(id) {
    if (!SCOPE_ID.test(id)) return false;
    scope = id;
    tabScope(id);
    writeApplications(function (apps) {
      apps.current = id;
    });
    try {
      markLayout();
    } catch (error) {
      refuse();
    }
    refreshPage({ switched: true });
    return true;
  }

  function keysOfScope(id) {
    var prefix = INDEX + ":" + id + ":";
    var keys = Object.keys(memory).concat(Object.keys(held));
    try {
      var store = storage();
      for (var i = 0; i < store.length; i += 1) keys.push(store.key(i));
    } catch (error) {
      // refused: memory is all there is
    }
    return keys.filter(function (key, i) {
      return key.indexOf(prefix) === 0 && keys.indexOf(key) === i;
    });
  }

  // Delete an application and its parts; what was removed is kept for Undo (this visit only).
  function removeScope(id) {
    var saved = { record: applications().list[id], parts: {} };
    keysOfScope(id).forEach(function (key) {
      var value = readKey(key);
      if (value !== undefined) saved.parts[anyPartOf(key).part] = value;
      writeKey(key, undefined, true);
    });
    parked[id] = saved;
    var kept = writeApplications(function (apps) {
      delete apps.list[id];
    });
    try {
      markLayout(id);
    } catch (error) {
      refuse();
    }
    return kept;
  }

  function restoreScope(id) {
    var saved = parked[id];
    if (!saved) return false;
    delete parked[id];
    var kept = true;
    Object.keys(saved.parts).forEach(function (part) {
      kept = writeKey(keyOf(part, id), saved.parts[part], true) && kept;
    });
    return writeApplications(function (apps) {
      apps.list[id] = saved.record;
    }) && kept;
  }

  function start() {
    try {
      migrateV1(); // into the first application
      chooseScope();
      markLayout(); // a browser that refuses writes is found before a tick is lost
    } catch (error) {
      refuse();
    }
  }

  // An import: storage is tried again even after a refusal.
  function retryStorage() {
    if (!refused) return;
    try {
      markLayout();
      refused = false;
      memory = {};
    } catch (error) {
      // still refused
    }
  }

  // The tools of a scope's parts (not the list of applications), as { store: value }.
  function toolsIn(id) {
    var tools = {};
    keysOfScope(id).forEach(function (key) {
      var part = anyPartOf(key).part;
      if (part.indexOf(TOOL) !== 0 || part === TOOL + APPLICATIONS) return;
      var value = readKey(key);
      if (value !== undefined) tools[part.slice(TOOL.length)] = value;
    });
    return tools;
  }

  /* Everything the reader keeps, for an export: { current, applications: [{ id, details,
     state: { checklists, notes, tools } }], tools: the shared ones }, oldest application first. */
  function dump() {
    var list = applications().list;
    var ids = Object.keys(list).sort(function (a, b) {
      return (Number(list[a].added) || 0) - (Number(list[b].added) || 0) || (a > b) - (a < b);
    });
    if (!ids.length) ids = [scope]; // the bar has not made the first record yet
    return {
      current: scope,
      applications: ids.map(function (id) {
        return { id: id, details: list[id] || {}, state: { checklists: readKey(keyOf("checklists", id)) || {},
          notes: readKey(keyOf("notes", id)) || {}, tools: toolsIn(id) } };
      }),
      tools: toolsIn(SHARED),
    };
  }

  /* An import of several applications: `whole` (as dump() gives it) replaces every application
     and the shared parts; this tab then prepares for its `current`. The planner's fields in
     `plannedKeys` are the application's: a plan's value wins, else the details' is copied in. */
  function replaceAll(whole, plannedKeys) {
    retryStorage();
    var kept = true;
    var ids = whole.applications.map(function (app) {
      return app.id;
    });
    function put(key, value) {
      kept = writeKey(key, isEmpty(value) && anyPartOf(key).part.indexOf(TOOL) !== 0 ? undefined : value,
        true) && kept;
    }
    Object.keys(applications().list).concat([scope]).forEach(function (id) {
      if (ids.indexOf(id) === -1) keysOfScope(id).forEach(function (key) {
        put(key, undefined);
      });
    });
    var list = {};
    whole.applications.forEach(function (app) {
      var details = Object.assign({}, app.details);
      var tools = Object.assign({}, app.state.tools);
      var plan = isObject(tools[PLANNER]) ? Object.assign({}, tools[PLANNER]) : {};
      (plannedKeys || []).forEach(function (key) {
        if (text(plan[key]).trim()) details[key] = plan[key];
        else if (text(details[key]) !== text(plan[key])) plan[key] = text(details[key]);
      });
      if (Object.keys(plan).length) tools[PLANNER] = plan;
      var wanted = {};
      wanted[keyOf("checklists", app.id)] = app.state.checklists;
      wanted[keyOf("notes", app.id)] = app.state.notes;
      Object.keys(tools).forEach(function (tool) {
        if (SHARED_TOOLS.indexOf(tool) === -1) wanted[keyOf(TOOL + tool, app.id)] = tools[tool];
      });
      keysOfScope(app.id).concat(Object.keys(wanted)).forEach(function (key) {
        put(key, wanted[key]);
      });
      list[app.id] = details;
    });
    var shared = {};
    Object.keys(whole.tools || {}).forEach(function (tool) {
      if (SHARED_TOOLS.indexOf(tool) !== -1 && tool !== APPLICATIONS) shared[keyOf(TOOL + tool)] = whole.tools[tool];
    });
    keysOfScope(SHARED).concat(Object.keys(shared)).forEach(function (key) {
      if (anyPartOf(key).part !== TOOL + APPLICATIONS) put(key, shared[key]);
    });
    scope = ids.indexOf(whole.current) !== -1 ? whole.current : ids[0];
    tabScope(scope);
    kept = writeKey(keyOf(TOOL + APPLICATIONS), { current: scope, list: list }, true) && kept;
    try {
      if (!refused) storage().setItem(INDEX, JSON.stringify({ layout: LAYOUT, scopes: ids }));
    } catch (error) {
      refuse();
      kept = false;
    }
    refreshPage({ switched: true });
    return kept;
  }

  // An import: the reader chose to replace. Storage is tried again even after a refusal.
  function replaceState(state) {
    retryStorage();
    var kept = saveState(state, true);
    // The imported plan's date, time and company are the application's now (a plan without a
    // company leaves the application its name, and the planner shows it).
    var plan = isObject(state.tools) && isObject(state.tools[PLANNER]) ? state.tools[PLANNER] : {};
    if (applications().list[scope] && planned.keys.length) {
      var fields = {};
      planned.keys.forEach(function (key) {
        if (text(plan[key]).trim() || key !== planned.name) fields[key] = text(plan[key]);
      });
      kept = saveApplication(scope, fields) && kept;
    }
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

  // The saved data changed (an import, another tab, a switch of application): each feature
  // shows it again, and what this tab writes next is measured from what it shows now. After a
  // switch ({ switched: true }) even the field the reader is in shows the other application's.
  function refreshPage(reason) {
    base = {};
    mounted.forEach(function (entry) {
      if (typeof entry.refresh === "function") entry.refresh(reason || {});
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
    dump: dump,
    replaceAll: replaceAll,
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
    layout: { prefix: PREFIX, index: INDEX, scope: FIRST, shared: SHARED, sharedTools: SHARED_TOOLS,
      keyOf: keyOf, scopeId: SCOPE_ID },
    // Applications: this tab's current one, switching, the records, another one's parts.
    scope: function () {
      return scope;
    },
    useScope: useScope,
    applications: applications,
    application: function (id) {
      var list = applications().list;
      return has(list, id || scope) ? list[id || scope] : null;
    },
    saveApplication: saveApplication,
    // Which planner fields are the application's, and which one names it (macros/applications.py).
    sharedWithPlanner: function (keys, name) {
      planned = { keys: keys.slice(), name: name || planned.name };
    },
    readPartIn: function (id, part) {
      return readKey(keyOf(part, id));
    },
    removeScope: removeScope,
    restoreScope: restoreScope,
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
    } else if (event.key !== INDEX && partOf(event.key) === null) {
      return; // another application's part: not shown in this tab
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
