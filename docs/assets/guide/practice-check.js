/* The practice room's self-check (practice.js loads it when the reader first stops the timer):
   how long the answer took against the target, the question's tip, the ticks and the story
   used, saved in the practice log with the answer. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const wired = new WeakSet(); // rooms whose form already saves

  function save(room) {
    const { root, find, config, deck } = room;
    const answer = { story: find("story").value };
    root.querySelectorAll("[data-practice-checked]").forEach((box) => (answer[box.getAttribute("data-practice-checked")] = box.checked));
    room.save(answer);
    find("check").hidden = true;
    const counts = room.counts();
    G.say(root, G.format(config.saved, { count: deck.filter((q) => counts[q.id]).length }));
    find("next").focus();
  }

  function check(room) {
    const { root, find, config } = room;
    if (!wired.has(root)) {
      wired.add(root);
      find("check").addEventListener("submit", (event) => {
        event.preventDefault();
        save(room);
      });
    }
    const fit = G.format(config[room.seconds <= room.target() * 60 ? "inTime" : "overTime"], { target: room.minutes(room.target()) });
    find("took").textContent = G.format(config.took, { time: room.clock(room.seconds), fit });
    find("tip").textContent = room.current.tip || "";
    const select = find("story");
    select.textContent = "";
    [config.noStory].concat(room.stories().map((story) => story[config.title]))
      .forEach((title, i) => select.add(new Option(title, i ? title : "")));
    root.querySelectorAll("[data-practice-checked]").forEach((box) => (box.checked = false));
    find("check").hidden = false;
    root.querySelector("[data-practice-checked]").focus();
  }

  G.register("practice-check", { exports: { check } });
})();
