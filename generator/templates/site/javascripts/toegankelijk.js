// Keyboard and screen-reader fixes on top of the theme (Material for MkDocs, Zensical).
// - The menu and search toggles are labels in the theme's markup; here they become real
//   buttons in the tab order, with aria-expanded, Escape to close and focus management.
// - In the drawer (below 1220 px) every section that opens a sub-menu is a button with
//   aria-expanded (Enter or Space), the title of an open sub-menu is its "terug" button,
//   and Tab stays inside the open drawer.
// - A search hit opens the page at the first highlighted occurrence of the words.
// - The search dialog and the breadcrumb trail get names of their own.
// - A box that scrolls sideways (a wide table or chart) is focusable and named only while
//   it really scrolls, each with its own name (WCAG 2.1.1, 4.1.2; axe landmark-unique).
(function () {
  "use strict";

  var SCROLLERS = ".md-typeset__scrollwrap, .scrollvak";

  function checkbox(id) {
    return document.getElementById(id);
  }

  // Width at which the theme shows the navigation as a drawer (its own breakpoint).
  var DRAWER = window.matchMedia("(max-width: 76.234375em)");

  function shown(el) {
    return (el.offsetParent !== null || el.getClientRects().length > 0) && getComputedStyle(el).visibility === "visible";
  }

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll("a[href], button, input:not([type=checkbox]), [tabindex]:not([tabindex='-1'])"),
      shown
    );
  }

  function text(el) {
    return (el.textContent || "").replace(/\s+/g, " ").trim();
  }

  function activate(el, handler) {
    el.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        event.stopPropagation();  // the theme clicks a focused label on Enter too
        handler();
      }
    });
  }

  // A label that toggles a checkbox becomes a button that does the same.
  function toggleButton(label, toggle, name, controls) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className;
    button.setAttribute("data-toggle", toggle.id);  // the stylesheet hides it where the theme hid the label
    button.innerHTML = label.innerHTML;
    button.setAttribute("aria-label", name);
    button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    if (controls) button.setAttribute("aria-controls", controls.id);
    button.addEventListener("click", function () {
      toggle.checked = !toggle.checked;
      toggle.dispatchEvent(new Event("change", { bubbles: true }));
    });
    toggle.addEventListener("change", function () {
      button.setAttribute("aria-expanded", toggle.checked ? "true" : "false");
    });
    label.parentNode.replaceChild(button, label);
    return button;
  }

  function drawer() {
    var toggle = checkbox("__drawer");
    var label = document.querySelector("label.md-header__button[for='__drawer']");
    var sidebar = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !sidebar) return;
    sidebar.id = sidebar.id || "hoofdmenu";
    var button = toggleButton(label, toggle, "Menu", sidebar);
    toggle.addEventListener("change", function () {
      if (!toggle.checked) return;
      // Wait for the drawer to become visible, then move focus into it.
      window.setTimeout(function () {
        var first = focusables(sidebar)[0];
        if (first) first.focus();
      }, 50);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));
        button.focus();
      }
    });
    // While the drawer is open, Tab and Shift+Tab go round inside it.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Tab" || !toggle.checked || !DRAWER.matches) return;
      var items = focusables(sidebar);
      if (!items.length) return;
      var first = items[0], last = items[items.length - 1], here = document.activeElement;
      if (!sidebar.contains(here)) {
        event.preventDefault();
        (event.shiftKey ? last : first).focus();
      } else if (event.shiftKey && here === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && here === last) {
        event.preventDefault();
        first.focus();
      }
    });
    submenus(sidebar);
  }

  // The drawer's sub-menus. The theme opens one with a <label> for a hidden checkbox; a
  // label can be no button, so the label's text becomes one (role, Tab stop, Enter and
  // Space, aria-expanded), and the arrow at the top of an open level becomes the button
  // back to the level it came from. A click on either still reaches the label. At full
  // width the theme shows the sections as headings, not as something to open: there
  // they are no buttons.
  function submenus(sidebar) {
    var levels = [];
    Array.prototype.forEach.call(sidebar.querySelectorAll("input.md-nav__toggle[id]"), function (input) {
      var item = input.parentNode;
      var opener = item.querySelector(":scope > label.md-nav__link[for='" + input.id + "']");
      var nav = item.querySelector(":scope > nav.md-nav");
      var knob = opener && opener.querySelector(":scope > .md-ellipsis");
      if (!knob || !nav) return;
      var back = nav.querySelector(":scope > label.md-nav__title[for='" + input.id + "'] > .md-nav__icon");
      var parentNav = item.parentNode.closest("nav.md-nav");
      var parentTitle = parentNav && parentNav.querySelector(":scope > .md-nav__title");
      var parentName = parentNav && !parentNav.classList.contains("md-nav--primary") && parentTitle ? text(parentTitle) : "het hoofdmenu";
      opener.removeAttribute("tabindex");  // the text inside is the Tab stop
      nav.id = nav.id || input.id + "_menu";
      levels.push({ input: input, knob: knob, nav: nav, back: back, section: item.classList.contains("md-nav__item--section"), parentName: parentName });
    });

    function set(level, open, focus) {
      level.input.checked = open;
      level.input.dispatchEvent(new Event("change", { bubbles: true }));
      if (!focus) return;
      window.setTimeout(function () {
        var target = open ? focusables(level.nav.querySelector(":scope > .md-nav__list"))[0] : level.knob;
        if (target) target.focus();
      }, 50);
    }

    function button(el, on, name) {
      if (on) {
        el.setAttribute("role", "button");
        el.setAttribute("tabindex", "0");
        if (name) el.setAttribute("aria-label", name);
      } else {
        ["role", "tabindex", "aria-label", "aria-expanded", "aria-controls"].forEach(function (a) { el.removeAttribute(a); });
      }
    }

    function update() {
      levels.forEach(function (level) {
        var toggles = DRAWER.matches || !level.section;
        button(level.knob, toggles);
        if (toggles) {
          level.knob.setAttribute("aria-expanded", level.input.checked ? "true" : "false");
          level.knob.setAttribute("aria-controls", level.nav.id);
        }
        level.nav.setAttribute("aria-expanded", level.input.checked ? "true" : "false");
        if (level.back) button(level.back, DRAWER.matches, "Terug naar " + level.parentName);
      });
    }

    levels.forEach(function (level) {
      activate(level.knob, function () {
        if (DRAWER.matches || !level.section) set(level, !level.input.checked, true);
      });
      if (level.back) activate(level.back, function () { set(level, false, true); });
      level.input.addEventListener("change", update);
    });
    if (DRAWER.addEventListener) DRAWER.addEventListener("change", update);
    update();
  }

  // The theme names the breadcrumb trail like the main menu; two landmarks, one name.
  function landmarks() {
    var path = document.querySelector("nav.md-path");
    if (path) path.setAttribute("aria-label", "U bent hier");
  }

  function search() {
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Zoeken op deze site");
    var toggle = checkbox("__search");
    var label = document.querySelector("label.md-header__button[for='__search']");
    if (!toggle || !label) return;
    var button = toggleButton(label, toggle, "Zoeken", dialog);
    var input = document.querySelector("input.md-search__input");
    // Opened with the button (on a narrow screen), the search field gets the focus;
    // Escape closes the search and gives it back to the button.
    button.addEventListener("click", function () {
      if (toggle.checked && input) window.setTimeout(function () { input.focus(); }, 50);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && button.offsetParent !== null) {
        window.setTimeout(function () { if (!toggle.checked) button.focus(); }, 0);
      }
    });
    highlightEveryHit(input);
  }

  // The theme gives the link to a page found through one of its sections an empty `?h=`:
  // that page would open at its top with nothing highlighted. Such a link gets the words
  // of the page's other hits (or of the search field), so it lands on them too.
  function highlightEveryHit(input) {
    var list = document.querySelector(".md-search-result__list");
    if (!list || !window.MutationObserver) return;
    function words(item) {
      var found = null;
      Array.prototype.forEach.call(item.querySelectorAll("a[href]"), function (a) {
        var h = new URL(a.href, window.location.href).searchParams.get("h");
        if (h && !found) found = h;
      });
      return found || (input ? input.value.trim() : "");
    }
    new MutationObserver(function () {
      Array.prototype.forEach.call(list.querySelectorAll(".md-search-result__item"), function (item) {
        var h = words(item);
        if (!h) return;
        Array.prototype.forEach.call(item.querySelectorAll("a[href]"), function (a) {
          var url = new URL(a.href, window.location.href);
          if (url.searchParams.has("h") && !url.searchParams.get("h")) {
            url.searchParams.set("h", h);
            a.href = url.href;
          }
        });
      });
    }).observe(list, { childList: true, subtree: true });
  }

  function scrollerName(box, used) {
    var base;
    var caption = box.querySelector("caption");
    var chart = box.querySelector("svg title");
    if (caption) {
      base = "Tabel: " + caption.textContent.trim();
    } else if (chart) {
      base = "Grafiek: " + chart.textContent.trim();
    } else {
      var heading = null;
      for (var el = box; el && !heading; el = el.previousElementSibling || el.parentElement) {
        if (/^H[1-6]$/.test(el.tagName) && el !== box) heading = el;
      }
      base = "Tabel" + (heading ? " bij " + heading.textContent.replace(/\s+/g, " ").trim() : "");
    }
    var name = base, n = 1;
    while (used[name]) name = base + " (" + (++n) + ")";
    used[name] = true;
    return name + ", scrol opzij voor de rest";
  }

  function scrollers() {
    var boxes = document.querySelectorAll(SCROLLERS);
    function update() {
      var used = {};
      Array.prototype.forEach.call(boxes, function (box) {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("aria-label", scrollerName(box, used));
        } else {
          box.removeAttribute("tabindex");
          box.removeAttribute("role");
          box.removeAttribute("aria-label");
        }
      });
    }
    update();
    if (window.ResizeObserver) {
      var pending = false;
      var observer = new ResizeObserver(function () {
        if (pending) return;
        pending = true;
        window.requestAnimationFrame(function () { pending = false; update(); });
      });
      Array.prototype.forEach.call(boxes, function (box) { observer.observe(box); });
    } else {
      window.addEventListener("resize", update);
    }
  }

  // A search hit opens its page with the words highlighted (the theme's search.highlight,
  // `?h=` in the address) but at the top of the page or of the section found. Bring the
  // first highlighted occurrence at or after that point on screen, below the header.
  function searchLanding() {
    var params = new URLSearchParams(window.location.search);
    if (!params.get("h")) return;
    var content = document.querySelector(".md-content") || document.body;
    var target = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    var tries = 0;
    (function look() {
      var marks = content.querySelectorAll("mark[data-md-highlight]");
      if (!marks.length) {
        if (++tries < 100) window.setTimeout(look, 50);  // the theme highlights once its index has loaded
        return;
      }
      var first = Array.prototype.find.call(marks, function (mark) {
        return !target || target.contains(mark) || (target.compareDocumentPosition(mark) & Node.DOCUMENT_POSITION_FOLLOWING);
      }) || marks[0];
      var header = document.querySelector(".md-header");
      var top = header ? header.getBoundingClientRect().bottom : 0;
      var rect = first.getBoundingClientRect();
      if (rect.top < top || rect.bottom > window.innerHeight) first.scrollIntoView({ block: "center" });
    })();
  }

  function start() {
    landmarks();
    drawer();
    search();
    scrollers();
    searchLanding();
  }

  // Material publishes document$ once its components (e.g. the table wrappers) are in
  // place; without it (another theme version) run when the page has loaded.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    var started = false;
    window.document$.subscribe(function () {
      if (!started) { started = true; start(); } else { scrollers(); }
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
