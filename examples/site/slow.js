// Slow page: fixed delays from page load, for the waitFor* commands.
(function () {
  "use strict";

  window.setTimeout(function () {
    document.getElementById("spinner").hidden = true;
    var placeholder = document.getElementById("placeholder");
    placeholder.parentNode.removeChild(placeholder);
    document.getElementById("late-input").disabled = false;
  }, 1000);

  window.setTimeout(function () {
    var content = document.createElement("p");
    content.id = "slow-content";
    content.textContent = "Slow content loaded";
    document.getElementById("slow-container").appendChild(content);
  }, 1500);
})();
