// Collapsible main menu on narrow screens. Without this script the menu stays open.
(function () {
    "use strict";
    var button = document.querySelector(".nav-button");
    var panel = document.getElementById("menu-utama");
    if (!button || !panel) return;
    document.documentElement.classList.add("js-nav");
    button.hidden = false;
    button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") === "true";
        button.setAttribute("aria-expanded", String(!open));
        panel.classList.toggle("is-open", !open);
    });
})();
