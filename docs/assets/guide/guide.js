/* The core, on every page: the component registry and the helpers every feature shares. On a
   page with tools it first loads guide-data.js, the reader's data (storage and applications).
   How they fit together: ARCHITECTURE.md. */
(() => {
  "use strict";

  const SCRIPT = document.currentScript.src;
  // The built site serves minified files (guide.min.js and its features' .min files).
  const MIN = /\.min\.js$/.test(SCRIPT) ? ".min" : "";
  let core = null; // the page's core configuration (macros/core.py), from the first page with tools

  /* ---------- Values ---------- */

  const dict = () => Object.create(null);
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
  const text = (v) => (typeof v === "string" ? v : "");
  // Objects without a prototype: an id such as "__proto__" or "constructor" is data, not a field.
  const parse = (json) => JSON.parse(json, (k, v) => (isObject(v) ? Object.assign(dict(), v) : v));
  const copy = (v) => (v === undefined ? v : parse(JSON.stringify(v)));

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

  /* ---------- The component registry ---------- */

  const features = dict(); // name -> { mount, ready, exports }
  const loads = dict(); // name -> { promise, resolve }: a script asked for
  let mounted = []; // { element, refresh } on this page

  // A feature's script, loaded once; resolves with its exports, rejects when it cannot load.
  function need(name) {
    if (!loads[name]) {
      const load = (loads[name] = {});
      load.promise = new Promise((resolve, reject) => {
        load.resolve = resolve;
        if (features[name]) return resolve(features[name].exports || {});
        const script = document.createElement("script");
        script.src = new URL(name + MIN + ".js", SCRIPT).href;
        script.onerror = () => {
          delete loads[name];
          reject(new Error(name + " could not be loaded"));
        };
        document.body.append(script);
      });
    }
    return loads[name].promise;
  }

  // A tool that cannot start says so in its place; the rest of the page goes on.
  function fail(element, error) {
    if (window.console) console.error(error);
    if (element.hasAttribute("data-guide-failed")) return;
    element.setAttribute("data-guide-failed", "");
    const note = document.createElement("p");
    note.className = "sig-failed";
    note.setAttribute("role", "alert");
    note.textContent = core ? core.words.failed : String(error);
    element.prepend(note);
  }

  function configOf(element, name) {
    return JSON.parse(element.getAttribute("data-" + name + "-config") || "{}");
  }

  function mountFeature(name) {
    const feature = features[name];
    if (!feature.mount) return;
    document.querySelectorAll(`[data-guide-component="${name}"]:not([data-guide-mounted], [data-guide-failed])`)
      .forEach((element) => {
        try {
          const refresh = feature.mount(element, { config: configOf(element, name) });
          element.setAttribute("data-guide-mounted", "");
          mounted.push({ element, refresh });
          if (feature.ready) element.setAttribute(feature.ready, "");
        } catch (error) {
          fail(element, error);
        }
      });
    if (G.showNotice) G.showNotice();
  }

  // The head links them on pages opened directly; this covers pages reached by instant navigation.
  function ensureStyles(name) {
    if (document.querySelector(`link[data-guide-styles="${name}"]`)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = new URL(name + MIN + ".css", SCRIPT).href;
    link.setAttribute("data-guide-styles", name);
    document.head.append(link);
  }

  // Every tool on the page: the reader's data first (guide-data.js), then each feature once.
  function mountPage() {
    mounted = mounted.filter((entry) => document.contains(entry.element));
    const holder = document.querySelector("[data-guide-core]");
    if (holder && !core) core = JSON.parse(holder.getAttribute("data-guide-core"));
    const names = new Set([...document.querySelectorAll("[data-guide-component]")]
      .map((element) => element.getAttribute("data-guide-component")).filter((name) => /^[a-z-]+$/.test(name)));
    if (!names.size) return;
    const failAll = (name) => (error) =>
      document.querySelectorAll(`[data-guide-component="${name}"]`).forEach((element) => fail(element, error));
    for (const name of names) ensureStyles(name);
    need("guide-data").then(() => {
      for (const name of names) need(name).then(() => mountFeature(name), failAll(name));
      G.showNotice();
    }, (error) => names.forEach((name) => failAll(name)(error)));
  }

  /* The saved data changed (an import, another tab, a switch): each feature shows it again, and
     what this tab writes next is measured from what it shows now. `reason`: switched (another
     application: even the field the reader is in shows its data), external (another tab), gone
     (this tab's application was deleted elsewhere: its name), cleared (all data cleared elsewhere). */
  function refreshPage(reason) {
    for (const entry of mounted) {
      if (typeof entry.refresh !== "function") continue;
      try {
        entry.refresh(reason || {});
      } catch (error) {
        fail(entry.element, error);
      }
    }
    if (G.showNotice) G.showNotice();
  }

  const G = (window.SecondInterviewGuide = {
    register(name, feature) {
      features[name] = feature;
      if (loads[name]) loads[name].resolve(feature.exports || {});
      mountFeature(name);
    },
    need,
    refresh: refreshPage,
    core: () => core,
    words: () => core.words,
    util: { dict, isObject, has, parse, copy },
    format,
    text,
    plain,
    isDate,
    isTime,
    when,
    today,
    say,
    invalid,
    confirmTwice,
  });

  // A search that finds nothing offers the sections (guide-search.js, loaded when the reader searches).
  document.addEventListener("input", (event) => {
    if (event.target.matches && event.target.matches(".md-search__input")) need("guide-search");
  }, true);

  // document$ emits each page of Material's instant navigation, and replays the current one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountPage);
  } else {
    mountPage();
  }
})();
