/* The planner's calendar file (RFC 5545), loaded only when the reader asks for one. Each event's
   UID names the application and the step, not the date, so a file downloaded again after a change
   replaces the events it added before (with a higher SEQUENCE) instead of adding new ones. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const UTF8 = new TextEncoder();
  const stamp = (date) => date.toISOString().replace(/[-:]|\.\d+/g, "");

  // TEXT values: a new line as \n, separators escaped, control characters dropped.
  const escapeText = (value) => G.plain(value, true).replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");

  // Lines fold at 75 octets of UTF-8, never inside a character.
  function fold(line) {
    let out = "";
    let used = 0;
    for (const ch of line) {
      const size = UTF8.encode(ch).length;
      if (used + size > 75) {
        out += "\r\n ";
        used = 1;
      }
      out += ch;
      used += size;
    }
    return out;
  }

  // A file name from the company: "plan-northwind-analytics.ics".
  function fileName(company, words) {
    const slug = G.plain(company).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60);
    return G.format(words.file, { company: slug || words.fileUntitled });
  }

  /* The calendar of a plan's `steps` for the application `id` with `record` (its company, place and
     contact): { name, text }. */
  function calendarFile(steps, { id, record, words, sequence, now }) {
    const company = G.plain(record.company).trim();
    const lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//second-interview-guide//planner//EN", "CALSCALE:GREGORIAN"];
    for (const s of steps) {
      const day = s.date.replace(/-/g, "");
      lines.push("BEGIN:VEVENT", `UID:${id}-${s.key}@second-interview-guide`, "DTSTAMP:" + stamp(now), "SEQUENCE:" + sequence);
      if (s.time) {
        lines.push(`DTSTART:${day}T${s.time.replace(":", "")}00`, "DURATION:PT1H");
      } else {
        const next = new Date(Date.parse(s.date + "T00:00:00Z") + 864e5).toISOString().slice(0, 10).replace(/-/g, "");
        lines.push("DTSTART;VALUE=DATE:" + day, "DTEND;VALUE=DATE:" + next);
      }
      const summary = s.key !== "interview" && company ? `${s.title} (${company})` : s.title;
      let detail = s.detail;
      if (s.key === "interview") {
        const place = G.plain(record.place).trim();
        const contact = G.plain(record.contact).trim();
        if (place) lines.push("LOCATION:" + escapeText(place));
        detail = [detail, place && G.format(words.where, { place }), contact && G.format(words.contact, { contact })]
          .filter(Boolean).join("\n");
      }
      lines.push("SUMMARY:" + escapeText(summary), "DESCRIPTION:" + escapeText(detail), "END:VEVENT");
    }
    return { name: fileName(company, words), text: lines.concat("END:VCALENDAR", "").map(fold).join("\r\n") };
  }

  G.register("planner-calendar", { exports: { calendarFile, fileName } });
})();
