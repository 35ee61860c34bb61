/* A search that finds nothing says so and offers the sections (overrides/main.html holds the
   words): loaded by the core when the reader first types in Material's search box. */
(() => {
  "use strict";

  const G = window.SecondInterviewGuide;
  const result = document.querySelector(".md-search-result");
  const input = document.querySelector(".md-search__input");
  const words = document.querySelector("[data-guide-search-none]");
  if (result && input && words) {
    const none = document.createElement("nav");
    none.className = "sig-search-none";
    none.setAttribute("data-guide-search-sections", "");
    none.hidden = true;
    result.append(none);
    const show = () => {
      const empty = input.value.trim() !== "" && !result.querySelector(".md-search-result__item");
      if (empty && !none.childNodes.length) {
        none.append(words.textContent);
        const list = none.appendChild(document.createElement("ul"));
        for (const link of document.querySelectorAll(".md-nav--primary > .md-nav__list > .md-nav__item > a.md-nav__link")) {
          list.appendChild(document.createElement("li")).append(link.cloneNode(true));
        }
      }
      none.hidden = !empty;
    };
    new MutationObserver(show).observe(result, { childList: true, subtree: true, characterData: true });
    input.addEventListener("input", show);
  }
  G.register("guide-search", {});
})();
