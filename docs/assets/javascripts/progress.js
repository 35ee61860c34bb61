/* Export and import of everything the reader saved (macros/progress.py). A file exported once
   keeps importing. An import is checked against the limits the forms enforce (from the page's
   configuration), shown to the reader beside what it would replace, and done only when they
   choose: replace, merge or cancel. A file that is not right changes nothing, and says why. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

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

  /* The file's state, checked and bounded, with what it holds; or throws a Refusal naming what
     is wrong. Unknown data (a retired item's tick, a newer guide's part) is kept up to a bound. */
  function checkState(data, config) {
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
      if (rule.flag) {
        expectKind(value, "flag", path);
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
    var state = { checklists: {}, notes: {}, tools: {} };
    ["checklists", "notes", "tools"].forEach(function (section) {
      if (has(data, section)) expectKind(data[section], "object", [section]);
    });
    var checklists = data.checklists || {};
    Object.keys(checklists).forEach(function (listId) {
      var path = ["checklists", listId];
      if (listId.length > limits.idChars) fail("tooLong", ["checklists"], { count: listId.length, limit: limits.idChars });
      expectKind(checklists[listId], "object", path);
      var ticks = {};
      Object.keys(checklists[listId]).forEach(function (itemId) {
        var tick = checkValue(checklists[listId][itemId], { flag: true }, path.concat(itemId));
        if (tick !== true) return;
        if (itemId.length > limits.idChars) fail("tooLong", path, { count: itemId.length, limit: limits.idChars });
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
        state.notes[key] = checkValue(notes[key], limits.notes[key], ["notes", key]);
      } else {
        expectKind(notes[key], "text", ["notes", key]);
        if (keepUnknown(notes[key], key)) state.notes[key] = notes[key];
      }
    });
    var tools = data.tools || {};
    Object.keys(tools).forEach(function (tool) {
      var value = tools[tool];
      if (has(limits.lists, tool)) {
        var rule = limits.lists[tool];
        expectKind(value, "list", ["tools", tool]);
        if (value.length > rule.most) fail("tooMany", ["tools", tool], { count: value.length, limit: rule.most });
        state.tools[tool] = value.map(function (entry, i) {
          return checkFields(entry, rule.fields, ["tools", tool, i]);
        });
      } else if (has(limits.records, tool)) {
        state.tools[tool] = checkFields(value, limits.records[tool].fields, ["tools", tool]);
      } else if (keepUnknown(value, tool)) {
        state.tools[tool] = value;
      }
    });
    return { state: state, unknown: unknown };
  }

  // { state, unknown } or { error: the message to show }.
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
    if (data.version !== config.version) return { error: config.otherVersion };
    try {
      return checkState(data, config);
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

  function showCounts(list, counts, unknown, config) {
    var lines = Object.keys(counts).filter(function (part) {
      return counts[part];
    }).map(function (part) {
      return G.format(config.summary[part][counts[part] === 1 ? 0 : 1], { count: counts[part] });
    });
    if (unknown && unknown.count) {
      lines.push(G.format(config.summary.unknown[unknown.count === 1 ? 0 : 1], unknown));
    }
    list.textContent = "";
    (lines.length ? lines : [config.nothing]).forEach(function (line) {
      list.appendChild(document.createElement("li")).textContent = line;
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

  // Export never fails: a part that cannot be written out is left out, and unreadable stored
  // text goes into the file as it is.
  function exportProgress(config, say) {
    var state = { checklists: {}, notes: {}, tools: {} };
    try {
      state = G.load();
    } catch (error) {
      // nothing readable: an empty file still says so
    }
    var file = { format: config.format, version: config.version, exported: new Date().toISOString(),
      checklists: state.checklists, notes: state.notes, tools: state.tools };
    var unreadable = G.status().unreadable;
    if (Object.keys(unreadable).length) file.unreadable = unreadable;
    var text;
    try {
      text = JSON.stringify(file, null, 2);
    } catch (error) {
      Object.keys(file.tools).forEach(function (tool) {
        try {
          JSON.stringify(file.tools[tool]);
        } catch (toolError) {
          delete file.tools[tool];
        }
      });
      text = JSON.stringify(file, null, 2);
    }
    G.download(G.format(config.fileName, { date: file.exported.split("T")[0] }), "application/json", text);
    say(config.exported);
  }

  function mount(tools, context) {
    var config = context.config;
    var limits = config.limits;
    var input = tools.querySelector("[data-progress-import]");
    var review = tools.querySelector("[data-progress-review]");
    var pending = null; // the checked file, while the reader decides
    function say(message) {
      tools.querySelector("[data-progress-message]").textContent = message;
    }
    function apply(merge) {
      var state = merge ? mergeStates(G.load(), pending.state, limits) : pending.state;
      pending = null;
      review.hidden = true;
      var kept = G.replace(state); // every feature on the page shows the new state
      var counts = countState(state, limits);
      say(!kept ? config.notKept : G.format(merge ? config.merged : config.restored,
        { ticks: counts.ticks, notes: counts.notes }));
      input.focus();
    }
    function ask(result) {
      var current = countState(G.load(), limits);
      pending = result;
      if (isEmpty(current)) {
        apply(false); // nothing would be replaced: nothing to ask
        return;
      }
      showCounts(tools.querySelector("[data-progress-file]"), countState(result.state, limits),
        result.unknown, config);
      showCounts(tools.querySelector("[data-progress-current]"), current, null, config);
      say("");
      review.hidden = false;
      tools.querySelector("[data-progress-review-title]").focus();
    }
    tools.querySelector("[data-progress-export]").addEventListener("click", function () {
      exportProgress(config, say);
    });
    tools.querySelector("[data-progress-replace]").addEventListener("click", function () {
      if (pending) apply(false);
    });
    tools.querySelector("[data-progress-merge]").addEventListener("click", function () {
      if (pending) apply(true);
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
    exports: { parseFile: parseFile, countState: countState, mergeStates: mergeStates, tooDeep: tooDeep },
  });
})();
