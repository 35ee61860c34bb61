/* Tools most visits only look at (data-guide-wake, macros/markup.py `Wake`): the page shows each
   as rendered, which is its empty state, and its script loads once the reader has saved something
   it shows or reaches into it. Until then the tool is marked mounted and ready, so it can be used
   like any other: what the reader does meanwhile is done again once the script is there (what was
   typed or chosen is put back and announced to the script; a button pressed is pressed again). */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const filled = (value) => value !== undefined && value !== null && value !== "" &&
    !(typeof value === "object" && !Object.keys(value).length);

  // Whether the reader has saved something the tool shows: one of its parts (a tool's, or the
  // core's: checklists, notes), or an application (the untitled first one is stored only once
  // something is set on it).
  const inUse = (wake) => wake.parts.some((part) => filled(G.read(part))) ||
    wake.core.some((part) => filled(G.readPart(part))) ||
    (wake.records && G.applications().some((entry) => Object.keys(entry.record).length > 0));

  // `start(before)` loads the reader's data and the feature's script and mounts its elements,
  // calling `before` just before they mount (guide.js). When the reader's data is not loaded yet,
  // the browser holds none of it (guide.js asked).
  function wait(name, start) {
    const loaded = Boolean(G.read);
    const elements = [...document.querySelectorAll(`[data-guide-component="${name}"][data-guide-wake]:not([data-guide-mounted])`)];
    if (!elements.length) return;
    const wake = JSON.parse(elements[0].getAttribute("data-guide-wake"));
    const typed = new Set();
    const pressed = []; // in order: a button pressed twice (Delete, then Delete again) is pressed twice
    let woken = null;
    let pressing = false;

    // Nothing loads while a pointer is held down: a notice or a tool that appears would move the
    // control from under it, and the press would land elsewhere. It starts once the press is done
    // (released, or a value it chose is set). A select starts at once: its list may open on the
    // press and take the release, and what is picked there lands wherever the select has moved.
    function release() {
      window.removeEventListener("pointerup", release, true);
      window.removeEventListener("pointercancel", release, true);
      pressing = false;
      window.setTimeout(rise); // after the click this press makes
    }
    function press(event) {
      if (event.button || event.target.closest("select")) return rise(); // nothing to land
      pressing = true;
      window.addEventListener("pointerup", release, true);
      window.addEventListener("pointercancel", release, true);
    }
    function rise() {
      if (pressing) return;
      let values = [];
      woken = woken || start(() => {
        values = [...typed].map((field) => [field, field.value, field.checked]);
        window.removeEventListener("storage", saved);
        for (const element of elements) {
          for (const [type, listener, capture] of listeners) element.removeEventListener(type, listener, capture);
          element.removeAttribute("data-guide-mounted");
          element.removeAttribute("data-guide-waiting");
        }
      }).then(() => {
        for (const [field, value, checked] of values) {
          if (field.type !== "file") field.value = value; // a picked file stays picked
          field.checked = checked;
          for (const type of ["input", "change"]) field.dispatchEvent(new Event(type, { bubbles: true }));
        }
        for (const control of pressed) control.click();
      });
    }
    function hold(event) {
      const control = event.target.closest("button, a[href='mailto:']");
      if (!control && event.type !== "submit") return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (control) pressed.push(control);
      rise();
    }
    // A value set without focus (autofill, a script) wakes it as well as a keystroke would.
    const note = (event) => {
      typed.add(event.target);
      pressing ? release() : rise();
    };
    const listeners = [["click", hold, true], ["submit", hold, true], ["input", note, false], ["change", note, false],
      ["pointerdown", press, false], ["focusin", rise, false], ["keydown", rise, false]];

    // Another tab saves the reader's first data while the reader's data is not loaded here (the
    // layout's mark alone is not data, as in guide.js).
    const saved = (event) => (event.key || "").startsWith(G.core().prefix) && event.key !== G.core().layout && rise();

    // In use already: it loads and mounts at once, as a tool that never waits does.
    if (loaded && inUse(wake)) return start();
    if (!loaded) window.addEventListener("storage", saved);
    for (const element of elements) {
      for (const [type, listener, capture] of listeners) element.addEventListener(type, listener, capture);
      element.setAttribute("data-guide-mounted", "");
      element.setAttribute("data-guide-waiting", ""); // until its script is there
      element.setAttribute(element.getAttribute("data-guide-ready"), "");
      // Data saved meanwhile (another tab, a switch of application) wakes it too.
      G.watch(element, () => woken || !inUse(wake) || rise());
    }
  }

  G.register("guide-wake", { exports: { wait } });
})();
