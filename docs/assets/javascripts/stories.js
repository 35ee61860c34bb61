/* The story bank (macros/stories.py): the reader's STAR stories, the map of which question themes
   they cover (on the bank and on other pages) and their titles on the cheat sheet. Limits, tags
   and messages come from the page; text is written only with textContent or .value. */
(function () {
  "use strict";

  var G = window.SecondInterviewGuide;

  // The saved stories that have a title, cut to the bank's limits, with known tags only.
  function readStories(config) {
    var saved = G.read(config.store, []);
    return (Array.isArray(saved) ? saved : []).filter(function (raw) {
      return raw && G.text(raw[config.title]).trim();
    }).slice(0, config.most).map(function (raw) {
      var story = {
        tags: [].concat(raw.tags).filter(function (tag) {
          return config.tags.indexOf(tag) !== -1;
        }),
      };
      story[config.title] = G.text(raw[config.title]).slice(0, config.titleLimit);
      config.parts.forEach(function (part) {
        story[part] = G.text(raw[part]).slice(0, config.partLimit);
      });
      return story;
    });
  }

  // True when what is stored holds more than the bank shows (from an old version or an edited
  // entry): more stories than it keeps, or text past a field's limit. The reader is told.
  function isCut(config) {
    var saved = G.read(config.store, []);
    var whole = (Array.isArray(saved) ? saved : []).filter(function (raw) {
      return raw && G.text(raw[config.title]).trim();
    });
    return whole.length > config.most || whole.some(function (raw) {
      return G.text(raw[config.title]).length > config.titleLimit || config.parts.some(function (part) {
        return G.text(raw[part]).length > config.partLimit;
      });
    });
  }

  function titleOf(story, config) {
    return story[config.title];
  }

  function showCoverage(root, stories, config) {
    root.querySelectorAll("[data-stories-theme]").forEach(function (row) {
      var needs = row.getAttribute("data-stories-tags").split(" ");
      var titles = stories.filter(function (story) {
        return story.tags.some(function (tag) {
          return needs.indexOf(tag) !== -1;
        });
      }).map(function (story) {
        return titleOf(story, config);
      });
      row.classList.toggle("sig-coverage--covered", titles.length > 0);
      row.querySelector("[data-stories-covered]").textContent = titles.length ?
        G.format(config.covered, { titles: titles.join(config.tagSeparator) }) : config.uncovered;
    });
  }

  function showTitles(list, stories, config) {
    list.textContent = "";
    stories.slice(0, config.onSheet).forEach(function (story) {
      list.appendChild(document.createElement("li")).textContent = titleOf(story, config);
    });
    list.hidden = !stories.length;
  }

  function mountBank(root, config) {
    var editing = -1; // the index of the story in the form, or -1 when adding
    var original = ""; // that story as it was when the reader opened it, to find it again
    function find(name) {
      return root.querySelector("[data-stories-" + name + "]");
    }
    function field(part) {
      return find('field="' + part + '"');
    }
    // Results in the bank's polite region (its message line), with the count of stories.
    function say(message) {
      G.announce(root, message + " " + G.format(config.count,
        { count: readStories(config).length, most: config.most }));
    }
    function fillForm(story) {
      [config.title].concat(config.parts).forEach(function (part) {
        field(part).value = story ? story[part] : "";
      });
      root.querySelectorAll("[data-stories-tag]").forEach(function (box) {
        box.checked = !!story && story.tags.indexOf(box.value) !== -1;
      });
      root.classList.toggle("sig-stories--editing", !!story);
      find("title-error").textContent = "";
      field(config.title).setAttribute("aria-invalid", "false");
    }
    function showList() {
      var stories = readStories(config);
      var list = find("list");
      list.textContent = "";
      stories.forEach(function (story, index) {
        var item = list.appendChild(
          find("row").content.querySelector("[data-stories-item]").cloneNode(true));
        item.querySelector("[data-stories-item-title]").textContent = titleOf(story, config);
        item.querySelector("[data-stories-item-tags]").textContent = story.tags.join(config.tagSeparator);
        item.querySelectorAll("[data-stories-item-name]").forEach(function (name) {
          name.textContent = " " + titleOf(story, config);
        });
        item.querySelector("[data-stories-edit]").addEventListener("click", function () {
          editing = index;
          original = JSON.stringify(story);
          fillForm(story);
          field(config.title).focus();
        });
        G.confirmTwice(item.querySelector("[data-stories-delete]"), function () {
          stories.splice(index, 1);
          G.write(config.store, stories);
          if (editing === index) fillForm(null);
          editing = editing === index ? -1 : editing - (editing > index ? 1 : 0);
          showList();
          say(config.deleted);
          find("heading").focus();
        });
      });
      find("count").textContent = stories.length;
      find("empty").hidden = stories.length > 0;
      showCoverage(root, stories, config);
    }
    function reset() {
      editing = -1;
      fillForm(null);
      showList();
    }
    // Where the story being edited is now (another tab may have moved or deleted it), or -1.
    function findEdited(stories) {
      return stories.map(function (story) {
        return JSON.stringify(story);
      }).indexOf(original);
    }
    // Another tab saved: the list follows, and the form keeps what the reader is typing. If the
    // story being edited was deleted there, the reader is told and can save it as a new one.
    function refresh() {
      if (isCut(config)) say(config.cut);
      if (editing >= 0) {
        editing = findEdited(readStories(config));
        if (editing < 0) {
          root.classList.remove("sig-stories--editing");
          say(config.goneElsewhere);
        }
      }
      showList();
    }
    function save() {
      var stories = readStories(config);
      if (editing >= 0) editing = findEdited(stories);
      var story = { tags: [] };
      [config.title].concat(config.parts).forEach(function (part) {
        story[part] = field(part).value.trim();
      });
      if (!titleOf(story, config)) {
        find("title-error").textContent = config.needsTitle;
        field(config.title).setAttribute("aria-invalid", "true");
        G.announce(root, config.needsTitle, true);
        field(config.title).focus();
        return;
      }
      if (editing < 0 && stories.length >= config.most) {
        G.announce(root, config.full); // shown on the message line, so said there
        return;
      }
      G.announce(root, "", true);
      root.querySelectorAll("[data-stories-tag]:checked").forEach(function (box) {
        story.tags.push(box.value);
      });
      if (editing < 0) {
        stories.push(story);
      } else {
        stories.splice(editing, 1, story);
      }
      G.write(config.store, stories);
      reset();
      say(config.saved);
    }
    find("save").addEventListener("click", save);
    find("form").addEventListener("submit", function (event) {
      event.preventDefault();
      save();
    });
    find("cancel").addEventListener("click", reset);
    showList();
    if (isCut(config)) say(config.cut);
    return refresh;
  }

  // One component, three places: the bank (with its own map), a map alone, the sheet's titles.
  function mount(element, context) {
    var config = context.config;
    if (element.hasAttribute("data-stories")) return mountBank(element, config);
    function show() {
      var stories = readStories(config);
      if (element.hasAttribute("data-story-titles")) {
        showTitles(element, stories, config);
      } else {
        showCoverage(element, stories, config);
      }
    }
    show();
    return show;
  }

  G.register("stories", { mount: mount, ready: "data-stories-ready" });
})();
