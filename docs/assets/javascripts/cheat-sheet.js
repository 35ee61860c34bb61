/* The cheat sheet's note fields (macros/cheat_sheet.py): saved as typed, and copied into the
   printed sheet. Each field keeps to its number of lines so the sheet still fits one page. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  // Lines past the last are joined onto it rather than dropped; the field's maxlength still
  // holds afterwards (joining adds characters, and a paste or stored text may be too long), so
  // the end is cut and the reader told. Returns whether anything was cut.
  function foldLines(field, config) {
    var most = parseInt(field.getAttribute("data-max-lines"), 10);
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    var lines = field.value.split("\n");
    var value = field.value;
    if (most && lines.length > most) {
      value = lines.slice(0, most - 1).concat(lines.slice(most - 1).join(config.join)).join("\n");
    }
    var cut = limit > 0 && value.length > limit;
    if (cut) value = value.slice(0, limit).replace(/[\ud800-\udbff]$/, ""); // never half a character
    if (value === field.value) return false;
    var start = field.selectionStart;
    field.value = value;
    field.selectionStart = field.selectionEnd = Math.min(start, value.length);
    return cut;
  }

  function showNote(field, config, cut) {
    var note = field.closest("[data-note]");
    var limit = parseInt(field.getAttribute("maxlength"), 10);
    var linesLeft = parseInt(field.getAttribute("data-max-lines"), 10) - field.value.split("\n").length;
    note.querySelector("[data-note-remaining]").textContent = cut ? G.format(config.cut, { limit: limit }) :
      G.format(linesLeft === 1 ? config.leftOne : config.left, {
        chars: Math.max(0, limit - field.value.length),
        lines: Math.max(0, linesLeft),
      });
    note.querySelector("[data-note-print]").textContent = field.value;
    note.classList.toggle("sig-sheet__note--empty", field.value.trim() === "");
  }

  // Saved notes held to the field's limits whatever way they came (an old or edited entry),
  // with the reader told; the field the reader is typing in is left alone.
  function fill(sheet, config, switched) {
    var notes = G.load().notes;
    sheet.querySelectorAll("[data-cheatsheet-note]").forEach(function (field) {
      if (field === document.activeElement && !switched) return;
      field.value = G.text(notes[field.getAttribute("data-cheatsheet-note")]);
      var cut = foldLines(field, config);
      showNote(field, config, false);
      if (cut) {
        // Only what is shown is cut; the stored note stays whole until the reader edits it.
        field.closest("[data-note]").querySelector("[data-note-remaining]").textContent =
          G.format(config.cutSaved, { chars: field.maxLength });
      }
    });
  }

  function mount(sheet, context) {
    var config = context.config;
    fill(sheet, config);
    sheet.addEventListener("input", function (event) {
      var field = event.target;
      if (!field.hasAttribute("data-cheatsheet-note")) return;
      var cut = foldLines(field, config);
      var state = G.load();
      state.notes[field.getAttribute("data-cheatsheet-note")] = field.value;
      G.save(state);
      showNote(field, config, cut);
      if (cut) G.announce(sheet, G.format(config.cut, { limit: field.maxLength }), true);
    });
    var print = sheet.querySelector("[data-cheatsheet-print]");
    print.hidden = false;
    print.addEventListener("click", function () {
      window.print();
    });
    return function (reason) {
      fill(sheet, config, reason && reason.switched);
    };
  }

  G.register("cheat-sheet", { mount: mount, ready: "data-cheatsheet-ready" });
})();
