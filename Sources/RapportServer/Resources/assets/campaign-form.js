// Rapport campaign form: shows the parts of the chosen channel (the e-mail, the SMS, the
// WhatsApp template) and offers only that channel's inboxes. For a WhatsApp inbox whose
// business account id is set, it lists the account's templates (GET
// /api/v1/inboxes/{id}/whatsapp_templates) to choose from, filling in the name and language and
// showing the body with the parameters it takes. Without this script every part shows, every
// inbox is offered, and the server reads the chosen channel's fields.

const form = document.getElementById("campaign-form");
if (form) start(form);

function start(form) {
  const inbox = document.getElementById("campaign-inbox");
  const radios = [...form.querySelectorAll('input[name="channel"]')];
  const choosers = [...form.querySelectorAll("select[data-template-target]")];
  // Each WhatsApp inbox's templates, asked for once per page: inbox id → promise of
  // { templates } or { problem }.
  const lists = new Map();
  // The templates each chooser offers, by the option's value.
  const offered = new WeakMap();

  const channel = () => (radios.find((radio) => radio.checked) || radios[0]).value;

  function showChannel() {
    const chosen = channel();
    for (const part of form.querySelectorAll(".channel-part[data-channel]")) part.hidden = part.dataset.channel !== chosen;
    for (const group of inbox.querySelectorAll("optgroup[data-channel]")) {
      const other = group.dataset.channel !== chosen;
      group.hidden = other;
      group.disabled = other;
    }
    const selected = inbox.selectedOptions[0];
    if (!selected || selected.parentElement.disabled) {
      const first = inbox.querySelector(`optgroup[data-channel="${chosen}"] option`);
      inbox.value = first ? first.value : "";
    }
    showTemplates();
  }

  async function showTemplates() {
    const option = inbox.selectedOptions[0];
    const listed = channel() === "whatsapp" && option !== undefined && option.dataset.templates !== undefined;
    for (const chooser of choosers) chooser.closest(".template-choice").hidden = !listed;
    if (!listed) return;
    const id = option.value;
    if (!lists.has(id)) lists.set(id, templatesOf(id));
    const answer = await lists.get(id);
    if (inbox.value !== id) return;
    for (const chooser of choosers) offer(chooser, answer);
  }

  async function templatesOf(id) {
    try {
      const response = await fetch(`/api/v1/inboxes/${encodeURIComponent(id)}/whatsapp_templates`, {
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      });
      const body = await response.json();
      if (!response.ok) {
        const field = body.errors && body.errors[0];
        return { problem: field ? `${field.field} ${field.message}` : body.detail || `HTTP ${response.status}` };
      }
      return { templates: body.data };
    } catch {
      return { problem: "the list could not be loaded" };
    }
  }

  function offer(chooser, answer) {
    const note = document.getElementById(`${chooser.dataset.templateTarget}-body`);
    const name = document.getElementById(`${chooser.dataset.templateTarget}-name`);
    const language = document.getElementById(`${chooser.dataset.templateTarget}-language`);
    if (answer.problem) {
      chooser.closest(".template-choice").hidden = true;
      note.textContent = `The inbox's templates could not be listed (${answer.problem}). Type the name and language below.`;
      return;
    }
    const byValue = new Map();
    const options = [new Option(answer.templates.length ? "Choose a template…" : "The account has no templates", "")];
    answer.templates.forEach((template, index) => {
      const approved = template.status === "APPROVED";
      const option = new Option(`${template.name} (${template.language})${approved ? "" : ` — ${template.status.toLowerCase()}`}`, String(index));
      option.disabled = !approved;
      option.selected = template.name === name.value && template.language === language.value;
      byValue.set(String(index), template);
      options.push(option);
    });
    chooser.replaceChildren(...options);
    offered.set(chooser, byValue);
    describe(chooser);
  }

  // Fills in the template chosen and shows its body and the parameters it takes.
  function describe(chooser) {
    const template = (offered.get(chooser) || new Map()).get(chooser.value);
    const note = document.getElementById(`${chooser.dataset.templateTarget}-body`);
    if (!template) {
      note.textContent = "";
      return;
    }
    document.getElementById(`${chooser.dataset.templateTarget}-name`).value = template.name;
    document.getElementById(`${chooser.dataset.templateTarget}-language`).value = template.language;
    const placeholders = template.parameter_names.map((name) => `{{${name}}}`).join(", ");
    const takes = template.parameters === 0
      ? "It takes no parameters: leave them empty."
      : `It takes ${template.parameters} parameter${template.parameters === 1 ? "" : "s"} (${placeholders}): one line each below, in that order.`;
    note.textContent = `${template.header ? `${template.header} — ` : ""}${template.body} ${takes}`;
  }

  for (const radio of radios) radio.addEventListener("change", showChannel);
  inbox.addEventListener("change", showTemplates);
  for (const chooser of choosers) chooser.addEventListener("change", () => describe(chooser));
  showChannel();
}
