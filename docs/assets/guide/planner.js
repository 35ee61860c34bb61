/* The interview planner (macros/planner.py): dates in, a dated plan out. The interview's date,
   time and company are the application's record; the calendar file is planner-calendar.js. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const DAY = 864e5;
  // Each step's day, counted from the interview; "interview" is the day itself.
  const STEPS = { research: -7, stories: -5, rehearse: -3, logistics: -1, interview: 0, thanks: 1 };

  /* Dates are "YYYY-MM-DD", counted in UTC so no clock change moves a day. */
  const iso = (time) => new Date(time).toISOString().slice(0, 10);
  const utc = (s) => Date.parse(s + "T00:00:00Z");

  // Saturdays and Sundays do not count.
  function addBusinessDays(s, n) {
    if (!G.isDate(s)) return "";
    let time = utc(s);
    while (n > 0) {
      time += DAY;
      if (new Date(time).getUTCDay() % 6) n -= 1;
    }
    return iso(time);
  }

  // The plan in date order; `words` are the page's data-planner-words, `years` the first and last
  // years a date may have. A decision date before the interview is left out (checkDates says so).
  function planSteps(input, today, words, years) {
    const v = { date: "", time: "", company: "", decision: "", offer: "", ...input };
    const steps = [];
    const step = (key, date, say, detail) => steps.push({ key, date, title: words[say][0], detail: detail || words[say][1] });
    if (!G.isDate(v.date, years)) return steps;
    today = today || G.today();
    // Under a week left: fit the preparation into the days left, none in the past.
    const left = Math.round((utc(v.date) - utc(today)) / DAY);
    const prep = Object.keys(STEPS).filter((key) => STEPS[key] < 0);
    const packed = left >= 0 && left < -STEPS[prep[0]];
    for (const key of Object.keys(STEPS)) {
      const i = prep.indexOf(key);
      const offset = packed && i >= 0 ? Math.round((i * Math.max(left - 1, 0)) / (prep.length - 1)) - left : STEPS[key];
      step(key, iso(utc(v.date) + offset * DAY), key);
    }
    if (packed) steps[0].detail = words.packed + " " + steps[0].detail;
    const interview = steps.find((s) => s.key === "interview");
    const company = G.plain(v.company).trim();
    if (company) interview.title += G.format(words.at, { company });
    if (G.isTime(v.time)) interview.time = v.time;
    if (G.isDate(v.decision, years) && v.decision >= v.date) {
      step("check-in", addBusinessDays(v.decision, 1), "after", G.format(words.after[1], { date: G.when(v.decision) }));
    } else {
      step("check-in", addBusinessDays(v.date, 5), "check-in");
    }
    if (G.isDate(v.offer, years)) step("offer", v.offer, "offer");
    for (const s of steps) s.past = s.date < today;
    return steps.sort((a, b) => (a.date > b.date) - (a.date < b.date));
  }

  // The message each date field needs: not a date, outside the years, a decision date before the
  // interview. The required date's "missing" is left to the caller.
  function checkDates(values, words, config) {
    const messages = {};
    for (const key of config.dates) {
      const s = G.text(values[key]);
      const year = /^(\d+)-\d\d-\d\d$/.exec(s);
      if (!s || G.isDate(s, config.years)) continue;
      messages[key] = year && (+year[1] < config.years[0] || +year[1] > config.years[1]) ? words.years : words.bad;
    }
    const date = G.text(values[config.required]);
    const decision = G.text(values[config.decision]);
    if (!messages[config.required] && !messages[config.decision] && G.isDate(date, config.years) &&
        G.isDate(decision, config.years) && decision < date) {
      messages[config.decision] = words.before;
    }
    return messages;
  }

  function mount(root, { config }) {
    const words = JSON.parse(root.getAttribute("data-planner-words"));
    const list = root.querySelector("[data-planner-steps]");
    const button = root.querySelector("[data-planner-ics]");
    const field = (key) => root.querySelector(`[data-planner-field="${key}"]`);
    const own = (key) => config.own.includes(key);
    const values = () => Object.fromEntries(config.fields.map((key) => [key, field(key).value.trim()]));
    let said = ""; // the plan last announced
    let drawn = ""; // the steps last drawn: redrawn only when they change, so a focus leaving a
    // field never replaces the link the reader is clicking or tabbing to

    function draw(steps) {
      drawn = JSON.stringify(steps);
      list.textContent = "";
      for (const s of steps) {
        const item = list.appendChild(document.createElement("li"));
        const when = item.appendChild(document.createElement("strong"));
        item.setAttribute("data-planner-step", s.key);
        item.setAttribute("data-planner-date", s.date);
        when.textContent = G.when(s.date, s.time);
        item.append(" " + s.title + (s.past ? words.passed : ""));
        item.appendChild(document.createElement("span")).textContent = s.detail;
        const link = root.querySelector("[data-planner-links]").content.querySelector(`[data-planner-link="${s.key}"]`);
        if (link) item.append(link.cloneNode(true));
      }
    }

    function show() {
      const v = values();
      let steps = planSteps(v, "", words, config.years);
      const checked = checkDates(v, words, config);
      for (const key of config.fields) {
        if (key === "company") continue; // the record's rule, checked as it is typed
        const bad = field(key).validity.badInput ? words.bad : checked[key] || "";
        if (bad && bad !== words.before) steps = [];
        G.invalid(field(key), bad);
        if (!bad && key === config.required && !G.isDate(v[key])) {
          document.getElementById(field(key).id + "-error").textContent = words.missing;
        }
      }
      if (JSON.stringify(steps) !== drawn) draw(steps);
      list.hidden = button.hidden = !steps.length;
      const plan = steps.length ? G.format(words.ready, { count: steps.length, first: G.when(steps[0].date),
        last: G.when(steps[steps.length - 1].date) }) : "";
      if (plan !== said && plan) G.say(root, plan);
      said = plan;
      return steps;
    }

    // From storage and the application's record, except a field the reader is in or has half typed
    // (another tab's save must not wipe it); after a switch, every field shows the other application.
    function fill(reason = {}) {
      const saved = G.read(config.store, {});
      const record = G.application() || {};
      for (const key of config.fields) {
        const input = field(key);
        if (!reason.switched && (input === document.activeElement || input.validity.badInput)) continue;
        const value = G.text(own(key) ? saved[key] : record[key]);
        if (input.value !== value) input.value = value;
        if (key === "company") G.invalid(input, "", true);
      }
      show();
    }

    root.addEventListener("input", (event) => {
      const key = event.target.getAttribute("data-planner-field");
      if (!key) return;
      const v = values();
      if (own(key)) {
        G.write(config.store, Object.fromEntries(config.own.map((k) => [k, v[k]])));
      } else if (key !== config.required || !v[key] || G.isDate(v[key])) {
        // The record's rules: a company cannot be emptied; a half-typed date waits.
        const problem = G.checkApplication({ [key]: v[key] })[key];
        G.invalid(event.target, key === "company" ? problem || "" : "");
        if (!problem) G.saveApplication(G.scope(), { [key]: v[key] });
      }
      show();
    });
    root.addEventListener("focusout", show); // a half-typed date fires no input
    // Higher on each download (seconds since 2026 began, and never the same twice in a visit), so a
    // calendar that has the plan replaces its events instead of adding them again (RFC 5545 SEQUENCE).
    let sequence = 0;
    button.addEventListener("click", () => {
      const record = G.application() || {};
      sequence = Math.max(sequence + 1, Math.floor((Date.now() - Date.UTC(2026, 0, 1)) / 1000));
      G.need("planner-calendar").then(({ calendarFile }) => {
        const file = calendarFile(show(), { id: G.scope(), record, words, sequence, now: new Date() });
        G.download(file.name, "text/calendar", file.text);
      }, () => G.say(root, G.words().failed, { error: true }));
    });
    fill();
    return fill;
  }

  G.register("planner", { mount, exports: { addBusinessDays, planSteps, checkDates } });
})();
