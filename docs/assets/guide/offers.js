/* The offer comparison (macros/offers.py): up to three offers totalled per year. Which amounts
   count in which total, the units and every message come from the page's configuration. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  // The reader's language's group and decimal marks, as the browser writes numbers.
  function separators(locale) {
    var marks = { group: ",", decimal: "." };
    try {
      new Intl.NumberFormat(locale || undefined).formatToParts(1234567.5).forEach(function (part) {
        if (part.type === "group" || part.type === "decimal") marks[part.type] = part.value;
      });
    } catch (error) {
      // an unknown language: the marks above
    }
    return marks;
  }

  // "1" or "1_234" or "12_345_678": digits in groups of three after the first.
  var GROUPED = /^\d{1,3}(_\d{3})*$/;

  // The amount as typed, read in the reader's `locale`: { value } (null when empty), or
  // { error: "bad" | "ambiguous" }. Spaces and apostrophes group digits; one leading $ € £ ¥ is
  // allowed. When dots and commas both appear, the last is the decimal mark. A lone mark followed
  // by three digits ("52.000") is a group mark only where the language groups with it, and could
  // mean two amounts elsewhere; a lone mark that cannot group ("5,2") is a decimal mark only where
  // the language says so. A number is never read two ways, so "52.000" is never 52.
  function readAmount(value, config, locale) {
    var t = String(value === null || value === undefined ? "" : value).trim();
    if (!t) return { value: null };
    var marks = separators(locale);
    t = t.replace(/^[$€£¥]/, "").trim().replace(/[\s'’]+/g, "_");
    var bad = { error: "bad" };
    if (!/^[\d_.,]*\d[\d_.,]*$/.test(t)) return bad;
    var dots = t.split(".").length - 1;
    var commas = t.split(",").length - 1;
    var whole = t;
    var fraction = "";
    if (dots && commas) {
      var decimal = t.lastIndexOf(".") > t.lastIndexOf(",") ? "." : ",";
      if ((decimal === "." ? dots : commas) !== 1) return bad;
      whole = t.slice(0, t.lastIndexOf(decimal)).split(decimal === "." ? "," : ".").join("_");
      fraction = t.slice(t.lastIndexOf(decimal) + 1);
    } else if (dots + commas > 1) {
      whole = t.split(dots ? "." : ",").join("_"); // a mark used twice groups
    } else if (dots + commas === 1) {
      var mark = dots ? "." : ",";
      var before = t.split(mark)[0];
      var after = t.split(mark)[1];
      var couldGroup = t.indexOf("_") === -1 && GROUPED.test(before) && /^[1-9]/.test(before) &&
        /^\d{3}$/.test(after);
      if (couldGroup && mark !== marks.group) return { error: "ambiguous" };
      if (!couldGroup && mark === marks.group && mark !== marks.decimal) return { error: "ambiguous" };
      whole = couldGroup ? before + "_" + after : before;
      fraction = couldGroup ? "" : after;
    }
    if (!/^\d*$/.test(fraction) || !(whole === "" ? fraction : GROUPED.test(whole) || /^\d+$/.test(whole))) {
      return bad;
    }
    whole = whole.replace(/_/g, "");
    if (whole.length > config.maxDigits) return bad;
    return { value: +((whole || "0") + "." + (fraction || "0")) };
  }

  // The amount, or null when empty, or NaN when it is not a number to use.
  function parseAmount(value, config, locale) {
    var read = readAmount(value, config, locale);
    return read.error ? NaN : read.value;
  }

  // A used offer needs a base; a unit of config.percent means a percentage of the base. Each
  // total is null while any field is wrong.
  function offerTotals(fields, config, locale) {
    var f = fields || {};
    var n = {};
    var errors = {};
    var used = !!G.text(f.name).trim();
    var amounts = Object.keys(config.amounts);
    function inPercent(key) {
      return config.units[key] !== undefined && f[config.units[key]] === config.percent;
    }
    amounts.forEach(function (key) {
      var raw = G.text(f[key]);
      var read = readAmount(inPercent(key) ? raw.replace(/%\s*$/, "") : raw, config, locale);
      if (read.error === "ambiguous") {
        errors[key] = G.format(config.ambiguous, { decimal: separators(locale).decimal });
      } else if (read.error) {
        errors[key] = config.notANumber;
      } else if (inPercent(key) && read.value > config.wholePercent) {
        errors[key] = config.overPercent;
      }
      n[key] = read.value || 0;
      used = used || !!raw.trim();
    });
    if (used && !errors[config.base] && !G.text(f[config.base]).trim()) errors[config.base] = config.noBase;
    amounts.forEach(function (key) {
      if (inPercent(key)) n[key] = n[key] * n[config.base] / config.wholePercent;
    });
    var ok = !Object.keys(errors).length;
    var result = { used: used, errors: errors };
    Object.keys(config.totals).forEach(function (total) {
      var sum = 0;
      amounts.forEach(function (key) {
        if (config.totals[total].indexOf(config.amounts[key]) !== -1) sum += n[key];
      });
      result[total] = ok ? sum : null;
    });
    return result;
  }

  // Amounts as the reader's language writes them, to the cent when there are cents.
  function shown(cents, config, locale) {
    var digits = cents % config.cents ? String(config.cents).length - 1 : 0;
    return (cents / config.cents).toLocaleString(locale || undefined,
      { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  // Fills the totals and messages; returns what a screen reader is told of the totals. "Highest"
  // compares what is shown, in whole cents: two totals shown alike are both highest.
  function showOffers(root, offers, config, locale) {
    var results = offers.map(function (offer) {
      return offerTotals(offer, config, locale);
    });
    root.querySelectorAll("[data-offers-error]").forEach(function (slot) {
      var offer = slot.getAttribute("data-offers-offer");
      var key = slot.getAttribute("data-offers-error");
      // Said when the reader leaves the field, not at each key (mount's `say`).
      G.invalid(root.querySelector('[data-offers-field="' + key + '"][data-offers-offer="' + offer + '"]'),
        results[offer - 1].errors[key] || "", true);
    });
    var said = [];
    Object.keys(config.totals).forEach(function (kind) {
      var cents = results.map(function (r) {
        return r.used && r[kind] !== null ? Math.round(r[kind] * config.cents) : null;
      });
      var valid = cents.filter(function (sum) {
        return sum !== null;
      });
      var best = Math.max.apply(Math, valid);
      var offersSaid = [];
      root.querySelectorAll('[data-offers-total="' + kind + '"]').forEach(function (cell) {
        var i = cell.getAttribute("data-offers-offer") - 1;
        var sum = cents[i];
        var note = valid.length < 2 || sum === null ? "" : sum === best ? config.highest :
          G.format(config.less, { amount: shown(best - sum, config, locale) });
        cell.querySelector("[data-offers-sum]").textContent = !results[i].used ? "" :
          sum === null ? config.fix : shown(sum, config, locale);
        cell.querySelector("[data-offers-note]").textContent = note;
        cell.classList.toggle("sig-offers__best", note === config.highest);
        if (sum === null) return;
        var name = G.text(offers[i].name).trim() || G.format(config.offerName, { n: i + 1 });
        offersSaid.push(G.format(note === config.highest ? config.saidHighest : config.saidOffer,
          { name: name, amount: shown(sum, config, locale) }));
      });
      if (offersSaid.length) {
        said.push(G.format(config.said, { total: config.totalNames[kind], offers: offersSaid.join("; ") }));
      }
    });
    return said.join(" ");
  }

  // Each offer's link to an application: one option per application, the deleted ones gone.
  function showLinks(root) {
    root.querySelectorAll("[data-offer-application]").forEach((select) => {
      const chosen = select.value;
      while (select.options.length > 1) select.remove(1);
      for (const { id, record } of G.applications()) select.add(new Option(G.nameOf(record), id));
      select.value = chosen;
    });
  }

  // The table's fields as one object per offer, and what is said of their totals; with
  // `fromStore`, the fields are first filled from storage.
  function offerFields(root, config, fromStore) {
    const saved = G.read(config.store, []);
    let cut = saved.length > config.offers;
    const offers = Array.from({ length: config.offers }, () => ({}));
    root.querySelectorAll("[data-offers-field]").forEach((field) => {
      const index = field.getAttribute("data-offers-offer") - 1;
      const key = field.getAttribute("data-offers-field");
      if (fromStore) {
        const value = G.text((saved[index] || {})[key]);
        cut = cut || (field.maxLength > 0 && value.length > field.maxLength);
        field.value = field.maxLength > 0 ? value.slice(0, field.maxLength) : value;
        if (field.selectedIndex < 0) field.selectedIndex = 0; // a link to an application that is gone
      }
      offers[index][key] = field.value;
    });
    if (fromStore) root.querySelector("[data-guide-cut]").hidden = !cut;
    return { offers, said: showOffers(root, offers, config, navigator.language) };
  }

  function mount(root, { config }) {
    let said = "";
    const linked = {}; // offer -> the application it was linked to when last shown
    function fill() {
      showLinks(root);
      said = offerFields(root, config, true).said;
      root.querySelectorAll("[data-offer-application]").forEach((select) => {
        linked[select.getAttribute("data-offers-offer")] = select.value;
      });
    }
    function save() {
      const now = offerFields(root, config, false);
      said = now.said;
      G.write(config.store, now.offers);
    }
    // Said when the reader leaves a field (not at each key): its error, or the totals.
    function say(target) {
      const slot = target && document.getElementById(target.id + "-error");
      if (slot && slot.textContent) G.say(root, slot.textContent, { error: true });
      else if (said) G.say(root, said);
    }
    // Linking an offer names it after the application's company, unless the reader named it.
    function link(select) {
      if (!select.hasAttribute("data-offer-application")) return;
      const offer = select.getAttribute("data-offers-offer");
      const name = root.querySelector(`[data-offers-field="name"][data-offers-offer="${offer}"]`);
      const company = (id) => G.plain((id && G.application(id) || {}).company).trim();
      if (linked[offer] === select.value) return;
      const chosen = company(select.value);
      if (chosen && (!name.value.trim() || name.value.trim() === company(linked[offer]))) {
        name.value = chosen.slice(0, name.maxLength);
      }
      linked[offer] = select.value;
    }
    root.addEventListener("input", (event) => {
      link(event.target);
      save();
    });
    root.addEventListener("change", (event) => {
      link(event.target);
      save();
      say(event.target);
    });
    G.confirmTwice(root.querySelector("[data-offers-clear]"), () => {
      const before = G.read(config.store, []);
      G.write(config.store, []);
      fill();
      G.say(root, config.cleared, {
        undo() {
          G.write(config.store, before);
          fill();
          return said;
        },
      });
    });
    fill();
    return fill;
  }

  G.register("offers", {
    mount,
    exports: { parseAmount, readAmount, separators, offerTotals },
  });
})();
