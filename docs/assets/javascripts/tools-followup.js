/* The follow-up page's interview planner and thank-you drafter. Their words come from the page
   (macros/followup_tools_html.py); reader text is set only as .value or textContent. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;
  if (!G) return;
  var DAY = 864e5;
  var UTF8 = new TextEncoder();
  var TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
  var PLAN = ["date", "time", "company", "decision", "offer"];
  var CARD = ["name", "role", "topic", "reason", "message"];
  var STEPS = { research: -7, stories: -5, rehearse: -3, logistics: -1, interview: 0, thanks: 1 };
  var words = {};

  function q(root, selector) {
    return root.querySelector(selector);
  }

  // Saved data may be anything: keep only strings.
  function strings(raw, keys) {
    var value = {};
    keys.forEach(function (key) {
      value[key] = raw && typeof raw[key] === "string" ? raw[key] : "";
    });
    return value;
  }

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

  function planSteps(input, today) {
    var v = strings(input, PLAN);
    var steps = [];
    function step(key, date, say, detail) {
      steps.push({ key: key, date: date, title: words[say][0], detail: detail || words[say][1] });
    }
    if (!real(v.date)) return steps;
    today = today || iso(Date.now() - new Date().getTimezoneOffset() * 6e4);
    // Under a week left: fit the preparation into the days left, none in the past.
    var left = Math.round((utc(v.date) - utc(today)) / DAY);
    var prep = Object.keys(STEPS).filter(function (key) { return STEPS[key] < 0; });
    var packed = left >= 0 && left < -STEPS[prep[0]];
    Object.keys(STEPS).forEach(function (key) {
      var i = prep.indexOf(key);
      var offset = packed && i >= 0 ? Math.round(i * Math.max(left - 1, 0) / (prep.length - 1)) - left
        : STEPS[key];
      step(key, iso(utc(v.date) + offset * DAY), key);
    });
    if (packed) steps[0].detail = words.packed + " " + steps[0].detail;
    if (v.company.trim()) steps[4].title += " at " + v.company.trim();
    if (TIME.test(v.time)) steps[4].time = v.time;
    if (real(v.decision)) {
      step("check-in", addBusinessDays(v.decision, 1), "after",
        words.after[1].replace("{date}", readable(v.decision)));
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
      lines.push("SUMMARY:" + escapeText(s.key !== "interview" && company ? s.title + " (" + company + ")" : s.title),
        "DESCRIPTION:" + escapeText(s.detail), "END:VEVENT");
    });
    return lines.concat("END:VCALENDAR", "").map(fold).join("\r\n");
  }

  function mountPlanner(root, refresh) {
    var ready = root.hasAttribute("data-planner-ready");
    var list = q(root, "[data-planner-steps]");
    var button = q(root, "[data-planner-ics]");
    function field(key) {
      return q(root, '[data-planner-field="' + key + '"]');
    }
    function values() {
      var v = {};
      PLAN.forEach(function (key) {
        v[key] = field(key).value.trim();
      });
      return v;
    }
    function show() {
      var v = values();
      var steps = planSteps(v);
      PLAN.forEach(function (key) {
        var message = field(key).validity.badInput ? words.bad
          : key === "date" && !real(v.date) ? words.missing : "";
        if (message) steps = [];
        q(root, '[data-planner-message="' + key + '"]').textContent = message;
      });
      list.textContent = "";
      steps.forEach(function (s) {
        var item = list.appendChild(document.createElement("li"));
        item.setAttribute("data-planner-step", s.key);
        item.setAttribute("data-planner-date", s.date);
        item.append(document.createElement("strong"), " " + s.title + (s.past ? words.passed : ""),
          document.createElement("span"));
        item.firstChild.textContent = readable(s.date) + (s.time ? ", " + s.time : "");
        item.lastChild.textContent = s.detail;
      });
      list.hidden = button.hidden = !steps.length;
      return steps;
    }
    if (ready && !refresh) return;
    words = JSON.parse(root.getAttribute("data-planner-words"));
    if (!ready) {
      root.setAttribute("data-planner-ready", "");
      root.addEventListener("input", function () {
        G.write("planner", values());
        show();
      });
      root.addEventListener("focusout", show); // a half-typed date fires no input
      button.addEventListener("click", function () {
        var link = document.createElement("a");
        link.href = URL.createObjectURL(new Blob([toICS(show(), values().company, new Date())],
          { type: "text/calendar" }));
        link.download = "second-interview-plan.ics";
        link.click();
      });
    }
    var saved = strings(G.read("planner", {}), PLAN);
    PLAN.forEach(function (key) {
      field(key).value = saved[key];
    });
    show();
  }

  /* The thank-you drafter: all eight cards are in the page, the first list.length shown. */

  function mountDrafter(root, refresh) {
    var ready = root.hasAttribute("data-thankyou-ready");
    var say = JSON.parse(root.getAttribute("data-thankyou-words"));
    var cards = Array.from(root.querySelectorAll("[data-thankyou-card]"));
    var from = q(root, "[data-thankyou-from]");
    var add = q(root, "[data-thankyou-add]");
    function field(card, key) {
      return q(card, '[data-thankyou-field="' + key + '"]');
    }
    function values(card) {
      var v = { from: from.value, edited: card.hasAttribute("data-thankyou-edited") };
      CARD.forEach(function (key) {
        v[key] = field(card, key).value;
      });
      return v;
    }
    function shown() {
      return cards.filter(function (card) {
        return !card.hidden;
      }).map(values);
    }
    function update(card) {
      var v = values(card);
      var body = field(card, "message");
      // {key|hint}: the field without a closing full stop, or [hint].
      if (!v.edited) {
        body.value = say.draft.replace(/\{(\w+)\|(.*?)\}/g, function (all, key, hint) {
          return v[key].trim().replace(/[.!\s]+$/, "") || "[" + hint + "]";
        });
      }
      q(card, "[data-thankyou-rebuild]").hidden = !v.edited;
      q(card, "[data-thankyou-mail]").href = "mailto:?subject=" + encodeURIComponent(say.subject) +
        "&body=" + encodeURIComponent(body.value.replace(/\r?\n/g, "\r\n"));
    }
    function show(list) {
      if (!list.length) list.push({});
      cards.forEach(function (card, i) {
        var v = strings(list[i], CARD);
        card.hidden = !list[i];
        CARD.forEach(function (key) {
          field(card, key).value = v[key];
        });
        card.toggleAttribute("data-thankyou-edited", !!list[i] && list[i].edited === true);
        update(card);
      });
      add.hidden = list.length >= cards.length;
    }
    if (ready && !refresh) return;
    if (!ready) {
      root.setAttribute("data-thankyou-ready", "");
      root.addEventListener("input", function (event) {
        var card = event.target.closest("[data-thankyou-card]");
        if (card && event.target === field(card, "message")) {
          card.setAttribute("data-thankyou-edited", "");
        }
        (card ? [card] : cards).forEach(update);
        G.write("thankYou", shown());
      });
      root.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        var card = button && button.closest("[data-thankyou-card]");
        var list = shown();
        var body = card && field(card, "message");
        var status = card && q(card, "[data-thankyou-status]");
        function fail() {
          body.focus();
          body.select();
          status.textContent = say.copy;
        }
        if (button === add) {
          list.push({});
          show(list);
          field(cards[list.length - 1], "name").focus();
        } else if (!card) {
          return;
        } else if (button.hasAttribute("data-thankyou-remove")) {
          list.splice(cards.indexOf(card), 1);
          show(list);
          add.focus();
        } else if (button.hasAttribute("data-thankyou-rebuild")) {
          card.removeAttribute("data-thankyou-edited");
          update(card);
        } else {
          try {
            navigator.clipboard.writeText(body.value).then(function () {
              status.textContent = say.copied;
            }, fail);
          } catch (error) {
            fail();
          }
        }
        G.write("thankYou", shown());
      });
    }
    var saved = G.read("thankYou", []);
    var list = (Array.isArray(saved) ? saved : []).filter(function (card) {
      return card && typeof card === "object";
    }).slice(0, cards.length);
    from.value = strings(list[0], ["from"]).from;
    show(list);
  }

  G.tools = G.tools || {};
  G.tools.planner = { addBusinessDays: addBusinessDays, planSteps: planSteps, toICS: toICS };

  G.onMount(function (opts) {
    document.querySelectorAll("[data-planner]").forEach(function (root) {
      mountPlanner(root, opts.refresh);
    });
    document.querySelectorAll("[data-thankyou]").forEach(function (root) {
      mountDrafter(root, opts.refresh);
    });
  });
})();
