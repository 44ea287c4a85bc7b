// Quiz attempt: autosave every change and show a countdown. Both are conveniences: the
// server keeps the deadline and the answers, so a refresh or a closed tab loses nothing.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) return;
  var status = document.getElementById("quiz-save-status");
  var timer = null;

  function save() {
    var body = new FormData(form);
    fetch(form.dataset.autosaveUrl, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 409) {
          return response.json().then(function (data) { window.location = data.review_url; });
        }
        if (status) status.textContent = response.ok ? "Tersimpan " + new Date().toLocaleTimeString() : "Gagal menyimpan; coba lagi.";
      })
      .catch(function () { if (status) status.textContent = "Gagal menyimpan; periksa koneksi."; });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  }
  form.addEventListener("change", later);
  form.addEventListener("input", later);
  // Sending the answers makes a pending autosave pointless; it would only race the submit.
  form.addEventListener("submit", function () { clearTimeout(timer); });

  var deadline = document.getElementById("quiz-deadline");
  var countdown = document.getElementById("quiz-countdown");
  if (deadline && countdown) {
    var end = Date.parse(deadline.getAttribute("datetime"));
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      countdown.textContent = "(" + m + ":" + (s < 10 ? "0" : "") + s + ")";
      if (left === 0) { clearInterval(interval); save(); form.submit(); }
    };
    var interval = setInterval(tick, 1000);
    tick();
  }
})();
