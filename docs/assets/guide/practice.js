/* The practice room (macros/practice.py): one question of the page's deck at a time, a timer, the
   reader's stories beside it and a self-check saved in this application's practice log. What
   most visits never use loads when it is used: practice-check.js (the self-check, on Stop),
   practice-record.js (Record), practice-panel.js (the mock panel) and practice-own.js (the
   reader's own questions), each given the `room`.
   Words and limits come from the page; text is written only with textContent. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const list = (value) => (Array.isArray(value) ? value : []);
  const words = (value) => (value || "").split(" ").filter(Boolean);
  const clock = (seconds) => Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");

  // The log as stored, kept to its limits, with renamed questions under their new ids: the
  // reader's own questions ({ question, text }) first, then the answers ({ question, date,
  // seconds, target, situation, action, result, story }), the oldest going first. Pure.
  function clean(saved, renamed, config) {
    const log = list(saved).filter((entry) => entry && typeof entry.question === "string")
      .map((entry) => ({ ...entry, question: renamed[entry.question] || entry.question }));
    return log.filter((entry) => !entry.date && G.text(entry.text).trim()).slice(0, config.maxOwn)
      .concat(log.filter((entry) => G.isDate(entry.date)).slice(-config.maxAnswers));
  }

  const countsOf = (log) => log.reduce((counts, entry) => {
    if (entry.date) counts[entry.question] = (counts[entry.question] || 0) + 1;
    return counts;
  }, Object.create(null));

  // The question after `current` in the pool, going round; with `least`, only among the ones
  // practiced least. Pure.
  function nextOf(pool, counts, current, least) {
    const fewest = Math.min(...pool.map((q) => counts[q.id] || 0));
    const at = pool.findIndex((q) => q.id === current);
    return pool.slice(at + 1).concat(pool.slice(0, at + 1)).find((q) => !least || (counts[q.id] || 0) === fewest);
  }

  // 0 while there is time, 1 with one minute left (targets over a minute), 2 once it is up. Pure.
  const phaseOf = (seconds, target) => (seconds >= target * 60 ? 2 : target > 1 && seconds >= target * 60 - 60 ? 1 : 0);

  function mount(root, { config }) {
    const find = (name) => root.querySelector(`[data-practice-${name}]`);
    const deck = [...root.querySelectorAll("[data-practice-question-id]")].map((item) => ({
      id: item.getAttribute("data-practice-question-id"),
      section: item.getAttribute("data-practice-section"),
      tags: words(item.getAttribute("data-practice-tags")),
      old: words(item.getAttribute("data-practice-renamed-from")),
      text: item.querySelector(".sig-practice__text").textContent,
      tip: G.text((item.querySelector(".sig-practice__hint") || {}).textContent),
    }));
    const renamed = Object.create(null);
    for (const q of deck) for (const old of q.old) renamed[old] = q.id;
    const read = () => clean(G.read(config.store, []), renamed, config);
    const questions = () => deck.concat(read().filter((entry) => !entry.date)
      .map((entry) => ({ id: entry.question, text: entry.text, tags: [] })));
    const target = () => Number(find("target").value);
    const minutes = (n) => G.format(config.minutes[n === 1 ? 0 : 1], { n });
    const stories = () => list(G.read(config.stories, [])).filter((story) => story && G.text(story[config.title]).trim());
    let started = 0; // when the timer started, or 0
    let phase = 0;
    let ticking = 0;
    let cannotRecord = false;

    // What the parts loaded on demand use: `current` is the question shown; `mode`, while the mock
    // panel runs, takes Stop and Next ({ stopped(), next() true when it took it, end() });
    // `waiting` holds Start during the panel's pause.
    const room = { root, config, find, deck, read, questions, target, minutes, clock, stories, current: null, seconds: 0,
      mode: null, waiting: false, counts: () => countsOf(read()), running: () => !!started,
      recorder: null, playback() {} }; // recorder (a promise while recording) and playback: practice-record's
    const part = (name, use) => G.need(name).then(use, () => G.say(root, G.words().failed, { error: true }));

    function pool() {
      const [kind, value] = find("choose").value.split(":");
      return questions().filter((q) => kind === "least" || (kind === "own" ? !q.section
        : kind === "section" ? q.section === value : q.tags.includes(value)));
    }

    room.sectionOf = (q) => {
      const group = root.querySelector(`[data-practice-group="${q.section}"] h3`);
      return group ? group.textContent : config.ownSection;
    };

    // The stories whose tags the question has, beside it (practice-stories.js draws them: a
    // reader with no story yet never loads it).
    function showStories(q) {
      find("themes").textContent = q.tags.join(", ");
      find("stories").hidden = !q.tags.length;
      find("story-list").textContent = "";
      find("no-story").hidden = false;
      if (stories().length) part("practice-stories", (drawn) => room.current === q && drawn.show(room, q));
    }

    room.setButtons = () => {
      const focused = document.activeElement;
      const busy = !room.current || !!started || room.waiting;
      find("start").disabled = busy;
      find("record").disabled = busy || cannotRecord;
      find("stop").disabled = !started;
      find("next").disabled = !room.current;
      if (root.contains(focused) && focused.disabled) find(started ? "stop" : "next").focus();
    };

    function showTime() {
      const { seconds } = room;
      const up = phaseOf(seconds, target()) === 2;
      find("time").textContent = up ? G.format(config.timeUp, { time: clock(seconds), target: minutes(target()) })
        : clock(seconds) + " / " + clock(target() * 60);
      root.classList.toggle("sig-practice--up", up);
    }

    function tick() {
      room.seconds = Math.floor((Date.now() - started) / 1000);
      const now = phaseOf(room.seconds, target());
      if (now > phase) G.say(root, config.said[now]);
      phase = now;
      showTime();
    }

    room.start = (message) => {
      find("check").hidden = true;
      started = Date.now();
      phase = 0;
      ticking = window.setInterval(tick, 250);
      tick();
      G.say(root, G.format(message, { target: minutes(target()) }));
      room.setButtons();
    };

    // Stops the timer and any recording (offered in the page when `keep`); false when not running.
    room.stop = (keep) => {
      if (!started) return false;
      window.clearInterval(ticking);
      tick();
      started = 0;
      if (room.recorder) room.recorder.then((made) => made.stop()).then((blob) => keep && room.playback(blob));
      room.recorder = null;
      room.setButtons();
      return true;
    };

    room.show = (q, where) => {
      room.stop(false);
      room.playback(null);
      room.current = q || null;
      find("question").textContent = q ? q.text : config.empty;
      find("where").textContent = q ? where || room.sectionOf(q) : "";
      find("remove").hidden = !q || !!q.section;
      find("check").hidden = find("stories").hidden = true;
      if (q) showStories(q);
      room.seconds = 0;
      showTime();
      room.setButtons();
    };

    room.next = () => {
      if (room.mode) room.mode.end();
      room.mode = null;
      room.show(nextOf(pool(), countsOf(read()), room.current && room.current.id, find("choose").value === "least"));
    };

    // An answer in the log (with the self-check's ticks and story, when given), kept to the limits.
    room.save = (answer) => {
      const entry = { question: room.current.id, date: G.today(), seconds: room.seconds, target: target(), ...answer };
      G.write(config.store, clean(read().concat(entry), renamed, config));
    };

    room.cannot = function cannot(why, loud) {
      cannotRecord = true;
      find("off").textContent = why;
      find("off").hidden = false;
      if (loud) G.say(root, why, { error: true });
      room.setButtons();
    };

    find("start").addEventListener("click", () => room.start(config.said[0]));
    find("stop").addEventListener("click", () => {
      if (!room.stop(true)) return;
      if (room.mode) room.mode.stopped();
      else part("practice-check", (answer) => answer.check(room));
    });
    find("next").addEventListener("click", () => {
      if (room.mode && room.mode.next()) return;
      room.next();
      find("question").focus();
    });
    find("record").addEventListener("click", () => room.recorder || part("practice-record", (made) => made.record(room)));
    find("choose").addEventListener("change", room.next);
    find("target").addEventListener("change", showTime);
    find("panel").addEventListener("click", () => part("practice-panel", (panel) => panel.run(room, countsOf(read()))));
    find("own").addEventListener("submit", (event) => {
      event.preventDefault();
      part("practice-own", (own) => own.add(room));
    });
    find("remove").addEventListener("click", () => part("practice-own", (own) => own.remove(room)));

    // Keys work while the focus is in the room, never while typing or choosing; there they are the
    // room's, not Material's (S opens its search, N its next page).
    root.addEventListener("keydown", (event) => {
      const name = config.keys[event.key.toLowerCase()];
      if (!name || event.ctrlKey || event.metaKey || event.altKey || event.target.closest("input:not([type=checkbox]), textarea, select")) return;
      event.preventDefault();
      event.stopPropagation();
      if (!find(name).disabled) find(name).click();
    });

    // Leaving by instant navigation: the timer stops, the microphone is let go, the recording is gone.
    const leaving = window.document$ && window.document$.subscribe(() => {
      if (document.contains(root)) return;
      room.stop(false);
      room.playback(null);
      leaving.unsubscribe();
    });

    find("room").hidden = false;
    if (!navigator.mediaDevices || !window.MediaRecorder) room.cannot(config.off.unsupported);
    room.next();
    // Another application, or everything replaced: a question of its own. Else the question
    // stays if it is still there, with the stories as they are now.
    return (reason) => {
      const same = room.current && questions().find((q) => q.id === room.current.id);
      if (same && !reason.switched && !reason.cleared) showStories(same);
      else room.next();
    };
  }

  G.register("practice", { mount, exports: { clean, countsOf, nextOf, phaseOf } });
})();
