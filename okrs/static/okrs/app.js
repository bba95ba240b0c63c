// okrs: small behaviours on top of htmx. No framework, no build step.
(function () {
  "use strict";
  // Close an open <details> menu when clicking elsewhere or pressing Escape.
  document.addEventListener("click", function (event) {
    document.querySelectorAll("details.menu[open]").forEach(function (menu) {
      if (!menu.contains(event.target)) menu.removeAttribute("open");
    });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll("details.menu[open]").forEach(function (menu) { menu.removeAttribute("open"); });
  });
})();
