/* The core's rarer changes to the reader's data, loaded when one is asked for: moving older data
   into today's layout (once), adding, deleting and restoring applications, and the whole of the
   reader's data out (an export) and in (an import, written all at once or not at all). The parts
   they write and the rules they keep are guide-data.js's (ARCHITECTURE.md, "The reader's data"). */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const { dict, isObject, has, parse } = G.util;
  const { text, plain, format, today } = G;
  const { FIRST, SHARED, TOOL, RECORD, CURRENT, V1, OLD_LIST, SCOPE_ID, DEEPEST, keyOf, partOf, shaped, readKey,
    REVISIONS, revisions, writeKey, retryStorage, markLayout, settled, remember, hold, refuse, keysOfScope, recordIds, cleanFields,
    isEmpty, depthOf, storage, scope } = G.store;
  const core = G.core();
  const parked = dict(); // deleted this visit, for Undo: id -> { record, parts }

  // A file for the reader (G.download: the export, the calendar file, the recover download).
  function download(fileName, type, content) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type }));
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  /* Many writes that all happen or none do (an import): on a failure, every entry is put back and
     the result is false. When the browser refuses to store anything, they last for the visit
     ("memory"), as every other write does. */
  function transact(writes) {
    if (!retryStorage()) {
      for (const [key, value] of Object.entries(writes)) remember(key, value);
      return "memory";
    }
    const keys = Object.keys(writes);
    const before = dict();
    try {
      for (const key of keys) before[key] = storage().getItem(key);
      for (const key of keys) if (writes[key] === undefined) storage().removeItem(key);
      for (const key of keys) if (writes[key] !== undefined) storage().setItem(key, JSON.stringify(writes[key]));
      markLayout();
    } catch (error) {
      try {
        // New entries go first: that frees the room the old ones need; then the smallest growth first.
        for (const key of keys) if (before[key] === null) storage().removeItem(key);
        keys.filter((key) => before[key] !== null)
          .sort((a, b) => before[a].length - before[b].length)
          .forEach((key) => storage().setItem(key, before[key]));
      } catch (rollback) {
        refuse();
      }
      return false;
    }
    for (const key of keys) settled(key, writes[key]);
    G.showNotice();
    return true;
  }

  /* Older data into today's layout, in one place: version 1's single entry, the list of records in
     one part, and fields an older planner kept that are the application's (core.lifted). */
  function lift(details, tools) {
    const record = { ...details };
    const out = { ...tools };
    for (const [store, keys] of Object.entries(core.lifted)) {
      if (!isObject(out[store])) continue;
      const rest = { ...out[store] };
      for (const key of keys) {
        if (!has(rest, key)) continue;
        if (!text(record[key]).trim() && text(rest[key]).trim()) record[key] = plain(rest[key]).trim();
        delete rest[key];
      }
      out[store] = rest;
    }
    return { details: record, tools: out };
  }

  // A stored entry parsed, or held aside (and null) when it cannot be read; null when there is none.
  function oldEntry(key, valid) {
    const stored = storage().getItem(key);
    if (stored === null) return null;
    try {
      const value = parse(stored);
      if (valid(value)) return value;
    } catch (error) {
      // held below
    }
    hold(key, stored);
    return null;
  }

  function migrate() {
    // Version 1: everything in one entry, into the first application.
    const v1 = oldEntry(V1, (old) => isObject(old) && depthOf(old, DEEPEST) <= DEEPEST);
    if (v1) {
      const writes = dict();
      const { details, tools } = lift(dict(), isObject(v1.tools) ? v1.tools : dict());
      if (!isEmpty(details)) writes[keyOf(RECORD + FIRST)] = { ...(readKey(keyOf(RECORD + FIRST)) || { added: 0 }), ...details };
      for (const part of ["checklists", "notes"]) {
        const value = shaped(part, v1[part] || dict());
        if (value && !isEmpty(value)) writes[keyOf(part, FIRST)] = value;
      }
      for (const [store, value] of Object.entries(tools)) writes[keyOf(TOOL + store, FIRST)] = value;
      writes[V1] = undefined;
      if (transact(writes) === false) refuse();
    }
    // The records, once all in one part.
    const list = oldEntry(OLD_LIST, (old) => isObject(old) && isObject(old.list));
    if (list) {
      const writes = dict();
      for (const [id, record] of Object.entries(list.list)) {
        if (SCOPE_ID.test(id) && isObject(record) && readKey(keyOf(RECORD + id)) === undefined) writes[keyOf(RECORD + id)] = record;
      }
      if (typeof list.current === "string" && SCOPE_ID.test(list.current)) writes[keyOf(CURRENT)] = list.current;
      writes[OLD_LIST] = undefined;
      if (transact(writes) === false) refuse();
    }
    // Fields an older planner kept that are the application's.
    const writes = dict();
    for (const id of [FIRST, ...recordIds()]) {
      for (const store of Object.keys(core.lifted)) {
        const key = keyOf(TOOL + store, id);
        const plan = readKey(key);
        if (!isObject(plan) || !core.lifted[store].some((field) => has(plan, field))) continue;
        const recordKey = keyOf(RECORD + id);
        const lifted = lift(writes[recordKey] || readKey(recordKey) || { added: 0 }, { [store]: plan });
        writes[recordKey] = lifted.details;
        writes[key] = lifted.tools[store];
      }
    }
    if (Object.keys(writes).length && transact(writes) === false) refuse();
  }


  /* A new application, or the untitled one named: the reader's first set-up never leaves an
     "untitled" one behind. Returns { result, id } with result "added", "named", "full", "invalid". */
  function addApplication(fields) {
    const changes = cleanFields(fields);
    if (Object.keys(G.checkApplication(changes)).length) return { result: "invalid" };
    const list = G.applications();
    const untitled = list.find((entry) => G.isUntitled(entry.record));
    if (untitled) {
      const result = G.saveApplication(untitled.id, changes);
      if (untitled.id !== scope()) G.useScope(untitled.id);
      return { result: result === "saved" ? "named" : result, id: untitled.id };
    }
    if (list.length >= core.application.max) return { result: "full" };
    const id = G.newId([...list.map((entry) => entry.id), ...Object.keys(parked)]);
    writeKey(keyOf(RECORD + id), { ...changes, added: Date.now() }, true);
    if (G.applications().length > core.application.max) { // another tab added one at the same moment
      writeKey(keyOf(RECORD + id), undefined, true);
      return { result: "full" };
    }
    G.useScope(id);
    return { result: "added", id };
  }

  // Deletes an application and its parts, kept in memory for Undo; this tab moves to another.
  function deleteApplication(id) {
    const list = G.applications();
    const others = list.filter((entry) => entry.id !== id);
    if (!others.length) return "last";
    const found = list.find((entry) => entry.id === id);
    const saved = { record: found ? found.record : dict(), parts: dict() };
    for (const key of keysOfScope(id)) {
      const value = readKey(key);
      if (value !== undefined) saved.parts[partOf(key).part] = value;
      writeKey(key, undefined, true);
    }
    writeKey(keyOf(RECORD + id), undefined, true);
    forgetRevisions();
    parked[id] = saved;
    if (id === scope()) G.useScope(others[0].id);
    else G.refreshPage({});
    return "deleted";
  }

  // Undo of a delete: "restored", or "full" when the reader has added another since.
  function restoreApplication(id) {
    const saved = parked[id];
    if (!saved) return "gone";
    if (recordIds().length >= core.application.max) return "full"; // the reader added another since
    delete parked[id];
    const writes = dict();
    writes[keyOf(RECORD + id)] = id === FIRST && isEmpty(saved.record) ? undefined : saved.record;
    for (const [part, value] of Object.entries(saved.parts)) writes[keyOf(part, id)] = value;
    if (transact(writes) !== true) {
      parked[id] = saved;
      return "refused";
    }
    G.useScope(id);
    return "restored";
  }

  function toolsIn(id) {
    const tools = dict();
    for (const key of keysOfScope(id)) {
      const { part } = partOf(key);
      if (!part.startsWith(TOOL)) continue;
      const value = readKey(key);
      if (value !== undefined) tools[part.slice(TOOL.length)] = value;
    }
    return tools;
  }

  // Everything the reader keeps: { current, applications: [{ id, details, state }], tools }.
  function dump() {
    return {
      current: scope(),
      applications: G.applications().map(({ id, record }) => ({
        id, details: record,
        state: { checklists: readKey(keyOf("checklists", id)) || dict(), notes: readKey(keyOf("notes", id)) || dict(),
          tools: toolsIn(id) },
      })),
      tools: toolsIn(SHARED),
    };
  }

  /* An import: `whole` (as dump() gives it, checked by the import) replaces every application and
     the shared tools, all or nothing: true when it was all written, false when nothing was (the
     browser had no room), "memory" when the browser refuses to store (it lasts for the visit). */
  function replaceAll(whole) {
    const writes = dict();
    // A held part the file does not replace stays held: only the reader's own step removes it.
    const held = G.status().unreadable;
    const drop = (key) => {
      if (!has(held, key)) writes[key] = undefined;
    };
    const ids = whole.applications.map((app) => app.id);
    for (const app of whole.applications) {
      writes[keyOf(RECORD + app.id)] = app.id === FIRST && isEmpty(app.details) ? undefined : app.details;
    }
    for (const app of whole.applications) {
      const parts = { checklists: app.state.checklists, notes: app.state.notes };
      for (const [store, value] of Object.entries(app.state.tools)) {
        if (!core.shared.includes(store)) parts[TOOL + store] = value;
      }
      keysOfScope(app.id).forEach(drop);
      for (const [part, value] of Object.entries(parts)) {
        writes[keyOf(part, app.id)] = isEmpty(value) && !part.startsWith(TOOL) ? undefined : value;
      }
    }
    for (const key of keysOfScope(SHARED)) {
      const { part } = partOf(key);
      if (part.startsWith(TOOL)) drop(key);
    }
    for (const [store, value] of Object.entries(whole.tools)) {
      if (core.shared.includes(store)) writes[keyOf(TOOL + store)] = value;
    }
    for (const id of [FIRST, ...recordIds()]) {
      if (ids.includes(id)) continue;
      keysOfScope(id).forEach(drop);
      drop(keyOf(RECORD + id));
    }
    const next = ids.includes(whole.current) ? whole.current : ids[0];
    writes[keyOf(CURRENT)] = next;
    const result = transact(writes);
    if (result) G.useScope(next);
    forgetRevisions();
    return result;
  }

  // The revisions guide-data.js notes of parts no longer stored go (a full storage keeps them).
  function forgetRevisions() {
    try {
      const all = revisions();
      for (const key of Object.keys(all)) if (storage().getItem(key) === null) delete all[key];
      storage().setItem(REVISIONS, JSON.stringify(all));
    } catch (error) {
      // kept: they are small, and the next delete tries again
    }
  }

  // Hands what is held over to the recover download and forgets it, with what was typed into those
  // parts meanwhile (this tab's memory of them): { held, typed }.
  function release() {
    const out = { held: G.status().unreadable, typed: dict() };
    for (const key of Object.keys(out.held)) {
      out.typed[key] = readKey(key);
      settled(key);
    }
    return out;
  }

  // The unreadable data as a file for the reader, then a fresh start in its place (the storage
  // notice's way out): what the reader typed into those parts since is kept.
  function recover(notice) {
    const { held, typed } = release();
    download(format(notice.getAttribute("data-storage-file"), { date: today() }), "application/json",
      JSON.stringify({ unreadable: { ...held } }, null, 1));
    for (const key of Object.keys(held)) {
      try {
        if (typed[key] === undefined) storage().removeItem(key);
        else storage().setItem(key, JSON.stringify(typed[key]));
      } catch (error) {
        refuse();
      }
    }
    G.refreshPage({});
  }

  // The page's one storage notice (macros/core.py): shown when the browser refuses to save, or
  // with the recover button when saved data cannot be used; hidden again when neither holds.
  function showNotice(refused, unreadable) {
    let shown = false;
    document.querySelectorAll("[data-storage-notice]").forEach((notice) => {
      const show = !shown && (refused || unreadable);
      shown = shown || show;
      notice.hidden = !show;
      const line = notice.querySelector("[data-storage-notice-text]");
      const words = !show ? "" : notice.getAttribute(unreadable ? "data-storage-unreadable" : "data-storage-notice");
      if (line.textContent !== words) line.textContent = words;
      const button = notice.querySelector("[data-storage-recover]");
      button.hidden = !(show && unreadable);
      if (!button.hasAttribute("data-storage-ready")) {
        button.setAttribute("data-storage-ready", "");
        button.addEventListener("click", () => recover(notice));
      }
    });
  }

  G.register("guide-changes", {
    exports: { migrate, lift, addApplication, deleteApplication, restoreApplication, dump, replaceAll, recover, download,
      showNotice },
  });
})();
