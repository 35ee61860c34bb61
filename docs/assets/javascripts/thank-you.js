/* The thank-you drafter (macros/thank_you.py): a message per interviewer, edited or rebuilt. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  function mount(root, context) {
    var config = context.config;
    var say = JSON.parse(root.getAttribute("data-thankyou-words"));
    var cards = Array.from(root.querySelectorAll("[data-thankyou-card]"));
    var from = root.querySelector("[data-thankyou-from]");
    var add = root.querySelector("[data-thankyou-add]");
    function field(card, key) {
      return card.querySelector('[data-thankyou-field="' + key + '"]');
    }
    function values(card) {
      var v = { edited: card.hasAttribute("data-thankyou-edited") };
      v[config.from] = from.value;
      config.fields.forEach(function (key) {
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
      var body = field(card, config.message);
      // {key|hint}: the field without a closing full stop, or [hint].
      if (!v.edited) {
        body.value = say.draft.replace(/\{(\w+)\|(.*?)\}/g, function (all, key, hint) {
          return v[key].trim().replace(/[.!\s]+$/, "") || "[" + hint + "]";
        });
      }
      card.querySelector("[data-thankyou-rebuild]").hidden = !v.edited;
      card.querySelector("[data-thankyou-mail]").href = "mailto:?subject=" +
        encodeURIComponent(say.subject) + "&body=" +
        encodeURIComponent(body.value.replace(/\r?\n/g, "\r\n"));
    }
    function show(list) {
      if (!list.length) list.push({});
      cards.forEach(function (card, i) {
        var v = G.strings(list[i], config.fields);
        card.hidden = !list[i];
        config.fields.forEach(function (key) {
          field(card, key).value = v[key];
        });
        card.toggleAttribute("data-thankyou-edited", !!list[i] && list[i].edited === true);
        update(card);
      });
      add.hidden = list.length >= cards.length;
    }
    function save() {
      G.write(config.store, shown());
    }
    function copy(card) {
      var body = field(card, config.message);
      var status = card.querySelector("[data-thankyou-status]");
      function fail() {
        body.focus();
        body.select();
        status.textContent = say.copy;
        G.announce(root, say.copy);
      }
      try {
        navigator.clipboard.writeText(body.value).then(function () {
          status.textContent = say.copied;
          G.announce(root, say.copied);
        }, fail);
      } catch (error) {
        fail();
      }
    }
    function fill() {
      var saved = G.read(config.store, []);
      var whole = (Array.isArray(saved) ? saved : []).filter(function (card) {
        return card !== null && typeof card === "object";
      });
      var list = whole.slice(0, cards.length);
      G.tellCut(root, whole.length > cards.length || whole.some(function (card) {
        return [from].concat(config.fields.map(function (key) {
          return field(cards[0], key);
        })).some(function (input) {
          var key = input === from ? config.from : input.getAttribute("data-thankyou-field");
          return input.maxLength > 0 && G.text(card[key]).length > input.maxLength;
        });
      }));
      from.value = G.strings(list[0], [config.from])[config.from];
      show(list);
    }

    root.addEventListener("input", function (event) {
      var card = event.target.closest("[data-thankyou-card]");
      if (card && event.target === field(card, config.message)) {
        card.setAttribute("data-thankyou-edited", "");
      }
      (card ? [card] : cards).forEach(update);
      save();
    });
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      var card = button && button.closest("[data-thankyou-card]");
      var list = shown();
      if (button === add) {
        list.push({});
        show(list);
        field(cards[list.length - 1], config.fields[0]).focus();
        G.announce(root, G.format(say.added, { n: list.length }));
      } else if (!card) {
        return;
      } else if (button.hasAttribute("data-thankyou-remove")) {
        list.splice(cards.indexOf(card), 1);
        show(list);
        add.focus();
        G.announce(root, G.format(say.removed, { n: Math.max(list.length, 1) }));
      } else if (button.hasAttribute("data-thankyou-rebuild")) {
        card.removeAttribute("data-thankyou-edited");
        update(card);
        G.announce(root, say.rebuilt);
      } else if (button.hasAttribute("data-thankyou-copy")) {
        copy(card);
      }
      save();
    });
    fill();
    return fill;
  }

  G.register("thank-you", { mount: mount, ready: "data-thankyou-ready" });
})();
