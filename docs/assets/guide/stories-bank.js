/* The story bank's editor (macros/stories.py), loaded by stories.js when the reader first reaches
   into the bank: add, edit and delete (with Undo), and follow another tab's changes. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  function mountBank(root, config, { read, drawList, isCut }) {
    let editing = -1; // the index of the story in the form, or -1 when adding
    let original = ""; // that story as it was when the reader opened it, to find it again
    const find = (name) => root.querySelector(`[data-stories-${name}]`);
    const field = (part) => find(`field="${part}"`);
    const parts = [config.title, ...config.parts];
    // Results in the bank's status, with the count of stories.
    const say = (message, options) => G.say(root, message + " " + G.format(config.count,
      { count: read(config).length, most: config.most }), options);

    function fillForm(story) {
      for (const part of parts) field(part).value = story ? story[part] : "";
      root.querySelectorAll("[data-stories-tag]").forEach((box) => (box.checked = !!story && story.tags.includes(box.value)));
      root.classList.toggle("sig-stories--editing", !!story);
      G.invalid(field(config.title), "", true);
    }

    // Each row's Edit and Delete doing their work.
    function wire(item, story, index) {
      item.querySelector("[data-stories-edit]").addEventListener("click", () => {
        editing = index;
        original = JSON.stringify(story);
        fillForm(story);
        field(config.title).focus();
      });
      G.confirmTwice(item.querySelector("[data-stories-delete]"), () => {
        const now = read(config);
        const at = now.map((s) => JSON.stringify(s)).indexOf(JSON.stringify(story));
        if (at < 0) return;
        now.splice(at, 1);
        G.write(config.store, now);
        if (editing === at) fillForm(null);
        editing = editing === at ? -1 : editing - (editing > at ? 1 : 0);
        showList();
        find("heading").focus();
        say(G.format(config.deleted, { title: story[config.title] }), {
          undo() {
            const back = read(config);
            if (back.length >= config.most) {
              say(config.full, { error: true });
              return false;
            }
            back.splice(Math.min(at, back.length), 0, story);
            G.write(config.store, back);
            showList();
            return G.format(config.restored, { title: story[config.title] });
          },
        });
      });
    }

    const showList = () => drawList(root, config, wire);

    function reset() {
      editing = -1;
      fillForm(null);
      showList();
    }

    // Where the story being edited is now (another tab may have moved or deleted it), or -1.
    const findEdited = (stories) => stories.map((story) => JSON.stringify(story)).indexOf(original);

    // Another tab saved: the list follows, and the form keeps what the reader is typing. If the
    // story being edited was deleted there, the reader is told and can save it as a new one.
    function refresh() {
      if (isCut(G.read(config.store, []), config)) say(config.cut, { error: true });
      if (editing >= 0) {
        editing = findEdited(read(config));
        if (editing < 0) {
          root.classList.remove("sig-stories--editing");
          say(config.goneElsewhere, { error: true });
        }
      }
      showList();
    }

    function save() {
      const stories = read(config);
      if (editing >= 0) editing = findEdited(stories);
      const story = { tags: [] };
      for (const part of parts) story[part] = G.plain(field(part).value, part !== config.title).trim();
      if (!story[config.title]) {
        G.invalid(field(config.title), config.needsTitle);
        field(config.title).focus();
        return;
      }
      if (editing < 0 && stories.length >= config.most) {
        say(config.full, { error: true });
        return;
      }
      root.querySelectorAll("[data-stories-tag]:checked").forEach((box) => story.tags.push(box.value));
      if (editing < 0) stories.push(story);
      else stories.splice(editing, 1, story);
      G.write(config.store, stories);
      reset();
      say(config.saved);
    }

    find("save").addEventListener("click", save);
    find("form").addEventListener("submit", (event) => {
      event.preventDefault();
      save();
    });
    find("cancel").addEventListener("click", reset);
    // The rows drawn before the editor came get their work (drawn again, a pressed button would be lost).
    const stories = read(config);
    root.querySelectorAll("[data-stories-list] > [data-stories-item]").forEach((item, i) => wire(item, stories[i], i));
    return refresh;
  }

  G.register("stories-bank", { exports: { mountBank } });
})();
