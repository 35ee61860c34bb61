/* The practice room's recorder (practice.js loads it when the reader presses Record): the
   microphone only, asked for now and never before; the recording stays in the page's memory. */
(() => {
  "use strict";

  // Starts recording; resolves with { stop() }, whose promise gives the recording as a Blob and
  // lets the microphone go. Rejects with the browser's reason (NotAllowedError, NotFoundError...).
  async function start() {
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

  window.SecondInterviewGuide.register("practice-record", { exports: { start } });
})();
