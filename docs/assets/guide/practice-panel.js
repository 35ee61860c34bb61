/* The practice room's mock panel (practice.js loads it when the reader starts one): questions from
   different sections in a row, each timed from the moment it is shown, a pause after each answer,
   then a summary. Each answer is saved with its time in the practice log. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // The least practiced question of each section, the least practiced sections first. Pure.
  function panelOf(questions, counts, size) {
    const sections = [];
    return [...questions].sort((a, b) => (counts[a.id] || 0) - (counts[b.id] || 0))
      .filter((q) => !sections.includes(q.section) && sections.push(q.section))
      .slice(0, size).map((q) => q.id);
  }

  function run(room, counts) {
    const { config, find } = room;
    const ids = panelOf(room.deck, counts, config.panel);
    const times = [];
    let at = 0;
    let pause = 0;

    function ask(n) {
      window.clearTimeout(pause);
      room.waiting = false;
      at = n;
      const q = room.deck.find((question) => question.id === ids[n]);
      const focused = room.root.contains(document.activeElement);
      room.show(q, G.format(config.panelWhere, { n: n + 1, size: ids.length, section: room.sectionOf(q) }));
      room.start(config.said[0]);
      if (focused) find("question").focus();
    }

    function finish() {
      room.mode = null;
      find("summary-total").textContent = G.format(config.panelDone, { size: ids.length,
        time: room.clock(times.reduce((sum, time) => sum + time, 0)),
        fit: times.filter((time) => time <= room.target() * 60).length, target: room.minutes(room.target()) });
      const lines = find("summary-list");
      lines.textContent = "";
      ids.forEach((id, i) => {
        lines.appendChild(document.createElement("li")).textContent = G.format(config.panelLine,
          { text: room.deck.find((q) => q.id === id).text, time: room.clock(times[i]) });
      });
      find("summary").hidden = false;
      find("summary").focus();
    }

    // An answer saved with its time; then the next question, after the pause when `wait`.
    function answered(wait) {
      times[at] = room.seconds;
      room.save({});
      if (at + 1 >= ids.length) return finish();
      if (!wait) return ask(at + 1);
      find("where").textContent = G.format(config.pauseWhere, { seconds: config.pause });
      room.waiting = true;
      pause = window.setTimeout(() => ask(at + 1), config.pause * 1000);
      return room.setButtons();
    }

    if (room.mode) room.mode.end();
    find("summary").hidden = true;
    room.mode = {
      stopped: () => answered(true),
      // Next answers now, or cuts the pause short.
      next() {
        if (room.stop(true)) answered(false);
        else if (room.waiting) ask(at + 1);
        else return false;
        return true;
      },
      end() {
        window.clearTimeout(pause);
        room.waiting = false;
      },
    };
    ask(0);
  }

  G.register("practice-panel", { exports: { panelOf, run } });
})();
