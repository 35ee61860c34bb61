/* The import (macros/progress.py), loaded when the reader picks a file: the file is read and
   checked against the limits every form enforces (from the page's configuration), shown beside
   what this browser holds, and applied only when the reader chooses: replace, merge or cancel.
   A file that is not right changes nothing, and says why. What is applied is written all at once
   or not at all (the core's replaceAll). */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const { dict, isObject, has, copy } = G.util;
  let C = null; // the core's changes (guide-changes.js): lift, dump, replaceAll; loaded with this script

  function kindOf(value) {
    if (value === null || value === undefined) return "nothing";
    if (Array.isArray(value)) return "list";
    return { object: "object", string: "text", boolean: "flag", number: "number" }[typeof value] || "nothing";
  }

  const depthOf = (v) => (v !== null && typeof v === "object" ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);

  // More than `most` levels of [ and {, counted on the text before it is parsed.
  function tooDeep(text, most) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i += 1) {
      const ch = text[i];
      if (inString) {
        if (ch === "\\") i += 1;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === "{" || ch === "[") {
        depth += 1;
        if (depth > most) return true;
      } else if (ch === "}" || ch === "]") depth -= 1;
    }
    return false;
  }

  class Refusal {
    constructor(message) {
      this.message = message;
    }
  }

  /* The checks of one file, sharing the count of unknown data: each throws a Refusal naming the
     place and what is wrong. Unknown data (a retired item's tick, a newer guide's part) is kept up
     to a bound, and never deeper than an export can write it again. */
  function checker(config) {
    const limits = config.limits;
    const unknown = { count: 0, kept: 0 };
    const isKnownItem = (listId, itemId) => has(limits.checklists, listId) &&
      (has(limits.checklists[listId], itemId) || Object.values(limits.checklists[listId]).some((old) => old.includes(itemId)));
    // A step of a path, named as the step before it says: a note "stories" is not the story bank.
    function label(step, i, path) {
      const rules = { tools: limits.tools, notes: limits.notes.fields }[path[i - 1]];
      if (typeof step === "number") return G.format(config.item, { n: step + 1 });
      if (rules && has(rules, step)) return rules[step].label;
      if (step === "notes" || step === "details") return limits[step].label;
      return has(config.sections, step) ? config.sections[step] : step;
    }
    function fail(word, path, values) {
      const where = G.format(config.where, { path: path.map(label).join(config.pathJoin) });
      throw new Refusal(G.format(config[word], { where, ...values }));
    }
    function expectKind(value, kind, path) {
      const found = kindOf(value);
      if (found !== kind) fail("wrongType", path, { expected: config.kinds[kind], found: config.kinds[found] });
    }
    function keepUnknown(value, name = "") {
      unknown.count += 1;
      const fits = JSON.stringify(value).length <= limits.unknownChars && unknown.kept < limits.unknownKept &&
        depthOf(value) <= limits.unknownDepth && name.length <= limits.idChars;
      if (fits) unknown.kept += 1;
      return fits;
    }
    function checkValue(value, rule, path) {
      if (rule.flag || rule.number) {
        expectKind(value, rule.flag ? "flag" : "number", path);
        return value;
      }
      if (rule.many) {
        expectKind(value, "list", path);
        value.forEach((choice, i) => {
          expectKind(choice, "text", path.concat(i));
          if (!rule.choices.includes(choice)) fail("notAChoice", path.concat(i));
        });
        return [...new Set(value)];
      }
      expectKind(value, "text", path);
      if (rule.choices && !rule.choices.includes(value)) fail("notAChoice", path);
      if (rule.chars && value.length > rule.chars) fail("tooLong", path, { count: value.length, limit: rule.chars });
      const lines = value.split("\n").length;
      if (rule.lines && lines > rule.lines) fail("tooManyLines", path, { count: lines, limit: rule.lines });
      if (rule.required && !value.trim()) fail("required", path);
      if (rule.date && value && !G.isDate(value, config.years)) fail("notADate", path);
      if (rule.time && value && !G.isTime(value)) fail("notATime", path);
      return value;
    }
    function checkFields(raw, fields, path) {
      expectKind(raw, "object", path);
      const out = dict();
      for (const key of Object.keys(fields)) {
        if (has(raw, key)) out[key] = checkValue(raw[key], fields[key], path.concat(key));
        else if (fields[key].required) fail("required", path.concat(key));
      }
      for (const key of Object.keys(raw)) if (!has(fields, key)) keepUnknown(raw[key]); // counted, left out
      return out;
    }
    // One application's parts (or, in a version-1 file, everything). `which` tools belong here:
    // "shared" (stories, offers), "own" (an application's) or "all".
    function parts(data, path, which) {
      const state = { checklists: dict(), notes: dict(), tools: dict() };
      for (const section of ["checklists", "notes", "tools"]) {
        if (has(data, section)) expectKind(data[section], "object", path.concat(section));
      }
      for (const [listId, ticks] of Object.entries(data.checklists || {})) {
        const where = path.concat("checklists", listId);
        if (listId.length > limits.idChars) fail("tooLong", path.concat("checklists"), { count: listId.length, limit: limits.idChars });
        expectKind(ticks, "object", where);
        const kept = dict();
        for (const [itemId, tick] of Object.entries(ticks)) {
          if (checkValue(tick, { flag: true }, where.concat(itemId)) !== true) continue;
          if (itemId.length > limits.idChars) fail("tooLong", where, { count: itemId.length, limit: limits.idChars });
          if (isKnownItem(listId, itemId) || keepUnknown(itemId)) kept[itemId] = true;
        }
        if (Object.keys(kept).length) state.checklists[listId] = kept;
      }
      for (const [key, note] of Object.entries(data.notes || {})) {
        if (has(limits.notes.fields, key)) state.notes[key] = checkValue(note, limits.notes.fields[key], path.concat("notes", key));
        else {
          expectKind(note, "text", path.concat("notes", key));
          if (keepUnknown(note, key)) state.notes[key] = note;
        }
      }
      for (const [tool, value] of Object.entries(data.tools || {})) {
        const where = path.concat("tools", tool);
        const rule = has(limits.tools, tool) ? limits.tools[tool] : null;
        if (!rule) {
          if (keepUnknown(value, tool) && which !== "shared") state.tools[tool] = value; // kept in an application, never shared
          continue;
        }
        if (which !== "all" && !!rule.shared !== (which === "shared")) fail(rule.shared ? "sharedHere" : "ownHere", where);
        if (rule.kind === "list") {
          expectKind(value, "list", where);
          if (value.length > rule.most) fail("tooMany", where, { count: value.length, limit: rule.most });
          state.tools[tool] = value.map((entry, i) => checkFields(entry, rule.fields, where.concat(i)));
        } else {
          state.tools[tool] = checkFields(value, rule.fields, where);
        }
      }
      return state;
    }
    // A file of several applications (the version export writes): each one's details and parts,
    // and the shared tools.
    function several(data) {
      const rule = limits.details;
      const whole = { current: "", applications: [], tools: dict() };
      if (has(data, "current")) whole.current = checkValue(data.current, {}, ["current"]);
      whole.tools = parts({ tools: has(data, "tools") ? data.tools : {} }, [], "shared").tools;
      expectKind(data.applications, "list", ["applications"]);
      if (data.applications.length > rule.most) fail("tooMany", ["applications"], { count: data.applications.length, limit: rule.most });
      if (!data.applications.length) fail("required", ["applications"]);
      const ids = [];
      data.applications.forEach((entry, i) => {
        const path = ["applications", i];
        expectKind(entry, "object", path);
        const id = checkValue(entry.id, {}, path.concat("id"));
        if (!G.layout.scopeId.test(id) || ids.includes(id)) fail("badId", path.concat("id"));
        ids.push(id);
        const details = checkFields(has(entry, "details") ? entry.details : {}, rule.fields, path.concat("details"));
        whole.applications.push({ id, details, state: parts(entry, path, "own") });
      });
      return whole;
    }
    return { unknown, parts, several };
  }

  // Older files kept the interview's date, time and company in the plan: they are the application's.
  function lifted(app) {
    const out = C.lift(app.details, app.state.tools);
    return { ...app, details: out.details, state: { ...app.state, tools: out.tools } };
  }

  // { state, unknown } for a version-1 file, { whole, unknown } for a file of several
  // applications, or { error: the message to show }.
  function parseFile(text, config) {
    if (text.length > config.maxBytes) return { error: config.tooLarge };
    if (tooDeep(text, config.limits.maxDepth)) return { error: config.tooDeep };
    let data;
    try {
      data = JSON.parse(text, (k, v) => (isObject(v) ? Object.assign(dict(), v) : v));
    } catch (error) {
      return { error: config.notJson };
    }
    if (!isObject(data) || data.format !== config.format) return { error: config.notOurs };
    if (data.version !== config.version && data.version !== config.oneApplication) return { error: config.otherVersion };
    const check = checker(config);
    try {
      if (data.version === config.version) {
        const whole = check.several(data);
        whole.applications = whole.applications.map(lifted);
        return { whole, unknown: check.unknown };
      }
      return { state: check.parts(data, [], "all"), unknown: check.unknown };
    } catch (error) {
      if (error instanceof Refusal) return { error: error.message };
      return { error: config.damaged };
    }
  }

  const hasText = (entry, fields) => isObject(entry) && Object.keys(entry).some((key) =>
    typeof entry[key] === "string" && entry[key].trim() !== "" && !(has(fields, key) && fields[key].choices));

  // How much of each part a state holds: what the review shows and what merge fills in.
  function countState(state, limits) {
    const counts = { ticks: 0, notes: 0 };
    for (const [listId, ticks] of Object.entries(state.checklists || {})) {
      for (const itemId of Object.keys(ticks || {})) {
        if (ticks[itemId] === true && has(limits.checklists, listId) && has(limits.checklists[listId], itemId)) counts.ticks += 1;
      }
    }
    for (const key of Object.keys(limits.notes.fields)) if (G.text((state.notes || {})[key]).trim()) counts.notes += 1;
    for (const [tool, rule] of Object.entries(limits.tools)) {
      const value = (state.tools || {})[tool];
      counts[tool] = rule.kind === "list" ? (Array.isArray(value) ? value.filter((e) => hasText(e, rule.fields)).length : 0)
        : hasText(value, rule.fields) ? 1 : 0;
    }
    return counts;
  }

  const isEmpty = (counts) => Object.values(counts).every((n) => !n);

  // Merge: every tick of both, the file's entries whose merge key is new (while there is room),
  // and the file's other parts only where the reader's are empty.
  function mergeStates(mine, file, limits) {
    const out = copy(mine);
    const counts = countState(mine, limits);
    for (const [listId, ticks] of Object.entries(file.checklists)) out.checklists[listId] = { ...ticks, ...out.checklists[listId] };
    for (const [key, note] of Object.entries(file.notes)) if (!G.text(out.notes[key]).trim()) out.notes[key] = note;
    for (const [tool, value] of Object.entries(file.tools)) {
      const rule = has(limits.tools, tool) ? limits.tools[tool] : null;
      if (rule && rule.merge && Array.isArray(out.tools[tool])) {
        const keys = out.tools[tool].map((entry) => (isObject(entry) ? entry[rule.merge] : ""));
        for (const entry of value) {
          if (!keys.includes(entry[rule.merge]) && out.tools[tool].length < rule.most) out.tools[tool].push(entry);
        }
      } else if (!has(counts, tool) ? !has(out.tools, tool) : !counts[tool]) {
        out.tools[tool] = value;
      }
    }
    return out;
  }

  const shared = (tools) => ({ checklists: dict(), notes: dict(), tools });
  const key = (details) => [details.company, details.role].map((part) => G.text(part).trim().toLowerCase()).join("\n");

  /* Merge by application: each of the file's applications is joined with the reader's of the same
     company and role, or added while there is room (`fate` says which, for the review); the shared
     parts merge as one application's do. Offers linked to one of the file's applications stay
     linked to it (a Map: an id is data, whatever it is). */
  function mergeWholes(mine, file, config) {
    const out = copy(mine);
    const joined = [];
    const links = new Map();
    const fate = dict();
    const taken = () => out.applications.map((app) => app.id).concat(file.applications.map((app) => app.id));
    file.applications.forEach((app, i) => {
      let match = out.applications.find((own) => !joined.includes(own.id) && key(own.details) === key(app.details));
      if (match) {
        for (const [field, value] of Object.entries(app.details)) {
          if (field !== "added" && !G.text(match.details[field]).trim()) match.details[field] = value;
        }
        match.state = mergeStates(match.state, app.state, config.limits);
        fate[app.id] = "join";
      } else if (out.applications.filter((own) => !G.isUntitled(own.details) || !isEmpty(countState(own.state, config.limits))).length < config.max) {
        out.applications = out.applications.filter((own) => !G.isUntitled(own.details) || !isEmpty(countState(own.state, config.limits)));
        const id = out.applications.some((own) => own.id === app.id) ? G.newId(taken()) : app.id;
        match = { id, details: { ...app.details, added: Date.now() + i }, state: app.state };
        out.applications.push(match);
        fate[app.id] = "add";
      } else {
        fate[app.id] = "full";
        return;
      }
      joined.push(match.id);
      links.set(app.id, match.id);
    });
    const offers = Object.keys(config.limits.tools).find((tool) => config.limits.tools[tool].link);
    const before = JSON.stringify(out.tools[offers]);
    out.tools = mergeStates(shared(out.tools), shared(file.tools), config.limits).tools;
    if (offers && Array.isArray(out.tools[offers]) && JSON.stringify(out.tools[offers]) !== before) {
      const link = config.limits.tools[offers].link;
      out.tools[offers] = out.tools[offers].map((offer) => ({ ...offer, [link]: G.text(offer[link]) ? links.get(offer[link]) || "" : "" }));
    }
    return { whole: out, fate };
  }

  function totals(whole, limits) {
    const sum = { applications: whole.applications.length, ticks: 0, notes: 0 };
    for (const app of whole.applications) {
      const counts = countState(app.state, limits);
      sum.ticks += counts.ticks;
      sum.notes += counts.notes;
    }
    return sum;
  }

  // The lines of a count: "3 ticked checklist items" ... (none: no lines).
  function countLines(counts, config) {
    return Object.keys(counts).filter((part) => counts[part]).map((part) => {
      const words = config.summary[part] || config.limits.tools[part].summary;
      return G.format(words[counts[part] === 1 ? 0 : 1], { count: counts[part] });
    });
  }

  const nameOf = (details, config) => (G.isDate(details.date) ? G.format(config.dated, { name: G.nameOf(details),
    date: G.when(details.date) }) : G.nameOf(details));

  // The reader's current application in a dump: found, or made for the untitled first one.
  function currentIn(whole) {
    let app = whole.applications.find((entry) => entry.id === G.scope());
    if (!app) whole.applications.push(app = { id: G.scope(), details: dict(), state: shared(dict()) });
    return app;
  }

  // What a version-1 file (one application) makes of everything the reader keeps: `how` is
  // replace, merge (into the current one) or new (beside it). { whole, counts, name } or { error }.
  function withOne(state, how, config) {
    const whole = C.dump();
    const limits = config.limits;
    const { details, tools } = C.lift(dict(), state.tools);
    const own = { checklists: state.checklists, notes: state.notes, tools: dict() };
    const common = dict();
    for (const [tool, value] of Object.entries(tools)) (has(limits.tools, tool) && limits.tools[tool].shared ? common : own.tools)[tool] = value;
    if (how === "new") {
      if (G.isFull()) return { error: config.full };
      const id = G.newId(whole.applications.map((app) => app.id));
      whole.applications = whole.applications.filter((app) => !G.isUntitled(app.details) || !isEmpty(countState(app.state, limits)));
      whole.applications.push({ id, details: { ...details, added: Date.now() }, state: own });
      whole.tools = mergeStates(shared(whole.tools), shared(common), limits).tools;
      whole.current = id;
      return { whole, counts: countState(own, limits), name: G.nameOf(details) };
    }
    const app = currentIn(whole);
    if (how === "merge") {
      app.state = mergeStates(app.state, own, limits);
      for (const [field, value] of Object.entries(details)) if (!G.text(app.details[field]).trim()) app.details[field] = value;
      whole.tools = mergeStates(shared(whole.tools), shared(common), limits).tools;
    } else {
      app.state = own;
      app.details = { ...app.details, ...details };
      whole.tools = common;
    }
    return { whole, counts: countState(app.state, limits) };
  }

  function showLines(list, lines, config) {
    list.textContent = "";
    for (const line of lines.length ? lines : [{ text: config.nothing }]) {
      const item = list.appendChild(document.createElement("li"));
      item.textContent = line.text;
      if (line.id) item.setAttribute("data-progress-application", line.id);
    }
  }

  const isEmptyWhole = (whole, limits) => whole.applications.every((app) => isEmpty(countState(app.state, limits)) &&
    G.isUntitled(app.details) && !G.isDate(app.details.date)) && isEmpty(countState(shared(whole.tools), limits));

  const reviews = new WeakMap(); // the tools element -> its review's state, made on the first file

  // The review of a checked file, then what the reader chooses.
  function reviewOf(tools, config) {
    if (reviews.has(tools)) return reviews.get(tools);
    const limits = config.limits;
    const find = (hook) => tools.querySelector(`[${hook}]`);
    const input = find("data-progress-import");
    const review = find("data-progress-review");
    const buttons = { replace: find("data-progress-replace"), merge: find("data-progress-merge"), new: find("data-progress-new") };
    const state = { pending: null };
    // A message replaces the last; a refused file also marks the picker (aria-invalid="true").
    const say = (message, options = {}) => {
      G.say(tools, message, options);
      if (options.refused) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    };
    const refuse = (message) => say(message, { error: true, refused: true });
    // What was written, in words: exactly what is now stored, and the file's data left out.
    function done(result, message, values, unknown) {
      state.pending = null;
      review.hidden = true;
      if (result === false) say(config.noRoom, { error: true });
      else if (result === "memory") say(config.notKept, { error: true });
      else say([G.format(message, values), ...unknownLines(unknown, config).map((line) => line + ".")].join(" "));
      input.focus();
    }
    function apply(how) {
      const pending = state.pending;
      if (!pending) return;
      if (pending.whole) {
        const whole = how === "merge" ? mergeWholes(C.dump(), pending.whole, config).whole : copy(pending.whole);
        if (how === "merge") whole.current = G.scope();
        done(C.replaceAll(whole), how === "merge" ? config.mergedSeveral : config.restoredSeveral, totals(whole, limits),
          pending.unknown);
        return;
      }
      // Checked again now: another tab may have added the last application since the review showed.
      const made = withOne(pending.state, how, config);
      if (made.error) {
        refuse(made.error);
        return;
      }
      done(C.replaceAll(made.whole), how === "new" ? config.addedNew : how === "merge" ? config.merged : config.restored,
        { ticks: made.counts.ticks, notes: made.counts.notes, name: made.name }, pending.unknown);
    }
    function showOne(result) {
      const here = G.nameOf(G.application());
      showLines(find("data-progress-file"), countLines(countState(result.state, limits), config)
        .concat(unknownLines(result.unknown, config)).map((text) => ({ text })), config);
      const mine = C.dump();
      const app = currentIn(mine);
      showLines(find("data-progress-current"), countLines(countState({ ...app.state, tools: { ...app.state.tools, ...mine.tools } }, limits), config)
        .map((text) => ({ text })), config);
      const full = G.isFull();
      return { current: G.format(config.currentOne, { name: here }),
        explain: G.format(config.explainOne, { name: here }) + (full ? " " + config.newFull : ""),
        replace: G.format(config.replaceOne, { name: here }), merge: G.format(config.mergeOne, { name: here }), new: !full };
    }
    function showSeveral(result) {
      const mine = C.dump();
      const { fate } = mergeWholes(mine, result.whole, config);
      const lines = (whole, withFate) => whole.applications.map((app) => {
        const parts = countLines(countState(app.state, limits), config);
        let line = G.format(config.applicationLine, { name: nameOf(app.details, config), parts: parts.length ? parts.join(", ") : config.nothing });
        if (withFate) line += " " + G.format(config.fates[fate[app.id]], { max: config.max });
        return { text: line, id: app.id };
      }).concat(countLines(countState(shared(whole.tools), limits), config).map((text) => ({ text })));
      showLines(find("data-progress-file"), lines(result.whole, true).concat(unknownLines(result.unknown, config).map((text) => ({ text }))), config);
      showLines(find("data-progress-current"), lines(mine, false), config);
      return { current: config.currentAll, explain: config.explainAll, replace: config.replaceAll, merge: config.mergeAll, new: false };
    }
    // The open review, drawn from what this browser holds now (again when another tab changes it).
    function show() {
      const result = state.pending;
      const shown = result.whole ? showSeveral(result) : showOne(result);
      find("data-progress-current-title").textContent = shown.current;
      find("data-progress-explain").textContent = shown.explain;
      buttons.replace.textContent = shown.replace;
      buttons.merge.textContent = shown.merge;
      buttons.new.hidden = !shown.new;
    }
    function ask(result) {
      state.pending = result;
      if (isEmptyWhole(C.dump(), limits)) return apply("replace"); // nothing would be replaced: nothing to ask
      show();
      say(config.reviewing);
      review.hidden = false;
      find("data-progress-review-title").focus();
      return undefined;
    }
    for (const [how, button] of Object.entries(buttons)) button.addEventListener("click", () => apply(how));
    find("data-progress-cancel").addEventListener("click", () => {
      state.pending = null;
      review.hidden = true;
      say(config.cancelled);
      input.focus();
    });
    const api = { ask, state, refuse, review, refresh: () => state.pending && show() };
    reviews.set(tools, api);
    return api;
  }

  function unknownLines(unknown, config) {
    return unknown && unknown.count ? [G.format(config.summary.unknown[unknown.count === 1 ? 0 : 1], unknown)] : [];
  }

  // The reader picked `file` in the progress tools `tools`.
  function review(tools, config, file) {
    const api = reviewOf(tools, config);
    const input = tools.querySelector("[data-progress-import]");
    api.state.pending = null;
    api.review.hidden = true;
    if (file.size > config.maxBytes) {
      input.value = "";
      api.refuse(config.tooLarge);
      return;
    }
    Promise.all([file.text(), styled()]).then(([text]) => {
      input.value = "";
      const result = parseFile(text, config);
      if (result.error) api.refuse(result.error);
      else api.ask(result);
    }, () => api.refuse(config.unopened));
  }

  // The data changed (another tab, a switch): an open review shows what this browser holds now.
  const refresh = (tools) => reviews.has(tools) && reviews.get(tools).refresh();

  // The review's styles (progress-import.css) come with this script, and are in place before a
  // review shows. Material's instant navigation drops a link the page did not come with, so each
  // review asks for them again.
  const STYLES = document.currentScript.src.replace(/\.js$/, ".css");
  let styles = null; // { link, ready }
  function styled() {
    if (!styles || !document.head.contains(styles.link)) {
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = STYLES;
      styles = { link, ready: new Promise((resolve) => (link.onload = link.onerror = resolve)) };
      document.head.append(link);
    }
    return styles.ready;
  }
  styled();

  G.need("guide-changes").then((changes) => {
    C = changes;
    G.register("progress-import", { exports: { review, refresh, parseFile, countState, mergeStates, mergeWholes, tooDeep } });
  });
})();
