// Home page: cookie banner (remembered in localStorage), language switch, "About" dialog.
(function () {
  "use strict";

  var CONSENT_KEY = "shardrun-demo.cookies";

  var TEXTS = {
    en: {
      "title": "Home - Shardrun demo",
      "cookie.text": "This site keeps one setting in your browser: that you accepted this notice.",
      "cookie.accept": "Accept",
      "nav.home": "Home",
      "nav.login": "Sign in",
      "nav.shop": "Shop",
      "nav.slow": "Slow page",
      "nav.form": "Form",
      "home.title": "Welcome to the demo shop",
      "home.intro": "A small static site for trying Shardrun's action files.",
      "home.language": "Language",
      "home.about": "About this shop",
      "modal.title": "About this shop",
      "modal.text": "Nothing here is for sale: the products only exist for tests."
    },
    de: {
      "title": "Startseite - Shardrun-Demo",
      "cookie.text": "Diese Seite speichert eine Einstellung in Ihrem Browser: dass Sie diesen Hinweis akzeptiert haben.",
      "cookie.accept": "Akzeptieren",
      "nav.home": "Startseite",
      "nav.login": "Anmelden",
      "nav.shop": "Shop",
      "nav.slow": "Langsame Seite",
      "nav.form": "Formular",
      "home.title": "Willkommen im Demo-Shop",
      "home.intro": "Eine kleine statische Seite zum Ausprobieren von Shardrun-Aktionsdateien.",
      "home.language": "Sprache",
      "home.about": "Über diesen Shop",
      "modal.title": "Über diesen Shop",
      "modal.text": "Hier wird nichts verkauft: Die Produkte gibt es nur für Tests."
    },
    fr: {
      "title": "Accueil - Démo Shardrun",
      "cookie.text": "Ce site garde un réglage dans votre navigateur : que vous avez accepté cet avis.",
      "cookie.accept": "Accepter",
      "nav.home": "Accueil",
      "nav.login": "Connexion",
      "nav.shop": "Boutique",
      "nav.slow": "Page lente",
      "nav.form": "Formulaire",
      "home.title": "Bienvenue dans la boutique de démonstration",
      "home.intro": "Un petit site statique pour essayer les fichiers d'actions de Shardrun.",
      "home.language": "Langue",
      "home.about": "À propos de cette boutique",
      "modal.title": "À propos de cette boutique",
      "modal.text": "Rien n'est à vendre ici : les produits n'existent que pour les tests."
    }
  };

  // Cookie banner: hidden for good once accepted.
  var banner = document.getElementById("cookie-banner");
  function consentGiven() {
    try {
      return window.localStorage.getItem(CONSENT_KEY) === "accepted";
    } catch (e) {
      return false;
    }
  }
  if (consentGiven()) {
    banner.hidden = true;
  }
  document.getElementById("accept-cookies").addEventListener("click", function () {
    try {
      window.localStorage.setItem(CONSENT_KEY, "accepted");
    } catch (e) {
      // Storage unavailable: the banner still goes away for this page view.
    }
    banner.hidden = true;
  });

  // Language switch: every element with data-i18n gets the text of the chosen locale.
  function applyLocale(locale) {
    var texts = TEXTS[locale] || TEXTS.en;
    var nodes = document.querySelectorAll("[data-i18n]");
    for (var i = 0; i < nodes.length; i++) {
      var key = nodes[i].getAttribute("data-i18n");
      if (Object.prototype.hasOwnProperty.call(texts, key)) {
        nodes[i].textContent = texts[key];
      }
    }
    document.title = texts.title;
    document.documentElement.lang = locale;
  }
  var select = document.getElementById("locale");
  select.value = "en";
  select.addEventListener("change", function () {
    applyLocale(select.value);
  });

  // "About" dialog.
  var backdrop = document.getElementById("modal-backdrop");
  var opener = document.getElementById("open-modal");
  var closeButton = backdrop.querySelector("[aria-label=Close]");
  function openDialog() {
    backdrop.hidden = false;
    closeButton.focus();
  }
  function closeDialog() {
    backdrop.hidden = true;
    opener.focus();
  }
  opener.addEventListener("click", openDialog);
  closeButton.addEventListener("click", closeDialog);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !backdrop.hidden) {
      closeDialog();
    }
  });
})();
