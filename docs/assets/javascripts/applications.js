/* The reader's applications (macros/applications.py): which one this tab prepares for, and
   adding, renaming, switching and deleting them. The records and each application's data are
   kept by the core (guide.js, "Applications"); this script is their face. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;
  var undone = []; // deleted this visit, newest last: { id, name }; Undo restores the newest

  function nameOf(record, words) {
    var company = G.text(record && record.company).trim() || words.untitled;
    var role = G.text(record && record.role).trim();
    return G.format(role ? words.option : words.optionNoRole, { company: company, role: role });
  }

  // The ids in the order they were added (the first application first).
  function ordered(list) {
    return Object.keys(list).sort(function (a, b) {
      var byTime = (Number(list[a].added) || 0) - (Number(list[b].added) || 0);
      return byTime || (a > b) - (a < b);
    });
  }

  // Soonest interview first; applications without a date last.
  function bySoonest(list) {
    return ordered(list).sort(function (a, b) {
      var da = G.text(list[a].date) + " " + G.text(list[a].time);
      var db = G.text(list[b].date) + " " + G.text(list[b].time);
      if (!list[a].date !== !list[b].date) return list[a].date ? -1 : 1;
      return (da > db) - (da < db);
    });
  }

  function newId(list) {
    var id;
    do {
      id = "a" + Math.random().toString(36).slice(2, 8);
    } while (Object.prototype.hasOwnProperty.call(list, id));
    return id;
  }

  // Ticks out of all, for one application, counted from the home page's readiness manifest.
  function readinessOf(id, manifest) {
    var checklists = G.readPartIn(id, "checklists") || {};
    var counts = { done: 0, total: 0 };
    Object.keys(manifest).forEach(function (listId) {
      var ticks = checklists[listId] || {};
      Object.keys(manifest[listId].items).forEach(function (itemId) {
        counts.total += 1;
        if (G.isTicked(ticks, itemId, manifest[listId].items[itemId])) counts.done += 1;
      });
    });
    return counts;
  }

  function showList(table, words) {
    var source = document.querySelector("[data-guide-manifest]");
    var manifest = source ? JSON.parse(source.getAttribute("data-guide-manifest")) : {};
    var list = G.applications().list;
    var rows = table.querySelector("[data-application-rows]");
    rows.textContent = "";
    bySoonest(list).forEach(function (id) {
      var record = list[id];
      var row = rows.appendChild(document.createElement("tr"));
      row.setAttribute("data-application-row", id);
      if (id === G.scope()) row.setAttribute("aria-current", "true");
      var when = record.date ? record.date + (record.time ? ", " + record.time : "") : words.noDate;
      [nameOf(record, words), when, G.format(words.ready, readinessOf(id, manifest))].forEach(function (cell, i) {
        var td = row.appendChild(document.createElement(i ? "td" : "th"));
        if (!i) td.setAttribute("scope", "row");
        td.textContent = cell;
      });
    });
  }

  // The printed sheet's header: what the reader entered (no "untitled"), so a blank sheet keeps its title.
  function showHeader(header) {
    var record = G.application();
    if (!record) return;
    var notes = G.readPart("notes") || {};
    var values = {
      company: G.text(record.company).trim(),
      role: G.text(record.role),
      when: [G.text(record.date), G.text(record.time)].filter(Boolean).join(", "),
      place: G.text(record.place),
      contact: G.text(record.contact),
      interviewers: G.text(notes.interviewers).split("\n").map(function (line) {
        return line.trim();
      }).filter(Boolean).join("; "),
    };
    Object.keys(values).forEach(function (key) {
      var slot = header.querySelector('[data-application-header-field="' + key + '"]');
      if (!slot) return;
      slot.textContent = values[key];
      slot.closest("[data-application-header-row]").hidden = !values[key];
    });
  }

  // No records yet: the first application is made from data saved before applications (the
  // first scope), named from the planner's company when there is one (else it is shown with the
  // "untitled" word, which is never stored as a company).
  function ensureFirst(config) {
    if (Object.keys(G.applications().list).length) return;
    var plan = G.readPartIn(G.layout.scope, "tool:" + config.plannerStore) || {};
    var record = { added: 0 };
    config.fields.forEach(function (key) {
      record[key] = config.planned.indexOf(key) !== -1 ? G.text(plan[key]).trim() : "";
    });
    G.saveApplication(G.layout.scope, record, config.planned);
  }

  function mount(bar, context) {
    var config = context.config;
    var words = config.words;
    var switcher = bar.querySelector("[data-application-switcher]");
    var form = bar.querySelector("[data-application-form]");
    var legend = bar.querySelector("[data-application-legend]");
    var addButton = bar.querySelector("[data-application-add]");
    var renameButton = bar.querySelector("[data-application-rename]");
    var undo = bar.querySelector("[data-application-undo]");
    var editing = null; // "" while adding, the id while renaming, null when the form is closed
    var opener = null;

    function say(message) {
      var status = bar.querySelector("[data-application-status]");
      status.textContent = message;
    }

    function field(key) {
      return bar.querySelector('[data-application-field="' + key + '"]');
    }

    function show() {
      var apps = G.applications();
      if (Object.keys(apps.list).length && !Object.prototype.hasOwnProperty.call(apps.list, G.scope())) {
        G.useScope(ordered(apps.list)[0]); // deleted in another tab: refreshes, which shows again
        return;
      }
      switcher.textContent = "";
      ordered(apps.list).forEach(function (id) {
        var option = switcher.appendChild(document.createElement("option"));
        option.value = id;
        option.textContent = nameOf(apps.list[id], words);
      });
      switcher.value = G.scope();
      var last = undone[undone.length - 1];
      undo.hidden = !last;
      bar.querySelector("[data-application-undo-text]").textContent =
        last ? G.format(words.deleted, { name: last.name }) : "";
      document.querySelectorAll("[data-application-list]").forEach(function (table) {
        showList(table, words);
      });
      document.querySelectorAll("[data-application-header]").forEach(function (header) {
        showHeader(header);
      });
    }

    function close() {
      editing = null;
      form.hidden = true;
      addButton.setAttribute("aria-expanded", "false");
      renameButton.setAttribute("aria-expanded", "false");
      config.fields.forEach(function (key) {
        field(key).removeAttribute("aria-invalid");
        bar.querySelector('[data-application-message="' + key + '"]').textContent = "";
      });
    }

    function open(id, button) {
      var record = id ? G.application(id) || {} : {};
      if (!id && Object.keys(G.applications().list).length >= config.max) {
        say(words.full);
        return;
      }
      editing = id;
      opener = button;
      legend.textContent = id ? words.renameLegend : words.addLegend;
      config.fields.forEach(function (key) {
        field(key).value = G.text(record[key]);
      });
      form.hidden = false;
      button.setAttribute("aria-expanded", "true");
      field(config.fields[0]).focus();
    }

    function save() {
      var record = {};
      config.fields.forEach(function (key) {
        var limit = config.limits[key];
        record[key] = field(key).value.trim().slice(0, limit || undefined);
      });
      var missing = config.required.filter(function (key) {
        return !record[key];
      });
      config.fields.forEach(function (key) {
        var bad = missing.indexOf(key) !== -1;
        field(key).toggleAttribute("aria-invalid", bad);
        bar.querySelector('[data-application-message="' + key + '"]').textContent = bad ? words.needCompany : "";
      });
      if (missing.length) {
        field(missing[0]).focus();
        return;
      }
      var id = editing;
      if (id) {
        G.saveApplication(id, record, config.planned);
        close();
        show();
        refreshOthers();
        say(G.format(words.saved, { name: nameOf(record, words) }));
      } else {
        var list = G.applications().list;
        if (Object.keys(list).length >= config.max) {
          say(words.full);
          return;
        }
        id = newId(list);
        record.added = Date.now();
        G.saveApplication(id, record, config.planned);
        close();
        G.useScope(id); // refreshes every feature, this bar included
        say(G.format(words.added, { name: nameOf(record, words) }));
      }
      switcher.focus();
    }

    // A rename changes the planner's fields too: the features show it.
    function refreshOthers() {
      G.useScope(G.scope());
    }

    switcher.addEventListener("change", function () {
      close();
      G.useScope(switcher.value);
      say(G.format(words.switched, { name: nameOf(G.application(), words) }));
    });
    addButton.addEventListener("click", function () {
      if (editing === "") close();
      else open("", addButton);
    });
    renameButton.addEventListener("click", function () {
      if (editing) close();
      else open(G.scope(), renameButton);
    });
    bar.querySelector("[data-application-save]").addEventListener("click", save);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      save();
    });
    // Enter in a field saves, as in a form with one field (this one has several, so the
    // browser would not submit it).
    form.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target.matches("input")) {
        event.preventDefault();
        save();
      }
    });
    bar.querySelector("[data-application-cancel]").addEventListener("click", function () {
      var back = opener;
      close();
      if (back) back.focus();
    });
    G.confirmTwice(bar.querySelector("[data-application-delete]"), function () {
      var list = G.applications().list;
      var id = G.scope();
      var others = ordered(list).filter(function (other) {
        return other !== id;
      });
      if (!others.length) {
        say(words.last);
        return;
      }
      var name = nameOf(list[id], words);
      close();
      G.useScope(others[0]);
      G.removeScope(id);
      undone.push({ id: id, name: name });
      show();
      say(G.format(words.deleted, { name: name }) + " " +
        G.format(words.switched, { name: nameOf(G.application(), words) }));
      bar.querySelector("[data-application-undo-button]").focus();
    });
    bar.querySelector("[data-application-undo-button]").addEventListener("click", function () {
      var last = undone.pop();
      if (!last) return;
      G.restoreScope(last.id);
      G.useScope(last.id);
      say(G.format(words.restored, { name: last.name }));
      switcher.focus();
    });

    G.sharedWithPlanner(config.planned, config.required[0]);
    ensureFirst(config);
    show();
    return show;
  }

  G.register("applications", {
    mount: mount,
    ready: "data-applications-ready",
    exports: { bySoonest: bySoonest, readinessOf: readinessOf },
  });
})();
