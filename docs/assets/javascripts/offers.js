/* The offer comparison (macros/offers.py): up to three offers totalled per year. Which amounts
   count in which total, the units and every message come from the page's configuration. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  // Ignores spaces, commas and one leading $ € £ ¥; a dot is decimal. Empty: null; bad: NaN.
  function parseAmount(value, config) {
    var t = String(value === null || value === undefined ? "" : value).replace(/\s/g, "");
    if (!t) return null;
    t = t.replace(/,/g, "").replace(/^[$€£¥]/, "");
    var whole = t.split(".")[0];
    return /^(\d+(\.\d*)?|\.\d+)$/.test(t) && whole.length <= config.maxDigits ? +t : NaN;
  }

  // A used offer needs a base; a unit of config.percent means a percentage of the base. Each
  // total is null while any field is wrong.
  function offerTotals(fields, config) {
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
      var value = parseAmount(inPercent(key) ? raw.replace(/%\s*$/, "") : raw, config);
      if (Number.isNaN(value)) errors[key] = config.notANumber;
      n[key] = value || 0;
      used = used || !!raw.trim();
    });
    if (used && !errors[config.base] && !G.text(f[config.base]).trim()) errors[config.base] = config.noBase;
    amounts.forEach(function (key) {
      if (inPercent(key)) n[key] *= n[config.base] / 100;
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

  function showOffers(root, offers, config) {
    var results = offers.map(function (offer) {
      return offerTotals(offer, config);
    });
    root.querySelectorAll("[data-offers-error]").forEach(function (slot) {
      var offer = slot.getAttribute("data-offers-offer");
      var key = slot.getAttribute("data-offers-error");
      var error = results[offer - 1].errors[key] || "";
      if (slot.textContent !== error) slot.textContent = error;
      root.querySelector('[data-offers-field="' + key + '"][data-offers-offer="' + offer + '"]')
        .setAttribute("aria-invalid", String(!!error));
    });
    Object.keys(config.totals).forEach(function (kind) {
      var sums = results.map(function (r) {
        return r.used && r[kind] !== null ? Math.round(r[kind]) : null;
      });
      var valid = sums.filter(function (sum) {
        return sum !== null;
      });
      var best = Math.max.apply(Math, valid);
      root.querySelectorAll('[data-offers-total="' + kind + '"]').forEach(function (cell) {
        var i = cell.getAttribute("data-offers-offer") - 1;
        var sum = sums[i];
        var note = valid.length < 2 || sum === null ? "" : sum === best ? config.highest :
          G.format(config.less, { amount: (best - sum).toLocaleString(config.locale) });
        cell.querySelector("[data-offers-sum]").textContent = !results[i].used ? "" :
          sum === null ? config.fix : sum.toLocaleString(config.locale);
        cell.querySelector("[data-offers-note]").textContent = note;
        cell.classList.toggle("sig-offers__best", note === config.highest);
      });
    });
  }

  // The table's fields as one object per offer; with `fromStore`, first filled from storage.
  function offerFields(root, config, fromStore) {
    var saved = G.read(config.store, []);
    var offers = [];
    for (var i = 0; i < config.offers; i += 1) offers.push({});
    root.querySelectorAll("[data-offers-field]").forEach(function (field) {
      var index = field.getAttribute("data-offers-offer") - 1;
      var key = field.getAttribute("data-offers-field");
      if (fromStore) {
        var value = G.text(((Array.isArray(saved) ? saved : [])[index] || {})[key]);
        field.value = field.maxLength > 0 ? value.slice(0, field.maxLength) : value;
        if (field.selectedIndex < 0) field.selectedIndex = 0;
      }
      offers[index][key] = field.value;
    });
    showOffers(root, offers, config);
    return offers;
  }

  function mount(root, context) {
    var config = context.config;
    function fill() {
      offerFields(root, config, true);
    }
    function save() {
      G.write(config.store, offerFields(root, config, false));
    }
    root.addEventListener("input", save);
    root.addEventListener("change", save);
    G.confirmTwice(root.querySelector("[data-offers-clear]"), function () {
      G.write(config.store, []);
      fill();
    });
    fill();
    return fill;
  }

  G.register("offers", {
    mount: mount,
    ready: "data-offers-ready",
    exports: { parseAmount: parseAmount, offerTotals: offerTotals },
  });
})();
