// wijkflow: small conveniences on top of pages that work without JavaScript.
(function () {
  "use strict";
  // A form that came back with errors: move focus to its summary, so keyboard and
  // screen-reader users land on what to fix.
  var summary = document.getElementById("foutmeldingen");
  if (summary) { summary.focus(); }
  // A form is sent once: the button is disabled after the first click. The server
  // would not act twice anyway (the form's nonce is its Idempotency-Key).
  document.addEventListener("submit", function (e) {
    var b = e.target.querySelector("button[type=submit]");
    if (b) { setTimeout(function () { b.disabled = true; }, 0); }
  });
})();
