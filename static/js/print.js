// "Cetak" buttons open the browser's print dialog; the page's print CSS does the rest.
document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
});
