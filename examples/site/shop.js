// Shop page: a fixed catalogue, client-side search, filter and sort, a product detail with a
// tooltip, and a cart. Prices are whole cents so every total is exact.
(function () {
  "use strict";

  var PRODUCTS = [
    { sku: "running-shoes", name: "Running shoes", cents: 4200, inStock: true,
      description: "Light road shoes with a cushioned sole." },
    { sku: "trail-runners", name: "Trail runners", cents: 5850, inStock: false,
      description: "Grippy outsole for muddy paths." },
    { sku: "wool-socks", name: "Wool socks", cents: 725, inStock: true,
      description: "Merino blend, one pair." },
    { sku: "rain-jacket", name: "Rain jacket", cents: 8900, inStock: true,
      description: "Waterproof shell with taped seams." },
    { sku: "canvas-backpack", name: "Canvas backpack", cents: 3490, inStock: false,
      description: "20 litres, padded laptop sleeve." },
    { sku: "water-bottle", name: "Water bottle", cents: 1200, inStock: true,
      description: "Steel, 750 ml, keeps drinks cold." },
    { sku: "sun-hat", name: "Sun hat", cents: 1999, inStock: true,
      description: "Wide brim, packable." },
    { sku: "leather-belt", name: "Leather belt", cents: 2450, inStock: false,
      description: "Full-grain leather, brass buckle." }
  ];

  var state = { query: "", inStockOnly: false, sort: "relevance", cart: [] };

  var form = document.getElementById("search-form");
  var queryInput = document.getElementById("q");
  var inStock = document.getElementById("in-stock");
  var sort = document.getElementById("sort");
  var results = document.getElementById("results");
  var count = document.getElementById("result-count");
  var total = document.querySelector("#listing-total .total");
  var detail = document.getElementById("detail");
  var shippingInfo = document.getElementById("shipping-info");
  var tooltip = document.getElementById("shipping-tooltip");
  var cartCount = document.getElementById("cart-count");
  var cartTotal = document.getElementById("cart-total");
  var checkout = document.getElementById("checkout");
  var confirmation = document.getElementById("order-confirmation");

  function money(cents) {
    var whole = Math.floor(cents / 100);
    var rest = cents % 100;
    return "$" + whole + "." + (rest < 10 ? "0" : "") + rest;
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function bySku(sku) {
    for (var i = 0; i < PRODUCTS.length; i++) {
      if (PRODUCTS[i].sku === sku) {
        return PRODUCTS[i];
      }
    }
    return null;
  }

  function listed() {
    var q = state.query.trim().toLowerCase();
    var out = PRODUCTS.filter(function (p) {
      return (q === "" || p.name.toLowerCase().indexOf(q) >= 0) && (!state.inStockOnly || p.inStock);
    });
    var order = {
      "price-asc": function (a, b) { return a.cents - b.cents; },
      "price-desc": function (a, b) { return b.cents - a.cents; },
      "name": function (a, b) { return a.name < b.name ? -1 : a.name > b.name ? 1 : 0; }
    }[state.sort];
    return order ? out.slice().sort(order) : out;
  }

  function render() {
    var items = listed();
    while (results.firstChild) {
      results.removeChild(results.firstChild);
    }
    var sum = 0;
    items.forEach(function (p) {
      sum += p.cents;
      var li = document.createElement("li");
      li.setAttribute("data-sku", p.sku);

      var name = document.createElement("a");
      name.className = "name";
      name.href = "#" + p.sku;
      name.textContent = p.name;
      name.addEventListener("click", function (event) {
        event.preventDefault();
        showDetail(p);
      });

      var price = document.createElement("span");
      price.className = "price";
      price.textContent = money(p.cents);

      var stock = document.createElement("span");
      stock.className = "stock";
      stock.textContent = p.inStock ? "In stock" : "Out of stock";

      var add = document.createElement("button");
      add.type = "button";
      add.className = "add";
      add.textContent = "Add to cart";
      add.disabled = !p.inStock;
      add.addEventListener("click", function () {
        addToCart(p);
      });

      li.appendChild(name);
      li.appendChild(price);
      li.appendChild(stock);
      li.appendChild(add);
      results.appendChild(li);
    });
    count.textContent = plural(items.length, "product", "products");
    total.textContent = money(sum);
  }

  function showDetail(p) {
    document.getElementById("detail-name").textContent = p.name;
    document.getElementById("detail-price").textContent = money(p.cents);
    document.getElementById("detail-description").textContent = p.description;
    tooltip.hidden = true;
    detail.hidden = false;
  }

  function renderCart() {
    var sum = 0;
    state.cart.forEach(function (p) {
      sum += p.cents;
    });
    cartCount.textContent = plural(state.cart.length, "item", "items");
    cartTotal.textContent = money(sum);
    checkout.disabled = state.cart.length === 0;
  }

  function addToCart(p) {
    state.cart.push(p);
    confirmation.hidden = true;
    renderCart();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    state.query = queryInput.value;
    render();
  });

  inStock.addEventListener("change", function () {
    state.inStockOnly = inStock.checked;
    render();
  });

  sort.addEventListener("change", function () {
    state.sort = sort.value;
    render();
  });

  shippingInfo.addEventListener("mouseover", function () {
    tooltip.hidden = false;
  });
  shippingInfo.addEventListener("mouseout", function () {
    tooltip.hidden = true;
  });
  shippingInfo.addEventListener("focus", function () {
    tooltip.hidden = false;
  });
  shippingInfo.addEventListener("blur", function () {
    tooltip.hidden = true;
  });

  checkout.addEventListener("click", function () {
    var sum = 0;
    state.cart.forEach(function (p) {
      sum += p.cents;
    });
    confirmation.textContent = "Order placed: " + plural(state.cart.length, "item", "items") + ", " + money(sum);
    confirmation.hidden = false;
    state.cart = [];
    renderCart();
  });

  // Deterministic start: no query, all products, relevance order, empty cart.
  queryInput.value = "";
  inStock.checked = false;
  sort.value = "relevance";
  render();
  renderCart();

  // Let a link like shop.html#rain-jacket open that product's detail.
  if (window.location.hash.length > 1) {
    var linked = bySku(window.location.hash.substring(1));
    if (linked) {
      showDetail(linked);
    }
  }
})();
