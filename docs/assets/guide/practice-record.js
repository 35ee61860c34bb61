/* The practice room's recorder (practice.js loads it when the reader presses Record): the
   microphone only, asked for now and never before; the recording stays in the page's memory and
   is offered in the page (play, download) until the reader records again or moves on. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // The room's player: shows `blob`, or empties the player when it is null.
  const player = (room) => (blob) => {
    const audio = room.find("audio");
    const link = room.find("download");
    if (audio.src) URL.revokeObjectURL(audio.src);
    audio.removeAttribute("src");
    link.removeAttribute("href");
    room.find("playback").hidden = !blob;
    if (!blob) return;
    audio.src = link.href = URL.createObjectURL(blob);
    link.download = G.format(room.config.file, { date: G.today() });
  };

  // Starts recording; resolves with { stop() }, whose promise gives the recording as a Blob and
  // lets the microphone go. Rejects with the browser's reason (NotAllowedError, NotFoundError...).
  async function start(room) {
    room.playback = player(room);
    room.playback(null);
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const recorder = new MediaRecorder(stream);
    const chunks = [];
    recorder.addEventListener("dataavailable", (event) => chunks.push(event.data));
    recorder.start();
    return {
      stop: () => new Promise((resolve) => {
        recorder.addEventListener("stop", () => {
          stream.getTracks().forEach((track) => track.stop());
          resolve(new Blob(chunks, { type: recorder.mimeType }));
        });
        recorder.stop();
      }),
    };
  }

  // Record pressed: the microphone is asked for; once it records, the timer starts with it. If it
  // cannot (refused, no microphone), the room says why and recording stays off.
  function record(room) {
    if (room.recorder) return; // already asked
    const asked = start(room);
    room.recorder = asked;
    asked.then(() => room.running() || room.start(room.config.recording), (error) => {
      if (room.recorder === asked) room.recorder = null;
      const off = room.config.off;
      room.cannot(off[error && off[error.name] ? error.name : "other"], true);
    });
  }

  G.register("practice-record", { exports: { start, record } });
})();
