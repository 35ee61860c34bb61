/* Export and import of everything the reader saved (macros/progress.py). A file exported once
   keeps importing. An import is checked against the limits the forms enforce (from the page's
   configuration), shown to the reader beside what it would replace, and done only when they
   choose: replace, merge or cancel. A file that is not right changes nothing, and says why. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;
  var INDENT = "  "; // the exported file, readable in a text editor

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function has(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  function kindOf(value) {
    if (value === null || value === undefined) return "nothing";
    if (Array.isArray(value)) return "list";
    return { object: "object", string: "text", boolean: "flag", number: "number" }[typeof value] ||
      "nothing";
  }

  // More than `most` levels of [ and {, counted on the text before it is parsed.
  function tooDeep(text, most) {
    var depth = 0;
    var inString = false;
    for (var i = 0; i < text.length; i += 1) {
      var ch = text.charAt(i);
      if (inString) {
        if (ch === "\\") i += 1;
        else if (ch === "\"") inString = false;
      } else if (ch === "\"") {
        inString = true;
      } else if (ch === "{" || ch === "[") {
        depth += 1;
        if (depth > most) return true;
      } else if (ch === "}" || ch === "]") {
        depth -= 1;
      }
    }
    return false;
  }

  function Refusal(message) {
    this.message = message;
  }

  // The known ticks of a state's checklists, against the page's list of ids (and former ids).
  function isKnownItem(limits, listId, itemId) {
    var items = has(limits.checklists, listId) ? limits.checklists[listId] : null;
    if (!items) return false;
    return has(items, itemId) || Object.keys(items).some(function (id) {
      return items[id].indexOf(itemId) !== -1;
    });
  }

  /* The checks of one file, sharing the count of unknown data: each throws a Refusal naming the
     place and what is wrong. Unknown data (a retired item's tick, a newer guide's part) is kept
     up to a bound. */
  function checker(config) {
    var limits = config.limits;
    var unknown = { count: 0, kept: 0 };
    function label(step) {
      if (typeof step === "number") return G.format(config.item, { n: step + 1 });
      if (has(config.sections, step)) return config.sections[step];
      if (has(limits.notes, step)) return limits.notes[step].label;
      return step;
    }
    function fail(word, path, values) {
      var where = G.format(config.where, { path: path.map(label).join(config.pathJoin) });
      throw new Refusal(G.format(config[word], Object.assign({ where: where }, values || {})));
    }
    function expectKind(value, kind, path) {
      var found = kindOf(value);
      if (found !== kind) fail("wrongType", path, { expected: config.kinds[kind], found: config.kinds[found] });
    }
    function keepUnknown(value, key) {
      unknown.count += 1;
      var fits = JSON.stringify(value).length <= limits.unknownChars && unknown.kept < limits.unknownKept &&
        key !== "__proto__"; // never a key that would change an object's prototype

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
        value.forEach(function (choice, i) {
          expectKind(choice, "text", path.concat(i));
          if (rule.choices.indexOf(choice) === -1) fail("notAChoice", path.concat(i));
        });
        return value.slice();
      }
      expectKind(value, "text", path);
      if (rule.choices && rule.choices.indexOf(value) === -1) fail("notAChoice", path);
      if (rule.chars && value.length > rule.chars) fail("tooLong", path, { count: value.length, limit: rule.chars });
      var lines = value.split("\n").length;
      if (rule.lines && lines > rule.lines) fail("tooManyLines", path, { count: lines, limit: rule.lines });
      if (rule.required && !value.trim()) fail("required", path);
      return value;
    }
    function checkFields(raw, fields, path) {
      expectKind(raw, "object", path);
      var out = {};
      Object.keys(fields).forEach(function (key) {
        if (has(raw, key)) {
          out[key] = checkValue(raw[key], fields[key], path.concat(key));
        } else if (fields[key].required) {
          fail("required", path.concat(key));
        }
      });
      Object.keys(raw).forEach(function (key) {
        if (!has(fields, key)) keepUnknown(raw[key], key); // counted, left out of a known entry
      });
      return out;
    }
    // One application's parts (or, in a version-1 file, everything). `tools` says which tools
    // belong here: "shared" (stories, offers), "own" (an application's) or "all".
    function parts(data, path, tools) {
      var state = { checklists: {}, notes: {}, tools: {} };
      ["checklists", "notes", "tools"].forEach(function (section) {
        if (has(data, section)) expectKind(data[section], "object", path.concat(section));
      });
      var checklists = data.checklists || {};
      Object.keys(checklists).forEach(function (listId) {
        var where = path.concat("checklists", listId);
        if (listId.length > limits.idChars) {
          fail("tooLong", path.concat("checklists"), { count: listId.length, limit: limits.idChars });
        }
        expectKind(checklists[listId], "object", where);
        var ticks = {};
        Object.keys(checklists[listId]).forEach(function (itemId) {
          var tick = checkValue(checklists[listId][itemId], { flag: true }, where.concat(itemId));
          if (tick !== true) return;
          if (itemId.length > limits.idChars) fail("tooLong", where, { count: itemId.length, limit: limits.idChars });
          if (isKnownItem(limits, listId, itemId)) {
            ticks[itemId] = true;
          } else if (keepUnknown(itemId, listId === "__proto__" ? listId : itemId)) {
            ticks[itemId] = true;
          }
        });
        if (Object.keys(ticks).length) state.checklists[listId] = ticks;
      });
      var notes = data.notes || {};
      Object.keys(notes).forEach(function (key) {
        if (has(limits.notes, key)) {
          state.notes[key] = checkValue(notes[key], limits.notes[key], path.concat("notes", key));
        } else {
          expectKind(notes[key], "text", path.concat("notes", key));
          if (keepUnknown(notes[key], key)) state.notes[key] = notes[key];
        }
      });
      var all = data.tools || {};
      Object.keys(all).forEach(function (tool) {
        var value = all[tool];
        var where = path.concat("tools", tool);
        var shared = G.layout.sharedTools.indexOf(tool) !== -1;
        if (tools !== "all" && shared !== (tools === "shared")) {
          fail(shared ? "sharedHere" : "ownHere", where);
        } else if (has(limits.lists, tool)) {
          var rule = limits.lists[tool];
          expectKind(value, "list", where);
          if (value.length > rule.most) fail("tooMany", where, { count: value.length, limit: rule.most });
          state.tools[tool] = value.map(function (entry, i) {
            return checkFields(entry, rule.fields, where.concat(i));
          });
        } else if (has(limits.records, tool)) {
          state.tools[tool] = checkFields(value, limits.records[tool].fields, where);
        } else if (keepUnknown(value, tool) && tools !== "shared") {
          state.tools[tool] = value; // an unknown part is kept in an application, never shared
        }
      });
      return state;
    }
    // A file of several applications (the version export writes): each one's details and parts,
    // and the shared tools.
    function several(data) {
      var rule = limits.applications;
      var whole = { current: "", applications: [], tools: {} };
      if (has(data, "current")) whole.current = checkValue(data.current, {}, ["current"]);
      whole.tools = parts({ tools: has(data, "tools") ? data.tools : {} }, [], "shared").tools;
      expectKind(data.applications, "list", ["applications"]);
      if (data.applications.length > rule.most) {
        fail("tooMany", ["applications"], { count: data.applications.length, limit: rule.most });
      }
      if (!data.applications.length) fail("required", ["applications"]);
      var ids = [];
      data.applications.forEach(function (entry, i) {
        var path = ["applications", i];
        expectKind(entry, "object", path);
        var id = checkValue(entry.id, {}, path.concat("id"));
        if (!G.layout.scopeId.test(id) || ids.indexOf(id) !== -1) fail("badId", path.concat("id"));
        ids.push(id);
        whole.applications.push({ id: id, details: checkFields(has(entry, "details") ? entry.details : {},
          rule.fields, path.concat("details")), state: parts(entry, path, "own") });
      });
      return whole;
    }
    return { unknown: unknown, parts: parts, several: several };
  }

  // { state, unknown } for a version-1 file, { whole, unknown } for a file of several
  // applications, or { error: the message to show }.
  function parseFile(text, config) {
    if (text.length > config.maxBytes) return { error: config.tooLarge };
    if (tooDeep(text, config.limits.maxDepth)) return { error: config.tooDeep };
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return { error: config.notJson };
    }
    if (!isObject(data) || data.format !== config.format) return { error: config.notOurs };
    if (data.version !== config.version && data.version !== config.oneApplication) return { error: config.otherVersion };
    var check = checker(config);
    try {
      if (data.version === config.version) return { whole: check.several(data), unknown: check.unknown };
      return { state: check.parts(data, [], "all"), unknown: check.unknown };
    } catch (error) {
      if (error instanceof Refusal) return { error: error.message };
      return { error: config.damaged };
    }
  }

  function hasText(entry, fields) {
    return isObject(entry) && Object.keys(entry).some(function (key) {
      return typeof entry[key] === "string" && entry[key].trim() !== "" &&
        !(has(fields, key) && fields[key].choices);
    });
  }

  // How much of each part a state holds: what the review shows and what merge fills in.
  function countState(state, limits) {
    var counts = { ticks: 0, notes: 0 };
    var checklists = isObject(state.checklists) ? state.checklists : {};
    Object.keys(checklists).forEach(function (listId) {
      Object.keys(isObject(checklists[listId]) ? checklists[listId] : {}).forEach(function (itemId) {
        if (checklists[listId][itemId] === true && isKnownItem(limits, listId, itemId)) counts.ticks += 1;
      });
    });
    var notes = isObject(state.notes) ? state.notes : {};
    Object.keys(limits.notes).forEach(function (key) {
      if (G.text(notes[key]).trim()) counts.notes += 1;
    });
    var tools = isObject(state.tools) ? state.tools : {};
    Object.keys(limits.lists).forEach(function (tool) {
      var list = Array.isArray(tools[tool]) ? tools[tool] : [];
      counts[tool] = list.filter(function (entry) {
        return hasText(entry, limits.lists[tool].fields);
      }).length;
    });
    Object.keys(limits.records).forEach(function (tool) {
      counts[tool] = hasText(tools[tool], limits.records[tool].fields) ? 1 : 0;
    });
    return counts;
  }

  function isEmpty(counts) {
    return Object.keys(counts).every(function (part) {
      return !counts[part];
    });
  }

  // Merge: every tick of both, the file's stories whose titles are new (while there is room),
  // and the file's other parts only where the reader's are empty.
  function mergeStates(mine, file, limits) {
    var out = JSON.parse(JSON.stringify(mine));
    var counts = countState(mine, limits);
    Object.keys(file.checklists).forEach(function (listId) {
      out.checklists[listId] = Object.assign({}, file.checklists[listId], out.checklists[listId]);
    });
    Object.keys(file.notes).forEach(function (key) {
      if (!G.text(out.notes[key]).trim()) out.notes[key] = file.notes[key];
    });
    Object.keys(file.tools).forEach(function (tool) {
      var rule = has(limits.lists, tool) ? limits.lists[tool] : null;
      if (rule && rule.merge && Array.isArray(out.tools[tool])) {
        var titles = out.tools[tool].map(function (entry) {
          return isObject(entry) ? entry[rule.merge] : "";
        });
        file.tools[tool].forEach(function (entry) {
          if (titles.indexOf(entry[rule.merge]) === -1 && out.tools[tool].length < rule.most) {
            out.tools[tool].push(entry);
          }
        });
      } else if (!has(counts, tool) ? !has(out.tools, tool) : !counts[tool]) {
        out.tools[tool] = file.tools[tool];
      }
    });
    return out;
  }

  // The lines of a count: "3 ticked checklist items" ... (none: no lines).
  function countLines(counts, config) {
    return Object.keys(counts).filter(function (part) {
      return counts[part];
    }).map(function (part) {
      return G.format(config.summary[part][counts[part] === 1 ? 0 : 1], { count: counts[part] });
    });
  }

  function unknownLine(unknown, config) {
    return unknown && unknown.count ? [G.format(config.summary.unknown[unknown.count === 1 ? 0 : 1], unknown)] : [];
  }

  function showLines(list, lines, config) {
    list.textContent = "";
    (lines.length ? lines : [{ text: config.nothing }]).forEach(function (line) {
      var item = list.appendChild(document.createElement("li"));
      item.textContent = line.text;
      if (line.id) item.setAttribute("data-progress-application", line.id);
    });
  }

  function text(line) {
    return { text: line };
  }

  // An application's name as the bar shows it, with its date when it has one.
  function nameOf(details, words) {
    var company = G.text(details.company).trim() || words.untitled;
    var role = G.text(details.role).trim();
    var name = G.format(role ? words.option : words.optionNoRole, { company: company, role: role });
    return G.text(details.date) ? G.format(words.dated, { name: name, date: details.date }) : name;
  }

  // Two applications are the same one when their company and role are.
  function sameName(a, b) {
    function key(details) {
      return [G.text(details.company), G.text(details.role)].map(function (part) {
        return part.trim().toLowerCase();
      }).join("\n");
    }
    return key(a) === key(b);
  }

  function newId(taken) {
    var id;
    do {
      id = ("a" + Math.random().toString(36).replace("0.", "")).slice(0, 7);
    } while (taken.indexOf(id) !== -1);
    return id;
  }

  function idsOf(whole) {
    return whole.applications.map(function (app) {
      return app.id;
    });
  }

  function shared(tools) {
    return { checklists: {}, notes: {}, tools: tools };
  }

  /* Merge by application: each of the file's applications is joined with the reader's of the
     same company and role, or added while there is room (`fate` says which, for the review);
     the shared parts merge as one application's do. Offers linked to one of the file's
     applications stay linked to it. */
  function mergeWholes(mine, file, config) {
    var out = JSON.parse(JSON.stringify(mine));
    var joined = [];
    var links = {};
    var fate = {};
    file.applications.forEach(function (app, i) {
      var match = out.applications.filter(function (own) {
        return joined.indexOf(own.id) === -1 && sameName(own.details, app.details);
      })[0];
      if (match) {
        Object.keys(app.details).forEach(function (key) {
          if (key !== "added" && !G.text(match.details[key]).trim()) match.details[key] = app.details[key];
        });
        match.state = mergeStates(match.state, app.state, config.limits);
        fate[app.id] = "join";
      } else if (out.applications.length < config.application.max) {
        match = { id: idsOf(out).indexOf(app.id) === -1 ? app.id : newId(idsOf(out).concat(idsOf(file))),
          details: Object.assign({}, app.details, { added: Date.now() + i }), state: app.state };
        out.applications.push(match);
        fate[app.id] = "add";
      } else {
        fate[app.id] = "full";
        return;
      }
      joined.push(match.id);
      links[app.id] = match.id;
    });
    var offers = config.application.offersStore;
    var before = JSON.stringify(out.tools[offers]);
    out.tools = mergeStates(shared(out.tools), shared(file.tools), config.limits).tools;
    if (Array.isArray(out.tools[offers]) && JSON.stringify(out.tools[offers]) !== before) {
      out.tools[offers] = out.tools[offers].map(function (offer) {
        var link = config.application.offerLink;
        var linked = Object.assign({}, offer);
        if (G.text(offer[link])) linked[link] = links[offer[link]] || "";
        return linked;
      });
    }
    return { whole: out, fate: fate };
  }

  function totals(whole, limits) {
    var sum = { applications: whole.applications.length, ticks: 0, notes: 0 };
    whole.applications.forEach(function (app) {
      var counts = countState(app.state, limits);
      sum.ticks += counts.ticks;
      sum.notes += counts.notes;
    });
    return sum;
  }

  // Export never fails: a part that cannot be written out is left out, and unreadable stored
  // text goes into the file as it is. Every application is written, and the shared parts.
  function exportProgress(config, say) {
    var whole = { current: "", applications: [], tools: {} };
    try {
      whole = G.dump();
    } catch (error) {
      // nothing readable: an empty file still says so
    }
    var file = { format: config.format, version: config.version, exported: new Date().toISOString(),
      current: whole.current, applications: whole.applications.map(function (app) {
        return { id: app.id, details: app.details, checklists: app.state.checklists, notes: app.state.notes,
          tools: app.state.tools };
      }), tools: whole.tools };
    var unreadable = G.status().unreadable;
    if (Object.keys(unreadable).length) file.unreadable = unreadable;
    var text;
    try {
      text = JSON.stringify(file, null, INDENT);
    } catch (error) {
      [file].concat(file.applications).forEach(function (holder) {
        Object.keys(holder.tools).forEach(function (tool) {
          try {
            JSON.stringify(holder.tools[tool]);
          } catch (toolError) {
            delete holder.tools[tool];
          }
        });
      });
      text = JSON.stringify(file, null, INDENT);
    }
    G.download(G.format(config.fileName, { date: file.exported.split("T")[0] }), "application/json", text);
    say(config.exported);
  }

  function mount(tools, context) {
    var config = context.config;
    var limits = config.limits;
    var words = config.application.words;
    var input = tools.querySelector("[data-progress-import]");
    var review = tools.querySelector("[data-progress-review]");
    var buttons = { replace: "[data-progress-replace]", merge: "[data-progress-merge]", new: "[data-progress-new]" };
    Object.keys(buttons).forEach(function (name) {
      buttons[name] = tools.querySelector(buttons[name]);
    });
    var pending = null; // the checked file, while the reader decides
    function say(message) {
      tools.querySelector("[data-progress-message]").textContent = message;
    }
    function done(kept, message, values) {
      pending = null;
      review.hidden = true;
      say(!kept ? config.notKept : G.format(message, values));
      input.focus();
    }
    function current() {
      return nameOf(G.application() || {}, words);
    }
    // A version-1 file holds one application: into this one (replace or merge), or a new one.
    function applyOne(how) {
      var state = pending.state;
      if (how === "new") {
        var whole = G.dump();
        var plan = isObject(state.tools[config.application.plannerStore]) ? state.tools[config.application.plannerStore] : {};
        var details = { added: Date.now() };
        config.application.fields.forEach(function (key) {
          details[key] = config.application.planned.indexOf(key) !== -1 ? G.text(plan[key]) : "";
        });
        var own = { checklists: state.checklists, notes: state.notes, tools: {} };
        var common = {};
        Object.keys(state.tools).forEach(function (tool) {
          (G.layout.sharedTools.indexOf(tool) !== -1 ? common : own.tools)[tool] = state.tools[tool];
        });
        whole.tools = mergeStates(shared(whole.tools), shared(common), limits).tools;
        whole.current = newId(idsOf(whole));
        whole.applications.push({ id: whole.current, details: details, state: own });
        var counts = countState(own, limits);
        done(G.replaceAll(whole, config.application.planned), config.addedNew,
          { name: nameOf(details, words), ticks: counts.ticks, notes: counts.notes });
        return;
      }
      if (how === "merge") state = mergeStates(G.load(), state, limits);
      var kept = G.replace(state); // every feature on the page shows the new state
      var after = countState(state, limits);
      done(kept, how === "merge" ? config.merged : config.restored, { ticks: after.ticks, notes: after.notes });
    }
    function applySeveral(how) {
      var whole = how === "merge" ? mergeWholes(G.dump(), pending.whole, config).whole : pending.whole;
      if (how === "merge") whole.current = G.scope();
      done(G.replaceAll(whole, config.application.planned), how === "merge" ? config.mergedSeveral :
        config.restoredSeveral, totals(whole, limits));
    }
    function apply(how) {
      if (!pending) return;
      if (pending.whole) applySeveral(how);
      else applyOne(how);
    }
    function isEmptyWhole(whole) {
      return whole.applications.every(function (app) {
        return isEmpty(countState(app.state, limits)) && !G.text(app.details.company).trim();
      }) && isEmpty(countState(shared(whole.tools), limits));
    }
    function showOne(result) {
      var here = current();
      showLines(tools.querySelector("[data-progress-file]"),
        countLines(countState(result.state, limits), config).concat(unknownLine(result.unknown, config)).map(text), config);
      showLines(tools.querySelector("[data-progress-current]"), countLines(countState(G.load(), limits), config).map(text), config);
      var full = Object.keys(G.applications().list).length >= config.application.max;
      return { current: G.format(config.currentOne, { name: here }),
        explain: G.format(config.explainOne, { name: here }) + (full ? " " + config.newFull : ""),
        replace: G.format(config.replaceOne, { name: here }), merge: G.format(config.mergeOne, { name: here }),
        new: !full };
    }
    function showSeveral(result) {
      var mine = G.dump();
      var fate = mergeWholes(mine, result.whole, config).fate;
      function lines(whole, withFate) {
        return whole.applications.map(function (app) {
          var parts = countLines(countState(app.state, limits), config);
          var line = G.format(config.applicationLine, { name: nameOf(app.details, words),
            parts: parts.length ? parts.join(", ") : config.nothing });
          if (withFate) line += " " + G.format(config.fates[fate[app.id]], { max: config.application.max });
          return { text: line, id: app.id };
        }).concat(countLines(countState(shared(whole.tools), limits), config).map(text));
      }
      showLines(tools.querySelector("[data-progress-file]"),
        lines(result.whole, true).concat(unknownLine(result.unknown, config).map(text)), config);
      showLines(tools.querySelector("[data-progress-current]"), lines(mine, false), config);
      return { current: config.currentAll, explain: config.explainAll, replace: config.replaceAll,
        merge: config.mergeAll, new: false };
    }
    function ask(result) {
      pending = result;
      if (result.whole ? isEmptyWhole(G.dump()) : isEmpty(countState(G.load(), limits))) {
        apply("replace"); // nothing would be replaced: nothing to ask
        return;
      }
      var shown = result.whole ? showSeveral(result) : showOne(result);
      tools.querySelector("[data-progress-current-title]").textContent = shown.current;
      tools.querySelector("[data-progress-explain]").textContent = shown.explain;
      buttons.replace.textContent = shown.replace;
      buttons.merge.textContent = shown.merge;
      buttons.new.hidden = !shown.new;
      say("");
      review.hidden = false;
      tools.querySelector("[data-progress-review-title]").focus();
    }
    tools.querySelector("[data-progress-export]").addEventListener("click", function () {
      exportProgress(config, say);
    });
    Object.keys(buttons).forEach(function (how) {
      buttons[how].addEventListener("click", function () {
        apply(how);
      });
    });
    tools.querySelector("[data-progress-cancel]").addEventListener("click", function () {
      pending = null;
      review.hidden = true;
      say(config.cancelled);
      input.focus();
    });
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      pending = null;
      review.hidden = true;
      if (file.size > config.maxBytes) {
        input.value = "";
        say(config.tooLarge);
        return;
      }
      file.text().then(function (text) {
        input.value = "";
        var result = parseFile(text, config);
        if (result.error) {
          say(result.error);
        } else {
          ask(result);
        }
      }, function () {
        say(config.unopened);
      });
    });
  }

  G.register("progress", {
    mount: mount,
    ready: "data-progress-ready",
    exports: { parseFile: parseFile, countState: countState, mergeStates: mergeStates, tooDeep: tooDeep,
      mergeWholes: mergeWholes },
  });
})();
