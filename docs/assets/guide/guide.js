/* The core, on every page: the component registry and the few values it needs itself. On a
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

  /* ---------- The component registry ---------- */

  const features = dict(); // name -> { mount, exports }
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

  function mountFeature(name, before) {
    const feature = features[name];
    if (!feature.mount) return;
    if (before) before();
    document.querySelectorAll(`[data-guide-component="${name}"]:not([data-guide-mounted], [data-guide-failed])`)
      .forEach((element) => {
        try {
          const refresh = feature.mount(element, { config: configOf(element, name) });
          element.setAttribute("data-guide-mounted", "");
          // Its script replaces what watched it while it waited (guide-wake.js).
          mounted = mounted.filter((entry) => entry.element !== element).concat({ element, refresh });
          element.setAttribute(element.getAttribute("data-guide-ready"), ""); // its hook (macros/markup.py)
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

  // Whether this browser holds any of the reader's data, the layout's mark aside (true when it
  // refuses storage: guide-data.js then says so).
  function holdsData() {
    try {
      return Object.keys(localStorage).some((key) => key.startsWith(core.prefix) && key !== core.layout);
    } catch (error) {
      return true;
    }
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
    // `before` runs once the script is there, just before its elements mount.
    const start = (name) => (before) =>
      need("guide-data").then(() => need(name)).then(() => mountFeature(name, before), failAll(name));
    // Tools most visits only look at (data-guide-wake) load when used (guide-wake.js), on a page
    // whose tools all are such: a page that loads a tool at once loads every tool at once. With
    // nothing saved, the reader's data loads with the first tool used too.
    const waiting = [...names].every((name) => document.querySelector(`[data-guide-component="${name}"][data-guide-wake]`));
    (waiting && !holdsData() ? Promise.resolve() : need("guide-data").then(() => G.showNotice()))
      .then(() => waiting ? need("guide-wake").then((wake) => names.forEach((name) => wake.wait(name, start(name))))
        : names.forEach((name) => start(name)()))
      .catch((error) => names.forEach((name) => failAll(name)(error)));
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
    // A tool not mounted yet that still shows saved data again (guide-wake.js, while it waits).
    watch: (element, refresh) => mounted.push({ element, refresh }),
    core: () => core,
    words: () => core.words,
    util: { dict, isObject, has, parse, copy },
    text,
    // The helpers of the reader's tools (format, say, when...) come with guide-data.js.
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
