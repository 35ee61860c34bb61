/* The reader's own questions in the practice room (practice.js loads this when one is added or
   removed): kept in this application's practice log, up to the room's limit. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const ownQuestions = (log) => log.filter((entry) => !entry.date);

  // The own form's question, added to the log and shown.
  function add(room) {
    const { config, find } = room;
    const input = find("own-text");
    const text = G.plain(input.value).trim().slice(0, config.ownChars);
    const log = room.read();
    if (!text || ownQuestions(log).length >= config.maxOwn) return G.invalid(input, text ? config.ownFull : config.ownMissing);
    const id = config.own + G.newId(log.map((entry) => entry.question));
    G.write(config.store, [{ question: id, text }, ...log]);
    input.value = "";
    G.invalid(input, "", true);
    find("choose").value = "own";
    room.show(room.questions().find((q) => q.id === id));
    G.say(room.root, config.ownAdded);
    return find("question").focus();
  }

  // The own question shown, removed (its answers stay in the log); Undo puts it back.
  function remove(room) {
    const { config } = room;
    const gone = room.current;
    G.write(config.store, room.read().filter((entry) => entry.date || entry.question !== gone.id));
    room.next();
    G.say(room.root, G.format(config.removed, { text: gone.text }), {
      undo() {
        const log = room.read();
        if (ownQuestions(log).length >= config.maxOwn) return false;
        G.write(config.store, [{ question: gone.id, text: gone.text }, ...log]);
        room.show(gone);
        return config.restored;
      },
    });
  }

  G.register("practice-own", { exports: { add, remove } });
})();
