/* Offer comparison and story bank (see macros/offer_html.py, stories_html.py). Text is written
   only with textContent or .value. */
(function () {
  "use strict";
  var G = window.SecondInterviewGuide;
  if (!G) return;

  function each(root, selector, fn) {
    root.querySelectorAll(selector).forEach(fn);
  }
  function text(value) {
    return typeof value == "string" ? value : "";
  }
  function attr(el, name) {
    return el.getAttribute("data-" + name);
  }

  // First click asks (data-confirm), second acts.
  function twoClicks(button, act) {
    var face = button.firstChild;
    var plain = face.textContent;
    button.onclick = function () {
      if (face.textContent != plain) return act();
      face.textContent = attr(button, "confirm");
    };
    button.onblur = function () {
      face.textContent = plain;
    };
  }

  var AMOUNTS = "base bonus commission equity signOn retirement pto other".split(" ");

  // Ignores spaces, commas, one leading $ € £ ¥; a dot is decimal. Empty: null; bad: NaN.
  function parseAmount(value) {
    var t = String(value == null ? "" : value).replace(/\s/g, "");
    if (!t) return null;
    t = t.replace(/,/g, "").replace(/^[$€£¥]/, "");
    return /^(\d{1,12}(\.\d*)?|\.\d+)$/.test(t) ? +t : NaN;
  }

  // A used offer needs a base; *Unit "percent" means % of base. Totals null on any error.
  function offerTotals(fields) {
    var f = fields || {};
    var n = {};
    var errors = {};
    var used = !!text(f.name).trim();
    AMOUNTS.forEach(function (key) {
      var raw = text(f[key]);
      var value = parseAmount(f[key + "Unit"] == "percent" ? raw.replace(/%\s*$/, "") : raw);
      if (value !== value) errors[key] = "Enter a number of 0 or more, such as 52000";
      n[key] = value || 0;
      used = used || !!raw.trim();
    });
    if (used && !errors.base && !text(f.base).trim()) errors.base = "Enter the base salary";
    AMOUNTS.forEach(function (key) {
      if (f[key + "Unit"] == "percent") n[key] *= n.base / 100;
    });
    var ongoing = n.base + n.bonus + n.commission + n.equity + n.retirement + n.other;
    var ok = !Object.keys(errors).length;
    return { used: used, errors: errors, firstYear: ok ? ongoing + n.signOn : null, ongoing: ok ? ongoing : null };
  }

  (G.tools = G.tools || {}).offers = { parseAmount: parseAmount, offerTotals: offerTotals };

  function showOffers(root, offers) {
    var results = offers.map(offerTotals);
    each(root, "[data-offers-error]", function (slot) {
      var error = results[attr(slot, "offers-offer") - 1].errors[attr(slot, "offers-error")] || "";
      if (slot.textContent != error) slot.textContent = error;
      document.getElementById(slot.id.slice(0, -6)).setAttribute("aria-invalid", !!error);
    });
    ["firstYear", "ongoing"].forEach(function (kind) {
      var sums = results.map(function (r) {
        return r.used && r[kind] !== null ? Math.round(r[kind]) : null;
      });
      var valid = sums.filter(function (sum) {
        return sum !== null;
      });
      var best = Math.max.apply(Math, valid);
      each(root, '[data-offers-total="' + kind + '"]', function (cell) {
        var i = attr(cell, "offers-offer") - 1;
        var sum = sums[i];
        var note = valid.length < 2 || sum === null ? "" :
          sum == best ? "highest" : (best - sum).toLocaleString("en-US") + " less";
        cell.firstChild.textContent = !results[i].used ? "" :
          sum === null ? "Fix the fields marked" : sum.toLocaleString("en-US");
        cell.lastChild.textContent = note;
        cell.classList.toggle("sig-offers__best", note == "highest");
      });
    });
  }

  function offerFields(root, read) {
    var saved = G.read("offers", []) || [];
    var offers = [{}, {}, {}];
    each(root, "[data-offers-field]", function (field) {
      var i = attr(field, "offers-offer") - 1;
      var key = attr(field, "offers-field");
      if (read) {
        field.value = text((saved[i] || {})[key]).slice(0, 40);
        if (field.selectedIndex < 0) field.selectedIndex = 0;
      }
      offers[i][key] = field.value;
    });
    showOffers(root, offers);
    return offers;
  }

  function mountOffers(root, refresh) {
    if (root.hasAttribute("data-offers-ready")) return refresh && offerFields(root, true);
    root.setAttribute("data-offers-ready", "");
    offerFields(root, true);
    root.oninput = root.onchange = function () {
      G.write("offers", offerFields(root));
    };
    twoClicks(root.querySelector("[data-offers-clear]"), function () {
      G.write("offers", []);
      offerFields(root, true);
    });
  }

  var PARTS = ["title", "situation", "task", "action", "result"];

  function readStories() {
    var saved = G.read("stories", []);
    return (Array.isArray(saved) ? saved : []).filter(function (raw) {
      return raw && text(raw.title).trim();
    }).slice(0, 12).map(function (raw) {
      var story = {
        tags: [].concat(raw.tags).filter(function (tag) {
          return /^(leadership|conflict|failure|teamwork|values|technical)$/.test(tag);
        }),
      };
      PARTS.forEach(function (part) {
        story[part] = text(raw[part]).slice(0, part == "title" ? 60 : 1000);
      });
      return story;
    });
  }

  function showCoverage(stories) {
    each(document, "[data-stories-theme]", function (row) {
      var needs = attr(row, "stories-tags").split(" ");
      var titles = stories.filter(function (story) {
        return story.tags.some(function (tag) {
          return needs.indexOf(tag) >= 0;
        });
      }).map(function (story) {
        return story.title;
      });
      row.classList.toggle("sig-coverage--covered", !!titles.length);
      row.lastChild.textContent = titles.length ? "covered by: " + titles.join(", ") : "no story yet";
    });
    each(document, "[data-story-titles]", function (list) {
      list.textContent = "";
      stories.slice(0, 8).forEach(function (story) {
        list.appendChild(document.createElement("li")).textContent = story.title;
      });
      list.hidden = !stories.length;
    });
  }

  function mountBank(root, refresh) {
    if (root.sigRefresh) return refresh && root.sigRefresh();
    root.setAttribute("data-stories-ready", "");
    var editing = -1;
    function find(name) {
      return root.querySelector("[data-stories-" + name + "]");
    }
    function field(part) {
      return find('field="' + part + '"');
    }
    function say(message) {
      find("message").textContent = message;
    }
    function fillForm(story) {
      PARTS.forEach(function (part) {
        field(part).value = story ? story[part] : "";
      });
      each(root, "[data-stories-tag]", function (box) {
        box.checked = !!story && story.tags.indexOf(box.value) >= 0;
      });
      root.classList.toggle("sig-stories--editing", !!story);
      find("title-error").textContent = "";
    }
    function showList() {
      var stories = readStories();
      var list = find("list");
      list.textContent = "";
      stories.forEach(function (story, index) {
        var item = list.appendChild(find("row").content.firstChild.cloneNode(true));
        item.firstChild.textContent = story.title;
        item.children[1].textContent = story.tags.join(", ");
        each(item, ".sig-vh", function (name) {
          name.textContent = " " + story.title;
        });
        item.querySelector("[data-stories-edit]").onclick = function () {
          editing = index;
          fillForm(story);
          field("title").focus();
        };
        twoClicks(item.querySelector("[data-stories-delete]"), function () {
          stories.splice(index, 1);
          G.write("stories", stories);
          if (editing == index) fillForm(null);
          editing = editing == index ? -1 : editing - (editing > index);
          showList();
          say("Story deleted.");
          find("heading").focus();
        });
      });
      find("count").textContent = stories.length;
      find("empty").hidden = stories.length;
      showCoverage(stories);
    }
    function save() {
      var stories = readStories();
      var story = { tags: [] };
      PARTS.forEach(function (part) {
        story[part] = field(part).value.trim();
      });
      if (!story.title) {
        find("title-error").textContent = "Give your story a title.";
        return field("title").focus();
      }
      if (editing < 0 && stories.length > 11) return say("The bank holds 12 stories: delete one to add another.");
      each(root, "[data-stories-tag]:checked", function (box) {
        story.tags.push(box.value);
      });
      stories.splice(editing < 0 ? 12 : editing, editing < 0 ? 0 : 1, story);
      G.write("stories", stories);
      root.sigRefresh();
      say("Story saved.");
    }
    root.sigRefresh = function () {
      editing = -1;
      fillForm(null);
      showList();
    };
    find("save").onclick = save;
    find("form").onsubmit = function (event) {
      event.preventDefault();
      save();
    };
    find("cancel").onclick = root.sigRefresh;
    showList();
  }

  G.onMount(function (opts) {
    each(document, "[data-offers]", function (root) {
      mountOffers(root, opts.refresh);
    });
    each(document, "[data-stories]", function (root) {
      mountBank(root, opts.refresh);
    });
    showCoverage(readStories());
  });
})();
