// Rapport form snippet: a form or quiz built in the workspace, drawn on the shop's page; its
// answers go to the visitor's profile and a quiz shows its result with products. Embed:
//   <div id="rapport-form"></div>
//   <script src="https://crm.example.com/form.js" data-workspace="wsp_…" data-form="frm_…"
//           data-key="rwk_…" async></script>
// data-key is a browser key; the page's origin must be one the form allows. data-target names
// another element to fill. Every text is set as text, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var workspace = script.getAttribute("data-workspace");
  var formID = script.getAttribute("data-form");
  // Only a browser key: a server key in a page would be anyone's (Rapport refuses it there too).
  var key = /^rwk_/.test(script.getAttribute("data-key") || "") ? script.getAttribute("data-key") : null;
  if (!workspace || !formID || !key) { return; }
  var origin = new URL(script.src).origin;
  var target = document.getElementById(script.getAttribute("data-target") || "rapport-form");
  if (!target) {
    target = document.createElement("section");
    script.parentNode.insertBefore(target, script.nextSibling);
  }
  target.classList.add("rapport-form");

  // @include snippet-common.js

  function field(question, index) {
    var box = element("fieldset", null, "border:0;margin:0 0 12px;padding:0");
    box.setAttribute("data-question", question.key);
    var name = "rapport-" + formID + "-" + question.key;
    box.appendChild(element("legend", question.label + (question.required ? " *" : ""), "font-weight:600;margin-bottom:4px"));
    if (question.kind === "choice" || question.kind === "choices") {
      question.options.forEach(function (option, position) {
        var label = element("label", null, "display:block;margin:2px 0");
        var input = document.createElement("input");
        input.type = question.kind === "choice" ? "radio" : "checkbox";
        input.name = name;
        input.value = option.value;
        input.id = name + "-" + position;
        label.appendChild(input);
        label.appendChild(document.createTextNode(" " + option.label));
        box.appendChild(label);
      });
    } else {
      var input = document.createElement(question.kind === "text" ? "textarea" : "input");
      if (question.kind === "email") { input.type = "email"; input.autocomplete = "email"; }
      if (question.kind === "number") { input.type = "number"; input.step = "any"; }
      input.name = name;
      input.setAttribute("aria-label", question.label);
      input.style.cssText = "display:block;width:100%;max-width:28em;box-sizing:border-box";
      box.appendChild(input);
    }
    box.appendChild(element("p", "", "color:#b42318;margin:2px 0;font-size:90%")).setAttribute("data-error", "");
    return box;
  }

  function answer(form, question) {
    var name = "rapport-" + formID + "-" + question.key;
    var inputs = Array.prototype.slice.call(form.querySelectorAll("[name='" + name + "']"));
    if (question.kind === "choices") {
      var picked = inputs.filter(function (input) { return input.checked; }).map(function (input) { return input.value; });
      return picked.length ? picked : null;
    }
    if (question.kind === "choice") {
      var chosen = inputs.filter(function (input) { return input.checked; })[0];
      return chosen ? chosen.value : null;
    }
    var value = inputs[0] ? inputs[0].value.trim() : "";
    if (!value) { return null; }
    return question.kind === "number" ? Number(value) : value;
  }

  function showErrors(form, problem) {
    var general = form.querySelector("[data-form-error]");
    general.textContent = "";
    Array.prototype.forEach.call(form.querySelectorAll("[data-error]"), function (node) { node.textContent = ""; });
    var errors = (problem && problem.errors) || [];
    errors.forEach(function (error) {
      var match = /^answers\.([a-z0-9_]+)/.exec(error.field || "");
      var box = match && form.querySelector("[data-question='" + match[1] + "']");
      if (box) {
        box.querySelector("[data-error]").textContent = error.message;
      } else {
        general.textContent = (general.textContent ? general.textContent + " " : "") + error.message;
      }
    });
    if (!errors.length) { general.textContent = (problem && problem.detail) || "Something went wrong; please try again."; }
  }

  function showOutcome(data, outcome) {
    target.textContent = "";
    var box = element("div");
    box.setAttribute("data-outcome", "");
    if (outcome.result) {
      box.appendChild(element("h3", outcome.result.title));
      if (outcome.result.text) { box.appendChild(element("p", outcome.result.text)); }
    }
    if (outcome.products.length) {
      var list = element("ul", null, "list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px");
      outcome.products.forEach(function (product) {
        var item = element("li", null, "width:10em");
        item.setAttribute("data-product", product.external_id);
        if (product.image_url && /^https?:\/\//.test(product.image_url)) {
          var image = element("img", null, "width:100%;height:auto");
          image.src = product.image_url;
          image.alt = product.title;
          item.appendChild(image);
        }
        item.appendChild(element("div", product.title));
        if (product.price !== null && product.currency) {
          try {
            // Prices are in the currency's minor units: cents, or none for the yen.
            var money = new Intl.NumberFormat(undefined, { style: "currency", currency: product.currency });
            item.appendChild(element("div", money.format(product.price / Math.pow(10, money.resolvedOptions().maximumFractionDigits))));
          } catch (error) { /* an unknown currency: no price line */ }
        }
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.appendChild(element("p", outcome.thank_you || (data.kind === "quiz" ? "" : "Thank you!")));
    if (outcome.confirmation_requested) { box.appendChild(element("p", "Please confirm by following the link we e-mailed you.")); }
    target.appendChild(box);
  }

  function draw(data) {
    target.textContent = "";
    var form = element("form");
    form.noValidate = true;
    form.appendChild(element("h3", data.name));
    if (data.intro) { form.appendChild(element("p", data.intro)); }
    data.questions.forEach(function (question, index) { form.appendChild(field(question, index)); });
    var consent = null;
    if (data.consent_text) {
      var label = element("label", null, "display:block;margin:8px 0");
      consent = document.createElement("input");
      consent.type = "checkbox";
      consent.name = "rapport-" + formID + "-consent";
      label.appendChild(consent);
      label.appendChild(document.createTextNode(" " + data.consent_text));
      form.appendChild(label);
    }
    form.appendChild(element("p", "", "color:#b42318")).setAttribute("data-form-error", "");
    var button = element("button", data.kind === "quiz" ? "See my result" : "Send");
    button.type = "submit";
    form.appendChild(button);
    // One id per filled-in form: a retry after a lost answer is stored once.
    var submissionID = randomID();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var answers = {};
      data.questions.forEach(function (question) {
        var value = answer(form, question);
        if (value !== null) { answers[question.key] = value; }
      });
      button.disabled = true;
      fetch(origin + "/v1/forms/" + encodeURIComponent(formID) + "/responses", {
        method: "POST",
        headers: { "Authorization": "Basic " + btoa(key + ":"), "Content-Type": "application/json" },
        body: JSON.stringify({
          answers: answers, anonymous_id: anonymousID(), submission_id: submissionID, consent: !!(consent && consent.checked),
          locale: (navigator.language || "").slice(0, 35) || undefined
        })
      }).then(function (response) {
        return response.json().then(function (body) { return { ok: response.ok, body: body }; });
      }).then(function (result) {
        button.disabled = false;
        if (result.ok) { showOutcome(data, result.body); } else { showErrors(form, result.body); }
      }).catch(function () {
        button.disabled = false;
        showErrors(form, null);
      });
    });
    target.appendChild(form);
  }

  fetch(origin + "/f/" + encodeURIComponent(workspace) + "/" + encodeURIComponent(formID))
    .then(function (response) { if (!response.ok) { throw new Error("form " + response.status); } return response.json(); })
    .then(draw)
    .catch(function () { /* a closed or unknown form shows nothing */ });
})();
