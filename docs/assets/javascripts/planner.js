/* The interview planner (macros/planner.py): dates in, a dated plan and a calendar file out. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;
  var DAY = 864e5;
  var UTF8 = new TextEncoder();
  var TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
  // Each step's day, counted from the interview; "interview" is the day itself.
  var STEPS = { research: -7, stories: -5, rehearse: -3, logistics: -1, interview: 0, thanks: 1 };

  /* Dates are "YYYY-MM-DD", counted in UTC so no clock change moves a day. */

  function iso(time) {
    return new Date(time).toISOString().slice(0, 10);
  }

  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  function utc(s) {
    var day = new Date(0);
    day.setUTCFullYear(+s.slice(0, 4), s.slice(5, 7) - 1, +s.slice(8, 10));
    return day.getTime();
  }

  function real(s) {
    return /^\d{4}-\d\d-\d\d$/.test(s) && iso(utc(s)) === s;
  }

  // A real date in the years the planner accepts ([first, last]; any year without them).
  function within(s, years) {
    return real(s) && (!years || (+s.slice(0, 4) >= years[0] && +s.slice(0, 4) <= years[1]));
  }

  // C0 and C1 control characters: never shown, never in a calendar file.
  var CONTROLS = /[\u0000-\u001f\u007f-\u009f]+/g;

  // Saturdays and Sundays do not count.
  function addBusinessDays(s, n) {
    var time = utc(s);
    if (!real(s)) return "";
    while (n > 0) {
      time += DAY;
      if (new Date(time).getUTCDay() % 6) n -= 1;
    }
    return iso(time);
  }

  // "Mon 30 Nov 2026": toUTCString's names are English in every locale.
  function readable(s) {
    return new Date(utc(s)).toUTCString().slice(0, 16).replace(/, 0?/, " ");
  }

  // The plan in date order; `words` are the page's data-planner-words, `years` the first and last
  // years a date may have. A decision date before the interview is left out (checkDates says so).
  function planSteps(input, today, words, years) {
    var raw = input || {};
    var v = { date: G.text(raw.date), time: G.text(raw.time),
      company: G.text(raw.company).replace(CONTROLS, " "),
      decision: G.text(raw.decision), offer: G.text(raw.offer) };
    var steps = [];
    function step(key, date, say, detail) {
      steps.push({ key: key, date: date, title: words[say][0], detail: detail || words[say][1] });
    }
    if (!within(v.date, years)) return steps;
    today = today || iso(Date.now() - new Date().getTimezoneOffset() * 6e4);
    // Under a week left: fit the preparation into the days left, none in the past.
    var left = Math.round((utc(v.date) - utc(today)) / DAY);
    var prep = Object.keys(STEPS).filter(function (key) {
      return STEPS[key] < 0;
    });
    var packed = left >= 0 && left < -STEPS[prep[0]];
    Object.keys(STEPS).forEach(function (key) {
      var i = prep.indexOf(key);
      var offset = packed && i >= 0 ? Math.round(i * Math.max(left - 1, 0) / (prep.length - 1)) - left
        : STEPS[key];
      step(key, iso(utc(v.date) + offset * DAY), key);
    });
    if (packed) steps[0].detail = words.packed + " " + steps[0].detail;
    var interview = steps[Object.keys(STEPS).indexOf("interview")];
    if (v.company.trim()) interview.title += G.format(words.at, { company: v.company.trim() });
    if (TIME.test(v.time)) interview.time = v.time;
    if (within(v.decision, years) && v.decision >= v.date) {
      step("check-in", addBusinessDays(v.decision, 1), "after",
        G.format(words.after[1], { date: readable(v.decision) }));
    } else {
      step("check-in", addBusinessDays(v.date, 5), "check-in");
    }
    if (within(v.offer, years)) step("offer", v.offer, "offer");
    steps.forEach(function (s) {
      s.past = s.date < today;
    });
    return steps.sort(function (a, b) {
      return (a.date > b.date) - (a.date < b.date);
    });
  }

  // RFC 5545 TEXT: a new line as \n, other control characters dropped.
  function escapeText(value) {
    return value.replace(/\r\n?/g, "\n").replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n")
      .replace(CONTROLS, " ");
  }

  // The message each date field needs: not a date, outside the years, a decision date before
  // the interview. The required date's "missing" is left to the caller.
  function checkDates(values, words, config) {
    var messages = {};
    config.dates.forEach(function (key) {
      var s = G.text(values[key]);
      var year = /^(\d+)-\d\d-\d\d$/.exec(s);
      if (year && real(s) && within(s, config.years)) return;
      if (year && (+year[1] < config.years[0] || +year[1] > config.years[1])) {
        messages[key] = words.years;
      } else if (s) {
        messages[key] = words.bad;
      }
    });
    var date = G.text(values[config.required]);
    var decision = G.text(values[config.decision]);
    if (!messages[config.required] && !messages[config.decision] && within(date, config.years) &&
        within(decision, config.years) && decision < date) {
      messages[config.decision] = words.before;
    }
    return messages;
  }

  // RFC 5545: fold at 75 octets of UTF-8, never inside a character.
  function fold(line) {
    var out = "";
    var used = 0;
    Array.from(line).forEach(function (ch) {
      var size = UTF8.encode(ch).length;
      if (used + size > 75) {
        out += "\r\n ";
        used = 1;
      }
      out += ch;
      used += size;
    });
    return out;
  }

  function toICS(steps, company, now) {
    company = G.text(company).replace(CONTROLS, " ").trim();
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//second-interview-guide//planner//EN",
      "CALSCALE:GREGORIAN"];
    steps.forEach(function (s) {
      var day = s.date.replace(/-/g, "");
      lines.push("BEGIN:VEVENT", "UID:" + s.key + "-" + day + "@second-interview-guide",
        "DTSTAMP:" + now.toISOString().replace(/[-:]|\.\d+/g, ""));
      if (s.time) {
        lines.push("DTSTART:" + day + "T" + s.time.replace(":", "") + "00", "DURATION:PT1H");
      } else {
        lines.push("DTSTART;VALUE=DATE:" + day,
          "DTEND;VALUE=DATE:" + iso(utc(s.date) + DAY).replace(/-/g, ""));
      }
      var summary = s.key !== "interview" && company ? s.title + " (" + company + ")" : s.title;
      lines.push("SUMMARY:" + escapeText(summary), "DESCRIPTION:" + escapeText(s.detail), "END:VEVENT");
    });
    return lines.concat("END:VCALENDAR", "").map(fold).join("\r\n");
  }

  function mount(root, context) {
    var config = context.config;
    var words = JSON.parse(root.getAttribute("data-planner-words"));
    var list = root.querySelector("[data-planner-steps]");
    var button = root.querySelector("[data-planner-ics]");
    function field(key) {
      return root.querySelector('[data-planner-field="' + key + '"]');
    }
    function values() {
      var v = {};
      config.fields.forEach(function (key) {
        v[key] = field(key).value.trim();
      });
      return v;
    }
    var said = ""; // the plan last announced
    var alerted = {}; // the error each field last announced
    function show() {
      var v = values();
      var steps = planSteps(v, "", words, config.years);
      var checked = checkDates(v, words, config);
      config.fields.forEach(function (key) {
        var bad = field(key).validity.badInput ? words.bad : checked[key] || "";
        var message = bad || (key === config.required && !real(v[key]) ? words.missing : "");
        if (bad && bad !== words.before) steps = [];
        root.querySelector('[data-planner-message="' + key + '"]').textContent = message;
        field(key).setAttribute("aria-invalid", String(!!bad));
        if (bad && alerted[key] !== bad) G.announce(root, bad, true);
        alerted[key] = bad;
      });
      if (!Object.keys(alerted).some(function (key) {
        return alerted[key];
      })) {
        G.announce(root, "", true);
      }
      list.textContent = "";
      steps.forEach(function (s) {
        var item = list.appendChild(document.createElement("li"));
        var when = document.createElement("strong");
        var detail = document.createElement("span");
        item.setAttribute("data-planner-step", s.key);
        item.setAttribute("data-planner-date", s.date);
        when.textContent = readable(s.date) + (s.time ? ", " + s.time : "");
        detail.textContent = s.detail;
        item.append(when, " " + s.title + (s.past ? words.passed : ""), detail);
      });
      list.hidden = button.hidden = !steps.length;
      var plan = steps.length ? G.format(words.ready, { count: steps.length,
        first: readable(steps[0].date), last: readable(steps[steps.length - 1].date) }) : "";
      if (plan !== said) G.announce(root, plan);
      said = plan;
      return steps;
    }
    // From storage, except a field the reader is in or has half typed (another tab's save
    // must not wipe it); their next keystroke saves it.
    function fill(reason) {
      var switched = reason && reason.switched; // another application: its fields, all of them
      var saved = G.strings(G.read(config.store, {}), config.fields);
      // The date, time and company are the current application's (one record, two views).
      var application = G.application();
      if (application) {
        config.application.forEach(function (key) {
          if (typeof application[key] === "string") saved[key] = application[key];
        });
      }
      config.fields.forEach(function (key) {
        var input = field(key);
        if (!switched && (input === document.activeElement || input.validity.badInput)) return;
        if (input.value !== saved[key]) input.value = saved[key];
      });
      show();
    }
    root.addEventListener("input", function () {
      var v = values();
      G.write(config.store, v);
      var shared = {};
      config.application.forEach(function (key) {
        shared[key] = v[key];
      });
      if (G.application() || Object.keys(shared).some(function (key) {
        return shared[key];
      })) {
        G.saveApplication(G.scope(), shared, config.application);
      }
      show();
    });
    root.addEventListener("focusout", show); // a half-typed date fires no input
    button.addEventListener("click", function () {
      G.download(config.calendarFile, "text/calendar", toICS(show(), values().company, new Date()));
    });
    G.sharedWithPlanner(config.application);
    fill();
    return fill;
  }

  G.register("planner", {
    mount: mount,
    ready: "data-planner-ready",
    exports: { addBusinessDays: addBusinessDays, planSteps: planSteps, checkDates: checkDates, toICS: toICS },
  });
})();
