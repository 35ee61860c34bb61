/* The cheat sheet (macros/cheat_sheet.py): the reader's notes, saved as typed and copied into the
   printed sheet, and the printed header from the application's record. Each note keeps to its
   number of lines so the sheet still fits one page. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // Lines past the last are joined onto it rather than dropped; the field's limit still holds
  // (joining adds characters, and a paste or stored text may be too long), so the end is cut and
  // the reader told. Pure: { value, cut }.
  function fold(value, most, limit, join) {
    const lines = value.split("\n");
    let out = most && lines.length > most ? lines.slice(0, most - 1).concat(lines.slice(most - 1).join(join)).join("\n") : value;
    const cut = limit > 0 && out.length > limit;
    if (cut) out = out.slice(0, limit).replace(/[\ud800-\udbff]$/, ""); // never half a character
    return { value: out, cut };
  }

  function foldField(field, config) {
    const { value, cut } = fold(field.value, +field.getAttribute("data-max-lines"), field.maxLength, config.join);
    if (value !== field.value) {
      const start = field.selectionStart;
      field.value = value;
      field.selectionStart = field.selectionEnd = Math.min(start, value.length);
    }
    return cut;
  }

  function showNote(field, config, cut) {
    const note = field.closest("[data-note]");
    const linesLeft = +field.getAttribute("data-max-lines") - field.value.split("\n").length;
    note.querySelector("[data-note-remaining]").textContent = cut ? G.format(config.cut, { limit: field.maxLength }) :
      G.format(linesLeft === 1 ? config.leftOne : config.left,
        { chars: Math.max(0, field.maxLength - field.value.length), lines: Math.max(0, linesLeft) });
    note.querySelector("[data-note-print]").textContent = field.value;
    note.classList.toggle("sig-sheet__note--empty", field.value.trim() === "");
  }

  // The header's fields: what the reader entered (no "untitled": a blank sheet keeps its title).
  function headerOf(record, interviewers) {
    return {
      company: G.plain(record.company).trim(),
      role: G.plain(record.role).trim(),
      when: G.when(record.date, record.time, true),
      place: G.plain(record.place).trim(),
      contact: G.plain(record.contact).trim(),
      interviewers: G.text(interviewers).split("\n").map((line) => G.plain(line).trim()).filter(Boolean).join("; "),
    };
  }

  // The story bank's titles under the stories note, as many as the sheet has room for.
  function showTitles(list, rules) {
    if (!list) return;
    const titles = [].concat(G.read(rules.store, [])).map((story) => G.plain(story && story[rules.title]).trim())
      .filter(Boolean).slice(0, rules.onSheet);
    list.textContent = "";
    for (const title of titles) list.appendChild(document.createElement("li")).textContent = title.slice(0, rules.titleLimit);
    list.hidden = !titles.length;
  }

  /* The largest scale in [least, most] at which `height(scale)` (the sheet's height laid out for
     print at that scale) fits in `room`; least when none does. Pure, given `height`. */
  function fitScale(height, room, least, most) {
    if (height(most) <= room) return most;
    let low = least;
    let high = most;
    for (let step = 0; step < 8; step += 1) {
      const middle = (low + high) / 2;
      if (height(middle) <= room) low = middle;
      else high = middle;
    }
    return low;
  }

  function mount(sheet, { config }) {
    const fields = [...sheet.querySelectorAll("[data-cheatsheet-note]")];
    const interviewers = () => (sheet.querySelector('[data-cheatsheet-note="interviewers"]') || {}).value;

    function showHeader() {
      const values = headerOf(G.application() || {}, interviewers());
      sheet.querySelectorAll("[data-application-header-field]").forEach((slot) => {
        slot.textContent = values[slot.getAttribute("data-application-header-field")];
        slot.closest("[data-application-header-row]").hidden = !slot.textContent;
      });
      sheet.classList.toggle("sig-sheet--headed", !!(values.company || values.when));
    }

    // Saved notes held to each field's limits (an old or edited entry), the reader told; the
    // field the reader is typing in is left alone unless another application is now shown.
    function fill(reason = {}) {
      const notes = G.readPart("notes") || {};
      for (const field of fields) {
        if (field === document.activeElement && !reason.switched) continue;
        field.value = G.text(notes[field.getAttribute("data-cheatsheet-note")]);
        const cut = foldField(field, config);
        showNote(field, config, false);
        if (cut) field.closest("[data-note]").querySelector("[data-note-remaining]").textContent =
          G.format(config.cutSaved, { chars: field.maxLength });
      }
      showHeader();
      showTitles(sheet.querySelector("[data-story-titles]"), config.stories);
    }

    sheet.addEventListener("input", (event) => {
      const field = event.target;
      if (!field.hasAttribute("data-cheatsheet-note")) return;
      const cut = foldField(field, config);
      const notes = G.readPart("notes") || {};
      G.writePart("notes", { ...notes, [field.getAttribute("data-cheatsheet-note")]: field.value });
      showNote(field, config, cut);
      if (cut) G.say(sheet, G.format(config.cut, { limit: field.maxLength }), { error: true });
      showHeader();
    });
    // Printing (the browser's print, or a PDF): the type is sized so the sheet fills one page.
    const printing = window.matchMedia("print");
    const fit = () => {
      if (!document.contains(sheet)) return printing.removeEventListener("change", fit);
      sheet.style.removeProperty("--sig-fit");
      sheet.style.removeProperty("width");
      if (!printing.matches) return;
      // Laid out at the narrower paper's width: the browser tells this page its print media before
      // it lays it out on paper, so the window's width is not the page's.
      const { width, height, least, most } = config.fit;
      sheet.style.width = width + "px";
      const measure = (scale) => {
        sheet.style.setProperty("--sig-fit", String(scale));
        return sheet.getBoundingClientRect().height;
      };
      sheet.style.setProperty("--sig-fit", String(fitScale(measure, height, least, most)));
    };
    printing.addEventListener("change", fit);
    sheet.querySelector("[data-cheatsheet-print]").addEventListener("click", () => window.print());
    fill();
    return fill;
  }

  G.register("cheat-sheet", { mount, exports: { fold, headerOf, fitScale } });
})();
