/* The reader's data, on pages with tools (loaded by the core, guide.js, before any feature):
   their parts in storage, merged on write and put back when another tab's write drops them, and
   their applications; and the helpers every tool shares (format, say, when...). How it is laid
   out and why: ARCHITECTURE.md, "The reader's data". */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const { dict, isObject, has, parse, copy } = G.util;
  const { text } = G;
  const core = G.core();

  /* ---------- What every tool shares: words, dates and messages ---------- */

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, (all, key) => (values[key] === undefined ? all : String(values[key])));
  }

  // Control characters never shown, and the direction overrides that would turn the text around
  // the page's own (U+202A-E, U+2066-9); `lines` keeps new lines.
  function plain(value, lines) {
    const out = text(value).replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
    return lines ? out.replace(/\r\n?/g, "\n") : out.replace(/\n/g, " ");
  }

  /* Dates are "YYYY-MM-DD" and times "HH:MM", as date and time inputs give them; both are checked as
     real (no 30 February, no 25:99). Shown in the reader's own language. */
  const isDate = (s, years) => {
    if (!/^\d{4}-\d\d-\d\d$/.test(s)) return false;
    const day = new Date(s + "T00:00:00Z");
    const year = +s.slice(0, 4);
    return !isNaN(day) && day.toISOString().slice(0, 10) === s && (!years || (year >= years[0] && year <= years[1]));
  };
  const isTime = (s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);

  function when(date, time, short) {
    if (!isDate(date)) return "";
    const day = new Date(date + "T" + (isTime(time) ? time : "00:00") + ":00Z");
    const options = { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" };
    if (!short) options.year = "numeric";
    if (isTime(time)) Object.assign(options, { hour: "2-digit", minute: "2-digit" });
    return new Intl.DateTimeFormat(undefined, options).format(day);
  }

  // Today in the reader's time zone, as a date input gives it.
  const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10);

  /* ---------- What the page shows ---------- */

  const toolOf = (element) => element.closest("[data-guide-component]");

  /* A tool's one place for messages: the polite status shows results, the alert errors; a new
     message replaces the last in both. With `undo`, the message carries an Undo button
     (data-guide-undo, and any `hooks`) that calls it and says what came back. */
  function say(element, message, { error = false, undo = null, hooks = "" } = {}) {
    const tool = toolOf(element);
    const status = tool && tool.querySelector("[data-guide-announce]");
    const alert = tool && tool.querySelector("[data-guide-alert]");
    if (!status) return;
    status.textContent = error ? "" : message;
    if (alert) {
      alert.textContent = error ? message : "";
      alert.hidden = !error;
    }
    if (undo) {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "md-button sig-button";
      for (const hook of ["data-guide-undo", ...hooks.split(" ").filter(Boolean)]) button.setAttribute(hook, "");
      button.textContent = core.words.undo;
      button.addEventListener("click", () => Promise.resolve(undo()).then((said) => {
        // What came back, in words; false when the undo itself said why not.
        if (said !== false) say(element, said || core.words.undone);
      }));
      status.append(" ", button);
      button.focus();
    }
  }

  /* A field's error: marked aria-invalid="true" and written in its message (aria-describedby);
     said once as an alert when it is new. An empty message clears it. */
  function invalid(input, message, silent) {
    const slot = document.getElementById(input.id + "-error");
    const was = slot ? slot.textContent : "";
    if (slot) slot.textContent = message || "";
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    if (message && message !== was && !silent) say(input, message, { error: true });
  }

  // The first click shows data-confirm, the second acts; leaving takes the question back.
  function confirmTwice(button, act) {
    const face = button.querySelector("[data-confirm-face]");
    const plainFace = face.textContent;
    button.addEventListener("click", () => {
      if (face.textContent === plainFace) {
        face.textContent = button.getAttribute("data-confirm");
        say(button, [button.getAttribute("data-confirm"), button.getAttribute("data-confirm-said")].filter(Boolean).join(" "));
      } else {
        face.textContent = plainFace;
        act();
      }
    });
    button.addEventListener("blur", () => {
      face.textContent = plainFace;
    });
  }

  /* ---------- The reader's data ---------- */

  const blank = (v) => v === undefined || v === null || v === "";
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b) || (blank(a) && blank(b));
  const isEmpty = (v) => v === undefined || (v !== null && typeof v === "object" && !Object.keys(v).length);

  function depthOf(value, limit) {
    if (value === null || typeof value !== "object") return 0;
    if (limit <= 0) return 1;
    return 1 + Math.max(0, ...Object.values(value).map((v) => depthOf(v, limit - 1)));
  }

  /* ---------- Storage ----------
     One localStorage entry per part, so two tabs editing different parts never write one entry.
     A part is "checklists", "notes" or "tool:<store>" in an application's scope, or, in the shared
     scope, a tool all applications share, an application's record ("application:<id>") or the
     application last chosen in any tab ("current"). */

  const PREFIX = core.prefix; // macros/core.py STORAGE_PREFIX
  const V1 = PREFIX + "v1"; // version 1 kept everything in this one entry
  const INDEX = core.layout; // marks the layout (macros/core.py LAYOUT_KEY)
  const FIRST = core.first; // the first application's id (macros/applications.py FIRST_ID)
  const SHARED = "shared";
  const SCOPE_ID = /^[a-z0-9]{1,16}$/;
  const TOOL = "tool:";
  const RECORD = "application:";
  const CURRENT = "current";
  const OLD_LIST = INDEX + ":" + SHARED + ":" + TOOL + "applications"; // the records, before each had its own entry
  const TAB_SCOPE = PREFIX + "scope"; // sessionStorage: this tab's application, kept across reloads
  // key -> [revision, the revision its writer had shown]: how a tab tells another tab's deliberate
  // change (made after showing this tab's write) from a write made from an older view.
  const REVISIONS = INDEX + "-revisions";
  const DEEPEST = 32; // nesting no part of ours comes near; deeper is damage, not data
  const MOST_CHARS = 262144; // longer is damage too, and would slow every keystroke

  let scope = FIRST; // this tab's application: a switch in another tab never changes it
  let refused = false; // the browser refuses writes: everything lives in memory for the visit
  let memory = dict(); // key -> value, while refused or while the key is held
  let held = dict(); // key -> stored text this guide cannot use, never overwritten until the reader saves it
  let base = dict(); // key -> JSON this tab last showed: what a write's changes are measured from
  let pending = dict(); // key -> { older, mine, revision }: this tab's last change, until another tab's value holds it
  let seen = dict(); // key -> the revision of what this tab last showed (with `base`)

  const storage = () => window.localStorage; // throws when the browser refuses storage

  // The features show the data again; what this tab writes next is measured from what they show.
  function refreshPage(reason) {
    base = dict();
    seen = dict();
    G.refresh(reason);
  }

  function keyOf(part, inScope) {
    const tool = part.startsWith(TOOL) ? part.slice(TOOL.length) : "";
    const shared = part.startsWith(RECORD) || part === CURRENT || core.shared.includes(tool);
    return INDEX + ":" + (shared ? SHARED : inScope || scope) + ":" + part;
  }

  // { scope, part } of one of this guide's keys, else null.
  function partOf(key) {
    if (!key || !key.startsWith(INDEX + ":")) return null;
    const rest = key.slice(INDEX.length + 1);
    const colon = rest.indexOf(":");
    return colon > 0 ? { scope: rest.slice(0, colon), part: rest.slice(colon + 1) } : null;
  }

  // A part's value as stored, or undefined when it is not of the part's shape.
  function shaped(part, value) {
    if (depthOf(value, DEEPEST) > DEEPEST) return undefined;
    if (part === "checklists" || part === "notes") {
      if (!isObject(value)) return undefined;
      const out = dict();
      for (const [id, entry] of Object.entries(value)) {
        if (part === "notes" && typeof entry === "string") out[id] = entry;
        if (part === "checklists" && isObject(entry)) {
          out[id] = dict();
          for (const [item, tick] of Object.entries(entry)) if (tick === true) out[id][item] = true;
        }
      }
      return out;
    }
    if (part.startsWith(RECORD)) return isObject(value) ? value : undefined;
    if (part === CURRENT) return typeof value === "string" ? value : undefined;
    const kind = part.startsWith(TOOL) && core && core.kinds[part.slice(TOOL.length)];
    if (kind === "list" && !Array.isArray(value)) return undefined;
    if (kind === "record" && !isObject(value)) return undefined;
    return value;
  }

  function refuse() {
    refused = true;
    showNotice();
  }

  // Holds stored text this guide cannot use: it is never overwritten, and the notice offers it as a file.
  function hold(key, stored) {
    held[key] = stored;
    showNotice();
  }

  // The part's stored value; undefined when there is none (or it is held).
  function readKey(key) {
    if (refused || has(held, key)) return copy(memory[key]);
    let stored;
    try {
      stored = storage().getItem(key);
    } catch (error) {
      refuse();
      return copy(memory[key]);
    }
    let value;
    if (stored !== null) {
      const named = partOf(key);
      try {
        value = stored.length > MOST_CHARS ? undefined : shaped(named ? named.part : "", parse(stored));
      } catch (error) {
        value = undefined;
      }
      if (value === undefined) {
        hold(key, stored);
        return copy(memory[key]);
      }
    }
    if (!has(base, key)) {
      base[key] = value === undefined ? undefined : JSON.stringify(value);
      seen[key] = revisionOf(key);
    }
    return value;
  }

  function revisions() {
    try {
      return parse(storage().getItem(REVISIONS)) || dict();
    } catch (error) {
      return dict();
    }
  }
  // The revision of what is stored (0 for a part written before revisions); with `shown`, the
  // revision its writer had shown. `all`: the entry, when the caller has read it already.
  const revisionOf = (key, shown, all = revisions()) => Number([].concat(all[key])[shown ? 1 : 0]) || 0;
  // The revision this write makes, noted before the part is written (so another tab reads it when it
  // hears the part). Not noting it costs only the older rule (see rebase); it is never a refusal.
  function noteRevision(key) {
    const all = revisions();
    const revision = Math.max(revisionOf(key, false, all), seen[key] || 0) + 1;
    try {
      all[key] = [revision, seen[key] || 0];
      storage().setItem(REVISIONS, JSON.stringify(all));
      return revision;
    } catch (error) {
      return 0;
    }
  }

  const older = (key) => (base[key] === undefined ? undefined : parse(base[key]));

  /* Two tabs' changes to one part: `mine` is what this tab wants, made from `before` (what it last
     showed), and `theirs` is what the part holds now. Only what this tab changed goes onto theirs,
     entry by entry and field by field; the same field changed in both goes to `mineWins` ? mine : theirs. */
  function combine(before, mine, theirs, mineWins) {
    if (same(mine, before)) return theirs;
    if (same(theirs, before)) return mine;
    if (isObject(mine) && (isObject(theirs) || theirs === undefined)) {
      const source = theirs || dict(); // removed there (a clear): only what this tab changed comes back
      const out = dict();
      for (const key of new Set([...Object.keys(source), ...Object.keys(mine)])) {
        const value = combine(isObject(before) ? before[key] : undefined, mine[key], source[key], mineWins);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    if (Array.isArray(mine) && Array.isArray(theirs) && mine.length === theirs.length &&
        (!Array.isArray(before) || before.length === mine.length)) {
      return mine.map((value, i) => {
        const out = combine(Array.isArray(before) ? before[i] : undefined, value, theirs[i], mineWins);
        return out === undefined ? value : out;
      });
    }
    return mineWins ? mine : theirs;
  }
  const merge = (before, mine, theirs) => combine(before, mine, theirs, true);

  // Parts of an application that no longer exists are never written again (deleted in another tab).
  function exists(id) {
    if (id === FIRST || id === SHARED) return true;
    try {
      return storage().getItem(keyOf(RECORD + id)) !== null || has(memory, keyOf(RECORD + id));
    } catch (error) {
      return has(memory, keyOf(RECORD + id));
    }
  }

  // Writes the part with this tab's changes merged into what storage holds; true when kept.
  function writeKey(key, value, replace) {
    if (refused || has(held, key)) {
      memory[key] = copy(value);
      showNotice();
      return false;
    }
    const named = partOf(key);
    if (named && !named.part.startsWith(RECORD) && !exists(named.scope)) {
      window.setTimeout(followCurrent); // this tab still shows it: say so and move on
      return false;
    }
    let theirs;
    if (!replace) {
      theirs = readKey(key);
      if (refused || has(held, key)) return writeKey(key, value, replace); // found failing now
    }
    const before = older(key);
    const merged = replace ? value : merge(before, value, theirs);
    // A part this tab never saw and still leaves empty is not written: another tab's first write
    // to it may not have reached this tab yet, and an empty write would undo it.
    if (!replace && theirs === undefined && before === undefined && isEmpty(merged)) return true;
    const json = merged === undefined ? undefined : JSON.stringify(merged);
    try {
      if (json === undefined) storage().removeItem(key);
      else if (replace || !same(merged, theirs)) {
        seen[key] = noteRevision(key);
        storage().setItem(key, json);
      }
      markLayout();
    } catch (error) {
      memory[key] = merged;
      refuse();
      return false;
    }
    if (!replace && !same(merged, theirs)) {
      pending[key] = { older: has(pending, key) ? pending[key].older : before, mine: merged, revision: seen[key] };
    }
    base[key] = json;
    return true;
  }

  /* Another tab wrote a part this tab changed a moment ago, from a view of storage that did not yet
     hold this tab's change: put the change back on top of theirs. The same field changed in both
     keeps theirs, the later write, so the two tabs agree after one exchange. */
  function rebase(key) {
    const intent = pending[key];
    if (!intent || refused || has(held, key)) return;
    // Its writer had shown this tab's write: a deliberate change (an untick), which stands.
    if (intent.revision && revisionOf(key, true) >= intent.revision) {
      delete pending[key];
      return;
    }
    let stored;
    try {
      stored = storage().getItem(key);
    } catch (error) {
      return;
    }
    const named = partOf(key);
    // Removed there (a delete, a clear): a removal is never a stale view, so it stands.
    if (stored === null || (named && !exists(named.scope))) {
      delete pending[key];
      return;
    }
    const theirs = parse(stored);
    const wanted = combine(intent.older, intent.mine, theirs, false);
    if (same(wanted, theirs)) {
      delete pending[key];
      return;
    }
    try {
      storage().setItem(key, JSON.stringify(wanted));
      base[key] = JSON.stringify(wanted);
    } catch (error) {
      refuse();
    }
  }

  // After guide-changes.js's all-or-nothing writes: what this tab shows of `key` is what it wrote.
  function settled(key, value) {
    base[key] = value === undefined ? undefined : JSON.stringify(value);
    delete held[key];
    delete memory[key];
    delete pending[key];
  }

  function markLayout() {
    const wanted = JSON.stringify({ layout: "v2" });
    if (storage().getItem(INDEX) !== wanted) storage().setItem(INDEX, wanted);
  }

  // Whether the browser stores again (it had refused): true when it does.
  function retryStorage() {
    if (!refused) return true;
    try {
      markLayout();
      refused = false;
      memory = dict();
    } catch (error) {
      // still refused
    }
    return !refused;
  }

  // Every key of this guide, in storage and in memory.
  function allKeys() {
    const keys = new Set([...Object.keys(memory), ...Object.keys(held)]);
    try {
      const store = storage();
      for (let i = 0; i < store.length; i += 1) keys.add(store.key(i));
    } catch (error) {
      // refused: memory is all there is
    }
    return [...keys].filter(partOf);
  }

  const keysOfScope = (id) => allKeys().filter((key) => partOf(key).scope === id);

  /* ---------- Applications ----------
     Each application is a record (company, role, date, time, place, contact, when added) in a
     shared part of its own, so two tabs adding at once write different entries. Its ticks, notes
     and tools are the parts of its scope. This tab's application is `scope`. */

  function recordIds() {
    const ids = allKeys().map(partOf).filter((p) => p.scope === SHARED && p.part.startsWith(RECORD))
      .map((p) => p.part.slice(RECORD.length)).filter((id) => SCOPE_ID.test(id));
    return ids.filter((id) => readKey(keyOf(RECORD + id)) !== undefined);
  }

  // Every application, in the order the reader added them: [{ id, record }].
  function applications() {
    const list = recordIds().map((id) => ({ id, record: readKey(keyOf(RECORD + id)) }));
    if (!list.length) list.push({ id: FIRST, record: dict() }); // the untitled first one, never stored
    return list.sort((a, b) => (Number(a.record.added) || 0) - (Number(b.record.added) || 0) || (a.id > b.id) - (a.id < b.id));
  }

  function application(id = scope) {
    const found = applications().find((entry) => entry.id === id);
    return found ? found.record : null;
  }

  const isUntitled = (record) => !text(record && record.company).trim();
  // No room for another application (an untitled one is named instead of added).
  const isFull = () => applications().length >= core.application.max && !applications().some((e) => isUntitled(e.record));

  function nameOf(record) {
    const words = core.words;
    const company = plain(text(record && record.company)).trim() || words.untitled;
    const role = plain(text(record && record.role)).trim();
    return format(role ? words.name : words.nameNoRole, { company, role });
  }

  // The messages a record's fields need (Python's rules): { field: message }; empty when it is fine.
  function checkApplication(fields) {
    const rules = core.application;
    const problems = dict();
    for (const [key, value] of Object.entries(fields)) {
      const words = rules.words[key] || {};
      if (rules.required.includes(key) && !text(value).trim()) problems[key] = words.missing;
      else if (rules.dates.includes(key) && value && !isDate(value, core.years)) problems[key] = words.bad;
      else if (rules.times.includes(key) && value && !isTime(value)) problems[key] = words.bad;
    }
    return problems;
  }

  function cleanFields(fields) {
    const rules = core.application;
    const out = dict();
    for (const key of rules.fields) {
      if (has(fields, key)) out[key] = plain(fields[key]).trim().slice(0, rules.limits[key] || undefined);
    }
    return out;
  }

  // A new id, as SCOPE_ID allows, taken by nothing in `taken`.
  function newId(taken) {
    let id;
    do id = "a" + Math.random().toString(36).slice(2, 8);
    while (taken.includes(id));
    return id;
  }

  /* The one rule for every form that edits an application (the bar, the set-up, the planner):
     `fields` are checked, then saved. Returns "saved", "invalid" (see checkApplication), "gone"
     (deleted in another tab) or "refused" (kept for the visit only). */
  function saveApplication(id, fields) {
    const changes = cleanFields(fields);
    if (Object.keys(checkApplication(changes)).length) return "invalid";
    if (id !== FIRST && !exists(id)) return "gone";
    const key = keyOf(RECORD + id);
    const record = { ...(readKey(key) || { added: id === FIRST ? 0 : Date.now() }), ...changes };
    const kept = writeKey(key, record, false);
    refreshPage({ renamed: true });
    return kept ? "saved" : "refused";
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

  // Switch this tab to another application: every feature shows its data, no reload.
  function useScope(id, reason = {}) {
    if (!SCOPE_ID.test(id)) return false;
    scope = id;
    tabScope(id);
    if (id !== FIRST || recordIds().length) writeKey(keyOf(CURRENT), id, true);
    refreshPage({ switched: true, ...reason });
    return true;
  }

  // This tab's application: its own choice (a reload), else the last chosen anywhere, else the first.
  function chooseScope() {
    const ids = applications().map((entry) => entry.id);
    const mine = tabScope();
    const last = readKey(keyOf(CURRENT));
    scope = ids.includes(mine) ? mine : ids.includes(last) ? last : ids[0];
    tabScope(scope);
  }

  // The current application was deleted elsewhere (or all data cleared): move on and say so.
  function followCurrent(gone) {
    const ids = applications().map((entry) => entry.id);
    if (ids.includes(scope)) return;
    useScope(ids[0], { gone: gone || core.words.untitled });
  }




  // Parts of no application: kept aside, with the notice's way out, never silently removed.
  function sweep() {
    const ids = new Set([FIRST, SHARED, ...recordIds()]);
    for (const key of allKeys()) {
      if (ids.has(partOf(key).scope) || has(held, key)) continue;
      try {
        hold(key, storage().getItem(key));
      } catch (error) {
        refuse();
      }
    }
  }

  let started = false;

  // Whether older data waits to be moved into today's layout (guide-changes.js moves it).
  function olderData() {
    const stored = (key) => storage().getItem(key);
    if (stored(V1) !== null || stored(OLD_LIST) !== null) return true;
    return allKeys().some((key) => {
      const store = partOf(key).part.slice(TOOL.length);
      return has(core.lifted, store) && core.lifted[store].some((field) => (stored(key) || "").includes(`"${field}":`));
    });
  }

  // Once the first page with tools shows: older data moved, this tab's application chosen. The
  // features mount after it: the registry waits for this part to register.
  function start() {
    let moving = null;
    try {
      markLayout(); // a browser that refuses writes is found before a tick is lost
      if (olderData()) moving = G.need("guide-changes").then((changes) => changes.migrate());
    } catch (error) {
      refuse();
    }
    return Promise.resolve(moving).catch(refuse).then(() => {
      try {
        chooseScope();
        sweep();
      } catch (error) {
        refuse();
      }
      started = true;
    });
  }

  /* The page's one storage notice, when the browser refuses to save or saved data cannot be used
     (with the way out). guide-changes.js draws it, and takes it away again once neither holds.
     Settles once it is drawn: a page's tools mount after it (guide.js), so it never moves them. */
  function showNotice() {
    const unreadable = Object.keys(held).length > 0;
    if (refused || unreadable || document.querySelector("[data-storage-notice]:not([hidden])")) {
      return G.need("guide-changes").then((changes) => changes.showNotice(refused, unreadable), console.error);
    }
  }

  // Another tab saved or cleared: show it, so this tab's next save does not undo it.
  window.addEventListener("storage", (event) => {
    if (!started || refused) return;
    if (event.key === null) { // a clear: what this tab shows is emptied, nothing old is written back
      held = dict();
      memory = dict();
      pending = dict();
      if (!applications().some((entry) => entry.id === scope)) useScope(FIRST, { cleared: true });
      else refreshPage({ cleared: true });
      return;
    }
    const named = partOf(event.key);
    if (event.key === V1) { // an older version of the guide wrote in another tab: move it into today's layout
      G.need("guide-changes").then((changes) => changes.migrate()).then(() => refreshPage({ external: true }), refuse);
      return;
    }
    if (!named || (named.scope !== SHARED && named.scope !== scope)) return; // another application's part
    rebase(event.key);
    if (named && named.part === RECORD + scope && event.newValue === null) {
      let record = null;
      try {
        record = parse(event.oldValue);
      } catch (error) {
        record = null;
      }
      followCurrent(nameOf(record));
      return;
    }
    refreshPage({ external: true });
  });

  // The rarer changes (guide-changes.js), loaded when one is asked for.
  const later = (name) => (...args) => G.need("guide-changes").then((changes) => changes[name](...args));

  Object.assign(G, {
    format,
    plain,
    isDate,
    isTime,
    when,
    today,
    say,
    invalid,
    confirmTwice,
    // A tool's part of the reader's data (its store, from its configuration), and the other parts.
    read(store, fallback) {
      const value = readKey(keyOf(TOOL + store));
      return value === undefined ? fallback : value;
    },
    write: (store, value) => writeKey(keyOf(TOOL + store), value, false),
    readPart: (part) => readKey(keyOf(part)),
    writePart: (part, value) => writeKey(keyOf(part), value, false),
    readPartIn: (id, part) => readKey(keyOf(part, id)),
    status: () => ({ refused, unreadable: { ...held } }),
    layout: { scopeId: SCOPE_ID }, // what an import checks ids against
    showNotice,
    merge, // pure: how two tabs' changes to one part combine (tested in the page)
    // The reader's applications.
    scope: () => scope,
    applications,
    application,
    isUntitled,
    isFull,
    nameOf,
    checkApplication,
    saveApplication,
    useScope,
    refreshPage,
    newId,
    // Promises: export, import and the changes to the list of applications.
    dump: later("dump"),
    replaceAll: later("replaceAll"),
    download: later("download"),
    addApplication: later("addApplication"),
    deleteApplication: later("deleteApplication"),
    restoreApplication: later("restoreApplication"),
    // What guide-changes.js works with: this part's own pieces, for the core's other part only.
    store: { FIRST, SHARED, TOOL, RECORD, CURRENT, V1, OLD_LIST, SCOPE_ID, DEEPEST, REVISIONS, revisions, keyOf, partOf, shaped,
      readKey, writeKey, retryStorage, markLayout, settled, remember: (key, value) => (memory[key] = copy(value)), hold,
      refuse, keysOfScope, recordIds, cleanFields, isEmpty, depthOf, storage, scope: () => scope },
  });
  start().then(() => G.register("guide-data", {}));
})();
