// Form page: a profile form with a summary, a double-click target and a key echo field.
(function () {
  "use strict";

  var form = document.getElementById("profile-form");
  var message = document.getElementById("message");
  var messageCount = document.getElementById("message-count");

  function countMessage() {
    var n = message.value.length;
    messageCount.textContent = n + (n === 1 ? " character" : " characters");
  }
  message.addEventListener("input", countMessage);

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var plan = form.querySelector("input[name=plan]:checked");
    document.getElementById("summary").textContent =
      "Saved: name=" + document.getElementById("full-name").value.trim() +
      "; plan=" + (plan ? plan.value : "none") +
      "; country=" + (document.getElementById("country").value || "none") +
      "; newsletter=" + (document.getElementById("newsletter").checked ? "yes" : "no") +
      "; updates=" + (document.getElementById("updates").checked ? "yes" : "no");
  });

  var target = document.getElementById("dbl-target");
  var clicks = 0;
  target.addEventListener("dblclick", function () {
    clicks += 1;
    target.textContent = clicks === 1 ? "Double-clicked" : "Double-clicked " + clicks + " times";
  });

  var keyInput = document.getElementById("key-input");
  var echo = document.getElementById("key-echo");
  var lastKey = document.getElementById("last-key");
  var submitted = document.getElementById("key-submitted");
  keyInput.addEventListener("keydown", function (event) {
    lastKey.textContent = event.key === " " ? "Space" : event.key;
    if (event.key === "Enter") {
      event.preventDefault();
      submitted.textContent = "Submitted: " + keyInput.value;
      keyInput.value = "";
      echo.textContent = "";
    }
  });
  keyInput.addEventListener("input", function () {
    echo.textContent = keyInput.value;
  });

  // Deterministic start, whatever the browser restored.
  form.reset();
  keyInput.value = "";
  countMessage();
})();
