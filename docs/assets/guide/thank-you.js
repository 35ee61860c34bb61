/* The thank-you drafter (macros/thank_you.py): a message per interviewer, edited or rebuilt from
   its fields. Each card's draft is put together in Python (so no two interviewers of one
   application get the same letter); the script writes the fields' text into it. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;

  // The first name to greet, or a title with the surname ("Dr Samuel Okafor": "Dr Okafor"); a
  // single name is left whole.
  function firstName(name, titles) {
    const words = G.plain(name).trim().split(/\s+/).filter(Boolean);
    if (words.length > 1 && titles.includes(words[0].toLowerCase())) return words[0] + " " + words[words.length - 1];
    return words[0] || "";
  }

  // Card `n`'s draft (n from 0): each field's mark ([hint], words.blanks) replaced by its text
  // without a closing full stop, or left while it is empty. One pass, so typed text that looks
  // like a mark stays as typed. Pure.
  function draft(values, n, words) {
    const v = { ...values, first: firstName(values.name, words.titles) };
    const keyOf = Object.fromEntries(Object.entries(words.blanks).map(([key, mark]) => [mark, key]));
    const marks = new RegExp(Object.keys(keyOf).map((mark) => mark.replace(/[[\]().*+?^${}|\\]/g, "\\$&")).join("|"), "g");
    return words.drafts[n % words.drafts.length].replace(marks, (mark) =>
      G.plain(v[keyOf[mark]]).trim().replace(/[.!\s]+$/, "") || mark);
  }

  // The interviewers listed on the cheat sheet, at most `most`, as [name, role]: a line each, the
  // name first, then the role after a comma, a dash or in brackets. Pure.
  function fromSheet(text, most) {
    return G.text(text).split("\n").map((line) => G.plain(line).trim()).filter(Boolean).slice(0, most).map((line) => {
      const [, name, role] = line.match(/^(.*?)\s*(?:,|\s[-\u2013\u2014]\s|\()\s*(.*?)\)?$/) || [null, line, ""];
      return [name.trim(), role.trim()];
    });
  }

  function subject(record, words) {
    const job = G.plain(record.role).trim();
    const company = G.plain(record.company).trim();
    return job && company ? G.format(words.subject, { job, company }) : words.subjectPlain;
  }

  function mount(root, { config }) {
    const words = JSON.parse(root.getAttribute("data-thankyou-words"));
    const cards = [root.querySelector("[data-thankyou-card]")];
    // The page holds the first card; the others are made from it, their ids renumbered.
    const firstIds = G.format(config.ids, { n: 1 });
    for (let n = 2; n <= config.most; n += 1) {
      const card = cards[0].cloneNode(true);
      card.hidden = true;
      card.querySelectorAll("[id], [for], [aria-describedby]").forEach((element) => {
        for (const name of ["id", "for", "aria-describedby"]) {
          if (element.hasAttribute(name)) element.setAttribute(name, element.getAttribute(name).split(firstIds).join(G.format(config.ids, { n })));
        }
      });
      card.querySelector("legend").textContent = G.format(config.legend, { n });
      cards[cards.length - 1].after(card);
      cards.push(card);
    }
    const from = root.querySelector("[data-thankyou-from]");
    const add = root.querySelector("[data-thankyou-add]");
    const field = (card, key) => card.querySelector(`[data-thankyou-field="${key}"]`);
    const values = (card) => ({ edited: card.hasAttribute("data-thankyou-edited"), [config.from]: from.value,
      ...Object.fromEntries(config.fields.map((key) => [key, field(card, key).value])) });
    const shown = () => cards.filter((card) => !card.hidden).map(values);

    function update(card) {
      const v = values(card);
      const body = field(card, config.message);
      if (!v.edited) body.value = draft(v, cards.indexOf(card), words);
      card.querySelector("[data-thankyou-rebuild]").hidden = !v.edited;
      card.querySelector("[data-thankyou-mail]").href = "mailto:?subject=" +
        encodeURIComponent(subject(G.application() || {}, words)) + "&body=" + encodeURIComponent(body.value.replace(/\r?\n/g, "\r\n"));
    }

    function show(list) {
      if (!list.length) list.push({});
      cards.forEach((card, i) => {
        card.hidden = !list[i];
        for (const key of config.fields) field(card, key).value = G.text((list[i] || {})[key]);
        card.toggleAttribute("data-thankyou-edited", !!list[i] && list[i].edited === true);
        update(card);
      });
      add.hidden = list.length >= cards.length;
    }

    const save = () => G.write(config.store, shown());

    function copy(card) {
      const body = field(card, config.message);
      const status = card.querySelector("[data-thankyou-status]");
      const tell = (message) => {
        status.textContent = message;
        G.say(root, message);
      };
      const fail = () => {
        body.focus();
        body.select();
        tell(words.copy);
      };
      try {
        navigator.clipboard.writeText(body.value).then(() => tell(words.copied), fail);
      } catch (error) {
        fail();
      }
    }

    function fill() {
      const saved = G.read(config.store, []);
      const whole = saved.filter((card) => card !== null && typeof card === "object");
      const list = whole.slice(0, cards.length);
      // Nothing saved here yet: the cards start from the cheat sheet's list, saved once changed.
      const sheet = list.length ? [] : fromSheet((G.readPart(config.sheet.part) || {})[config.sheet.field], cards.length)
        .map((parts) => Object.fromEntries(config.sheet.into.map((key, i) => [key, parts[i].slice(0, field(cards[0], key).maxLength)])));
      root.querySelector("[data-thankyou-sheet]").hidden = !sheet.length;
      root.querySelector("[data-guide-cut]").hidden = !(whole.length > cards.length || whole.some((card) =>
        [from, ...config.fields.map((key) => field(cards[0], key))].some((input) => {
          const key = input === from ? config.from : input.getAttribute("data-thankyou-field");
          return input.maxLength > 0 && G.text(card[key]).length > input.maxLength;
        })));
      from.value = G.text((list[0] || {})[config.from]);
      show(list.length ? list : sheet);
    }

    root.addEventListener("input", (event) => {
      const card = event.target.closest("[data-thankyou-card]");
      if (card && event.target === field(card, config.message)) card.setAttribute("data-thankyou-edited", "");
      (card ? [card] : cards).forEach(update);
      save();
    });
    root.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      const card = button && button.closest("[data-thankyou-card]");
      const list = shown();
      if (button === add) {
        list.push({});
        show(list);
        field(cards[list.length - 1], config.fields[0]).focus();
        G.say(root, G.format(words.added, { n: list.length }));
      } else if (!card) {
        return;
      } else if (button.hasAttribute("data-thankyou-remove")) {
        const at = cards.indexOf(card);
        const [removed] = list.splice(at, 1);
        show(list);
        add.focus();
        G.say(root, G.format(words.removed, { n: at + 1, name: G.plain(removed.name).trim() || "" }).replace(/, \.$/, "."), {
          undo() {
            const back = shown();
            back.splice(at, 0, removed);
            show(back.slice(0, cards.length));
            save();
            field(cards[at], config.fields[0]).focus();
          },
        });
      } else if (button.hasAttribute("data-thankyou-rebuild")) {
        card.removeAttribute("data-thankyou-edited");
        update(card);
        G.say(root, words.rebuilt);
      } else if (button.hasAttribute("data-thankyou-copy")) {
        copy(card);
      }
      save();
    });
    fill();
    return fill;
  }

  G.register("thank-you", { mount, exports: { draft, firstName, fromSheet, subject } });
})();
