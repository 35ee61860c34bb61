/* The applications bar (macros/applications.py): which application this tab prepares for. The
   records and their rules are the core's (guide-data.js, "Applications"); the forms to set up,
   add, edit and delete them are applications-form.js, loaded when the reader opens one. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  function mount(bar, { config }) {
    const words = config.words;
    const find = (hook) => bar.querySelector(`[${hook}]`);
    const switcher = find("data-application-switcher");
    const setUp = find("data-application-setup");
    const current = find("data-application-current");
    let forms = null; // applications-form.js, once loaded
    const withForms = (act) => G.need("applications-form").then((module) => {
      forms = forms || module.formsOf(bar, config, show);
      act(forms);
    }, () => G.say(bar, G.words().failed, { error: true }));

    function show() {
      switcher.textContent = "";
      for (const { id, record } of G.applications()) switcher.add(new Option(G.nameOf(record), id));
      switcher.value = G.scope();
      const untitled = G.isUntitled(G.application());
      const editing = forms && forms.editing();
      if (setUp) {
        setUp.hidden = !untitled || editing;
        current.hidden = untitled && !editing;
        // What the head's first-paint script guessed (overrides/main.html), now known.
        document.documentElement.toggleAttribute("data-guide-named", !untitled);
      }
    }

    switcher.addEventListener("change", () => {
      const id = switcher.value;
      if (forms) forms.close();
      G.useScope(id);
      G.say(bar, G.format(words.switched, { name: G.nameOf(G.application()) }));
    });
    find("data-application-add").addEventListener("click", (event) => withForms((f) => f.toggle("", event.target.closest("button"))));
    find("data-application-rename").addEventListener("click", (event) =>
      withForms((f) => f.toggle(G.scope(), event.target.closest("button"))));
    if (setUp) {
      setUp.addEventListener("submit", (event) => {
        event.preventDefault();
        withForms((f) => f.setUp());
      });
    }
    G.confirmTwice(find("data-application-delete"), () => withForms((f) => f.remove()));

    show();
    return (reason) => {
      if (reason.switched && forms) forms.close(); // the form showed another application's details
      show();
      if (reason.gone) G.say(bar, G.format(words.gone, { name: reason.gone, next: G.nameOf(G.application()) }), { error: true });
      else if (reason.cleared) G.say(bar, words.cleared, { error: true });
    };
  }

  G.register("applications", { mount });
})();
