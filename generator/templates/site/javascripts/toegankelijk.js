// Wide tables scroll sideways inside a wrapper: make that wrapper reachable and
// scrollable by keyboard (WCAG 2.1.1), and name it for screen readers.
document$.subscribe(function () {
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Tabel, scrol opzij voor meer kolommen");
  });
});
