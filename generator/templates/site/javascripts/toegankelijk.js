// Keyboard and screen-reader fixes on top of the theme (Material for MkDocs, Zensical).
// - The menu and search toggles are labels in the theme's markup; here they become real
//   buttons in the tab order, with aria-expanded, Escape to close and focus management.
// - The search dialog and the breadcrumb trail get names of their own.
// - A box that scrolls sideways (a wide table or chart) is focusable and named only while
//   it really scrolls, each with its own name (WCAG 2.1.1, 4.1.2; axe landmark-unique).
(function () {
  "use strict";

  var SCROLLERS = ".md-typeset__scrollwrap, .scrollvak";

  function checkbox(id) {
    return document.getElementById(id);
  }

  function focusables(root) {
    return Array.prototype.filter.call(
      root.querySelectorAll("a[href], button, input:not([type=checkbox]), [tabindex]:not([tabindex='-1'])"),
      function (el) { return el.offsetParent !== null || el.getClientRects().length > 0; }
    );
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
    if (toggle && label) toggleButton(label, toggle, "Zoeken", dialog);
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

  function start() {
    landmarks();
    drawer();
    search();
    scrollers();
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
