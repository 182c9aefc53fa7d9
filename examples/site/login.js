// Sign-in page. The session lives in this page only: a reload signs out, so tests never
// inherit a signed-in state from an earlier test.
(function () {
  "use strict";

  var USER = "demo";
  var PASSWORD = "demo-password";

  var form = document.getElementById("login-form");
  var username = document.getElementById("username");
  var password = document.getElementById("password");
  var status = document.getElementById("status");

  function clearStatus() {
    while (status.firstChild) {
      status.removeChild(status.firstChild);
    }
  }

  function showError() {
    clearStatus();
    var error = document.createElement("p");
    error.id = "login-error";
    error.className = "error";
    error.setAttribute("role", "alert");
    error.textContent = "Invalid user name or password";
    status.appendChild(error);
    password.value = "";
    password.focus();
  }

  function signIn(name) {
    clearStatus();
    var welcome = document.createElement("p");
    welcome.id = "welcome";
    welcome.className = "success";
    welcome.setAttribute("data-signed-in", "");
    welcome.textContent = "Welcome, " + name;
    var logout = document.createElement("button");
    logout.type = "button";
    logout.id = "logout";
    logout.textContent = "Sign out";
    logout.addEventListener("click", signOut);
    status.appendChild(welcome);
    status.appendChild(logout);
    form.hidden = true;
  }

  function signOut() {
    clearStatus();
    var note = document.createElement("p");
    note.id = "signed-out";
    note.textContent = "You are signed out.";
    status.appendChild(note);
    form.reset();
    form.hidden = false;
    username.focus();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (username.value === USER && password.value === PASSWORD) {
      signIn(username.value);
    } else {
      showError();
    }
  });
})();
