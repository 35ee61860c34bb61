/* The applications bar's forms (macros/applications.py), loaded when the reader opens one: set up
   the first application, add one, edit the details of this one, delete it (with Undo). Every form
   keeps the core's one rule for a record (G.checkApplication). */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // The form's values, read from its fields: { key: value }.
  const valuesOf = (inputs) => Object.fromEntries(inputs.map((input) => [input.dataset.applicationField ||
    input.dataset.applicationSetupField, input.value]));

  function formsOf(bar, config, show) {
    const words = config.words;
    const find = (hook) => bar.querySelector(`[${hook}]`);
    const switcher = find("data-application-switcher");
    const form = find("data-application-form");
    const setUpForm = find("data-application-setup");
    const buttons = [find("data-application-add"), find("data-application-rename")];
    const inputs = [...form.querySelectorAll("[data-application-field]")];
    const setUpInputs = setUpForm ? [...setUpForm.querySelectorAll("[data-application-setup-field]")] : [];
    let editing = null; // "" while adding, the id while editing, null when the form is closed
    const name = (id) => G.nameOf(G.application(id));
    const say = (message, options) => G.say(bar, message, options);

    function close() {
      editing = null;
      form.hidden = true;
      for (const button of buttons) button.setAttribute("aria-expanded", "false");
      for (const input of inputs) G.invalid(input, "", true);
      show();
    }

    function open(id, button) {
      if (id === "" && G.isFull()) {
        say(words.full, { error: true });
        return;
      }
      editing = id;
      const record = id ? G.application(id) || {} : {};
      form.querySelector("[data-application-legend]").textContent =
        id ? words.editLegend : G.isUntitled(G.application()) ? words.setUpLegend : words.addLegend;
      for (const input of inputs) input.value = G.text(record[input.dataset.applicationField]);
      form.hidden = false;
      button.setAttribute("aria-expanded", "true");
      show();
      inputs[0].focus();
    }

    // Marks each field the core's rule refuses; true when every field is fine.
    function checked(fields, fieldInputs) {
      const problems = G.checkApplication(fields);
      for (const input of fieldInputs) {
        G.invalid(input, problems[input.dataset.applicationField || input.dataset.applicationSetupField] || "", true);
      }
      const first = fieldInputs.find((input) => input.getAttribute("aria-invalid") === "true");
      if (first) {
        say(document.getElementById(first.id + "-error").textContent, { error: true });
        first.focus();
      }
      return !first;
    }

    function added({ result }, fields) {
      if (result === "full") say(words.full, { error: true });
      else if (result === "added" || result === "named") say(G.format(words[result], { name: G.nameOf(fields) }));
      else if (result === "refused") say(words.refused, { error: true });
      return result;
    }

    function save() {
      const fields = valuesOf(inputs);
      if (!checked(fields, inputs)) return;
      const id = editing;
      if (id) {
        const result = G.saveApplication(id, fields);
        close();
        say(result === "gone" ? words.goneWhileEditing : result === "refused" ? words.refused :
          G.format(words.saved, { name: name(id) }), { error: result !== "saved" });
        switcher.focus();
      } else {
        G.addApplication(fields).then((outcome) => {
          if (added(outcome, fields) !== "full") close();
          switcher.focus();
        });
      }
    }

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      save();
    });
    find("data-application-cancel").addEventListener("click", () => {
      const back = buttons[editing ? 1 : 0];
      close();
      back.focus();
    });

    return {
      editing: () => editing !== null,
      close,
      toggle(id, button) {
        if (editing === id) close();
        else open(id, button);
      },
      setUp() {
        const fields = valuesOf(setUpInputs);
        if (!checked(fields, setUpInputs)) return;
        G.addApplication(fields).then((outcome) => {
          added(outcome, fields);
          show();
          switcher.focus();
        });
      },
      remove() {
        const id = G.scope();
        const deleted = name(id);
        close();
        G.deleteApplication(id).then((result) => {
          if (result === "last") return say(words.last, { error: true });
          return say(G.format(words.deleted, { name: deleted }) + " " + G.format(words.switched, { name: name(G.scope()) }), {
            hooks: "data-application-undo-button",
            undo: () => G.restoreApplication(id).then((outcome) => {
              if (outcome !== "restored") {
                say(words[outcome] || words.refused, { error: true });
                return false;
              }
              switcher.focus();
              return G.format(words.restored, { name: deleted });
            }),
          });
        });
      },
    };
  }

  G.register("applications-form", { exports: { formsOf } });
})();
