/* The story bank (macros/stories.py): the reader's STAR stories, the map of which question themes
   they cover (on the bank and on other pages) and their titles on the cheat sheet. Limits, tags
   and messages come from the page; text is written only with textContent or .value. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // The stored stories that have a title, cut to the bank's limits, with known tags only. Pure.
  function cleanStories(saved, config) {
    return (Array.isArray(saved) ? saved : []).filter((raw) => raw && G.text(raw[config.title]).trim())
      .slice(0, config.most).map((raw) => {
        const story = { tags: [].concat(raw.tags).filter((tag) => config.tags.includes(tag)) };
        story[config.title] = G.text(raw[config.title]).slice(0, config.titleLimit);
        for (const part of config.parts) story[part] = G.text(raw[part]).slice(0, config.partLimit);
        return story;
      });
  }

  // True when what is stored holds more than the bank shows (from an old version or an edited
  // entry): more stories than it keeps, or text past a field's limit.
  function isCut(saved, config) {
    const whole = (Array.isArray(saved) ? saved : []).filter((raw) => raw && G.text(raw[config.title]).trim());
    return whole.length > config.most || whole.some((raw) => G.text(raw[config.title]).length > config.titleLimit ||
      config.parts.some((part) => G.text(raw[part]).length > config.partLimit));
  }

  // Each theme's covering stories' titles, for themes whose tags any story has. Pure.
  const covering = (stories, tags, config) => stories.filter((story) => story.tags.some((tag) => tags.includes(tag)))
    .map((story) => story[config.title]);

  const read = (config) => cleanStories(G.read(config.store, []), config);

  function showCoverage(root, stories, config) {
    root.querySelectorAll("[data-stories-theme]").forEach((row) => {
      const titles = covering(stories, row.getAttribute("data-stories-tags").split(" "), config);
      row.classList.toggle("sig-coverage--covered", titles.length > 0);
      row.querySelector("[data-stories-covered]").textContent = titles.length ?
        G.format(config.covered, { titles: titles.join(config.tagSeparator) }) : config.uncovered;
    });
  }

  function showTitles(list, stories, config) {
    list.textContent = "";
    for (const story of stories.slice(0, config.onSheet)) list.appendChild(document.createElement("li")).textContent = story[config.title];
    list.hidden = !stories.length;
  }

  function mountBank(root, config) {
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

    function showList() {
      const stories = read(config);
      const list = find("list");
      list.textContent = "";
      stories.forEach((story, index) => {
        const item = list.appendChild(find("row").content.querySelector("[data-stories-item]").cloneNode(true));
        item.querySelector("[data-stories-item-title]").textContent = story[config.title];
        item.querySelector("[data-stories-item-tags]").textContent = story.tags.join(config.tagSeparator);
        item.querySelectorAll("[data-stories-item-name]").forEach((name) => (name.textContent = " " + story[config.title]));
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
      });
      find("count").textContent = stories.length;
      find("empty").hidden = stories.length > 0;
      showCoverage(root, stories, config);
    }

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
    showList();
    if (isCut(G.read(config.store, []), config)) say(config.cut, { error: true });
    return refresh;
  }

  // One component, three places: the bank (with its own map), a map alone, the sheet's titles.
  function mount(element, { config }) {
    if (element.hasAttribute("data-stories")) return mountBank(element, config);
    const show = () => {
      const stories = read(config);
      if (element.hasAttribute("data-story-titles")) showTitles(element, stories, config);
      else showCoverage(element, stories, config);
    };
    show();
    return show;
  }

  G.register("stories", { mount, ready: "data-stories-ready", exports: { cleanStories, isCut, covering } });
})();
