/* The story bank (macros/stories.py): the reader's STAR stories and the map of which question
   themes they cover (on the bank and on other pages); the cheat sheet lists their titles itself. Limits, tags
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

  // The bank's list as the reader first sees it; `wire` (the editor's) gives each row its buttons' work.
  function drawList(root, config, wire) {
    const stories = read(config);
    const find = (name) => root.querySelector(`[data-stories-${name}]`);
    const list = find("list");
    list.textContent = "";
    stories.forEach((story, index) => {
      const item = list.appendChild(find("row").content.querySelector("[data-stories-item]").cloneNode(true));
      item.querySelector("[data-stories-item-title]").textContent = story[config.title];
      item.querySelector("[data-stories-item-tags]").textContent = story.tags.join(config.tagSeparator);
      item.querySelectorAll("[data-stories-item-name]").forEach((name) => (name.textContent = " " + story[config.title]));
      if (wire) wire(item, story, index);
    });
    find("count").textContent = stories.length;
    find("empty").hidden = stories.length > 0;
    showCoverage(root, stories, config);
  }

  /* The bank shows its stories at once; its editor (stories-bank.js) loads when the reader first
     reaches into it, as most visits only read. A button pressed meanwhile is pressed again once
     the editor is there. */
  function mountBank(root, config) {
    let refresh = () => drawList(root, config);
    let pressed = null; // a button pressed while the editor loads
    let loading = null;
    function hold(event) {
      const button = event.type === "submit" ? root.querySelector("[data-stories-save]") : event.target.closest("button");
      if (!button) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      pressed = button;
      wake();
    }
    function wake() {
      loading = loading || G.need("stories-bank").then((bank) => {
        root.removeEventListener("click", hold, true);
        root.removeEventListener("submit", hold, true);
        refresh = bank.mountBank(root, config, { read, drawList, isCut });
        if (pressed) pressed.click();
      }, () => G.say(root, G.words().failed, { error: true }));
    }
    root.addEventListener("click", hold, true);
    root.addEventListener("submit", hold, true);
    for (const type of ["pointerdown", "focusin", "keydown"]) root.addEventListener(type, wake);
    drawList(root, config);
    if (isCut(G.read(config.store, []), config)) G.say(root, config.cut, { error: true });
    return (reason) => refresh(reason);
  }

  // One component, two places: the bank (with its own map), and a map alone.
  function mount(element, { config }) {
    if (element.hasAttribute("data-stories")) return mountBank(element, config);
    const show = () => showCoverage(element, read(config), config);
    show();
    return show;
  }

  G.register("stories", { mount, exports: { cleanStories, isCut, covering } });
})();
