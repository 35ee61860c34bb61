/* The practice room's stories beside the question (practice.js loads it once the reader has a
   story): the titles of those whose tags the question has, each with its STAR parts on demand. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  function show(room, q) {
    const { find, config } = room;
    const tagsOf = (story) => (Array.isArray(story.tags) ? story.tags : []); // a stored value of another shape has none
    const matching = room.stories().filter((story) => tagsOf(story).some((tag) => q.tags.includes(tag)));
    const items = find("story-list");
    items.textContent = "";
    for (const story of matching) {
      const details = items.appendChild(document.createElement("li")).appendChild(document.createElement("details"));
      details.appendChild(document.createElement("summary")).textContent = story[config.title];
      for (const [key, label] of config.parts) {
        if (!G.text(story[key]).trim()) continue;
        const line = details.appendChild(document.createElement("p"));
        line.appendChild(document.createElement("strong")).textContent = label + ": ";
        line.append(story[key]);
      }
    }
    find("no-story").hidden = matching.length > 0;
  }

  G.register("practice-stories", { exports: { show } });
})();
