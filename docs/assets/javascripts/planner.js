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

  function utc(s) {
    return Date.UTC(s.slice(0, 4), s.slice(5, 7) - 1, s.slice(8, 10));
  }

  function real(s) {
    return /^\d{4}-\d\d-\d\d$/.test(s) && iso(utc(s)) === s;
  }

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

  // The plan in date order; `words` are the page's data-planner-words.
  function planSteps(input, today, words) {
    var raw = input || {};
    var v = { date: G.text(raw.date), time: G.text(raw.time), company: G.text(raw.company),
      decision: G.text(raw.decision), offer: G.text(raw.offer) };
    var steps = [];
    function step(key, date, say, detail) {
      steps.push({ key: key, date: date, title: words[say][0], detail: detail || words[say][1] });
    }
    if (!real(v.date)) return steps;
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
    if (real(v.decision)) {
      step("check-in", addBusinessDays(v.decision, 1), "after",
        G.format(words.after[1], { date: readable(v.decision) }));
    } else {
      step("check-in", addBusinessDays(v.date, 5), "check-in");
    }
    if (real(v.offer)) step("offer", v.offer, "offer");
    steps.forEach(function (s) {
      s.past = s.date < today;
    });
    return steps.sort(function (a, b) {
      return (a.date > b.date) - (a.date < b.date);
    });
  }

  function escapeText(value) {
    return value.replace(/[\\;,]/g, "\\$&").replace(/\n/g, "\\n");
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
    function show() {
      var v = values();
      var steps = planSteps(v, "", words);
      config.fields.forEach(function (key) {
        var message = field(key).validity.badInput ? words.bad
          : key === config.required && !real(v[key]) ? words.missing : "";
        if (message) steps = [];
        root.querySelector('[data-planner-message="' + key + '"]').textContent = message;
      });
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
    exports: { addBusinessDays: addBusinessDays, planSteps: planSteps, toICS: toICS },
  });
})();
