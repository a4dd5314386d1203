// Rapport segment builder: condition rows in nested groups (all / any / none), written into
// the form's JSON definition and counted live through POST /api/v1/segments/preview, 300 ms
// after the last edit. Without this script the same form takes the definition typed as JSON;
// a definition the rows cannot show is edited as JSON here too, still counted live.

const root = document.getElementById("builder");
if (root) start(root);

function start(root) {
  const catalogue = JSON.parse(root.dataset.catalogue);
  const fields = new Map(catalogue.fields.map((field) => [field.name, field]));
  const attributePrefix = catalogue.attribute.name;
  const textarea = document.getElementById("segment-definition");
  const details = document.getElementById("definition-details");
  const preview = document.getElementById("preview");
  const countOutput = document.getElementById("segment-count");
  const countWords = document.getElementById("segment-count-words");
  const problemLine = document.getElementById("preview-error");
  const sample = document.getElementById("segment-sample");
  const yesNo = [{ value: "true", label: "yes" }, { value: "false", label: "no" }];
  // What each condition row and group box reads back, by element.
  const rows = new WeakMap();
  const groups = new WeakMap();
  const datalists = new Map();
  let rootBox = null;
  // The pending count: its timer, its number (older answers are dropped) and how to cancel it.
  let timer = null;
  let sequence = 0;
  let controller = null;

  class Unrepresentable extends Error {}

  // Building the rows from the definition

  let initial;
  try {
    initial = JSON.parse(textarea.value.trim() || '{"all":[]}');
    const { mode, parts } = groupParts(initial);
    rootBox = groupBox(mode, parts, 1);
  } catch {
    rootBox = null;
  }
  preview.hidden = false;
  if (rootBox) {
    root.prepend(rootBox);
    root.hidden = false;
    textarea.readOnly = true;
    details.open = false;
    limitNesting(rootBox, 1);
    writeDefinition();
    markFault(root.dataset.errorField || "", serialise().marks);
  } else {
    const note = element("p", { class: "hint" }, "This definition is edited as JSON: the condition rows cannot show all of it.");
    details.before(note);
    textarea.addEventListener("input", () => schedule());
  }
  root.addEventListener("input", () => changed());
  root.addEventListener("change", () => changed());
  // Enter in a condition's field does not save the whole form by accident.
  root.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target instanceof HTMLInputElement) event.preventDefault();
  });
  schedule(0);

  function isGroup(json) {
    if (!json || typeof json !== "object" || Array.isArray(json)) return false;
    const keys = Object.keys(json);
    return keys.length === 1 && ["all", "any", "not"].includes(keys[0]);
  }

  // A group's combining mode and parts: {"not": {"any": [...]}} is "none of these".
  function groupParts(json) {
    if (isGroup(json)) {
      if (Array.isArray(json.all)) return { mode: "all", parts: json.all };
      if (Array.isArray(json.any)) return { mode: "any", parts: json.any };
      if (json.not !== undefined) {
        if (isGroup(json.not) && Array.isArray(json.not.any)) return { mode: "none", parts: json.not.any };
        return { mode: "none", parts: [json.not] };
      }
      throw new Unrepresentable("a group without a list");
    }
    return { mode: "all", parts: [json] };
  }

  function groupBox(mode, parts, depth) {
    const box = element("div", { class: "group", "data-depth": depth });
    const modeSelect = select(
      [["all", "all"], ["any", "any"], ["none", "none"]],
      { class: "mode", "aria-label": depth === 1 ? "How the conditions combine" : "How this group's parts combine" });
    modeSelect.value = mode;
    const head = element("div", { class: "group-head" },
      depth === 1 ? "Customers for whom " : "", modeSelect, " of these hold");
    const list = element("ul", { class: "group-parts" });
    for (const part of parts) list.append(partItem(part, depth));
    const addCondition = button("+ Condition", "add-condition");
    const addGroup = button("+ Group", "add-group");
    addCondition.addEventListener("click", () => {
      const row = conditionRow(null);
      list.append(row);
      row.querySelector("select").focus();
      changed();
    });
    addGroup.addEventListener("click", () => {
      const item = element("li", { class: "nested" }, groupBox("any", [], depth + 1));
      list.append(item);
      item.querySelector(".add-condition").focus();
      changed();
    });
    const foot = element("div", { class: "group-foot" }, addCondition, addGroup);
    if (depth > 1) {
      const remove = button("Remove group", "remove quiet", "Remove this group and its conditions");
      remove.addEventListener("click", () => {
        box.parentElement.remove();
        changed();
      });
      head.append(remove);
    }
    box.append(head, list, foot);
    groups.set(box, { mode: () => modeSelect.value, list, addGroup });
    return box;
  }

  function partItem(part, depth) {
    if (isGroup(part)) {
      const { mode, parts } = groupParts(part);
      return element("li", { class: "nested" }, groupBox(mode, parts, depth + 1));
    }
    if (!part || typeof part !== "object" || Array.isArray(part) || typeof part.field !== "string") {
      throw new Unrepresentable("neither a group nor a condition");
    }
    return conditionRow(part);
  }

  function fieldOf(name) {
    if (name === attributePrefix || name.startsWith(attributePrefix)) return catalogue.attribute;
    return fields.get(name);
  }

  // One condition: field, comparison, value, and the keys its field takes.
  function conditionRow(initialCondition) {
    const given = initialCondition || { field: "tags", op: "contains" };
    const startField = fieldOf(given.field);
    if (!startField) throw new Unrepresentable(`unknown field ${given.field}`);
    const allowed = new Set(["field", "op", "value", ...startField.keys]);
    if (Object.keys(given).some((key) => !allowed.has(key))) throw new Unrepresentable("a key the rows do not show");

    const row = element("li", { class: "condition" });
    const fieldSelect = fieldChooser();
    const attributeKey = element("input", { class: "attribute-key", "aria-label": "Attribute name", placeholder: "attribute name", size: 14 });
    const opSelect = element("select", { class: "op-select", "aria-label": "Comparison" });
    const attributeType = select(
      [["text", "as text"], ["number", "as a number"], ["boolean", "as yes/no"]], { class: "attribute-type", "aria-label": "Compare the attribute" });
    const valueSlot = element("span", { class: "value-slot" });
    const remove = button("Remove", "remove quiet", "Remove this condition");
    const options = element("div", { class: "options" });
    row.append(fieldSelect, attributeKey, opSelect, attributeType, valueSlot, remove, options);

    let readValue = () => undefined;
    let readOptions = () => ({});
    let valueKindShown = null;

    const field = () => fieldOf(fieldSelect.value);

    function renderOperators(wanted) {
      const current = field();
      opSelect.replaceChildren(...current.operators.map((op) => option(op.value, op.label)));
      if (wanted && current.operators.some((op) => op.value === wanted)) opSelect.value = wanted;
    }

    function valueKind() {
      const current = field();
      const op = opSelect.value;
      if (op === "is_set" || op === "is_not_set") return "none";
      if (op === "within_last_days" || op === "more_than_days_ago") return "days";
      if (op === "anniversary_within_days") return "anniversary";
      if (op === "before" || op === "after") return "date";
      if (op === "in" || op === "not_in") return "list";
      if (current.choices) return "choice";
      if (current.type === "boolean") return "yes-no";
      if (current.type === "number") return "number";
      if (current.type === "count") return "count";
      if (current.type === "attribute") {
        if ([">", ">=", "<", "<="].includes(op)) return "number";
        if (op === "=" || op === "!=") return { number: "number", boolean: "yes-no" }[attributeType.value] || "text";
      }
      return "text";
    }

    function renderValue(value) {
      const current = field();
      const op = opSelect.value;
      attributeKey.hidden = current.type !== "attribute";
      attributeType.hidden = !(current.type === "attribute" && (op === "=" || op === "!="));
      const kind = valueKind();
      valueKindShown = kind;
      valueSlot.replaceChildren();
      switch (kind) {
        case "none":
          readValue = () => undefined;
          break;
        case "text":
        case "list": {
          const input = element("input", {
            class: "value", "aria-label": kind === "list" ? "Values, separated by commas" : "Value", size: 18,
            placeholder: kind === "list" ? "one, two, three" : null });
          if (current.suggestions) input.setAttribute("list", datalist(current.suggestions));
          if (kind === "list" && Array.isArray(value)) input.value = value.join(", ");
          else if (typeof value === "string") input.value = value;
          else if (value !== undefined && value !== null && typeof value !== "object") input.value = String(value);
          valueSlot.append(input);
          readValue = kind === "list"
            ? () => {
              const items = input.value.split(",").map((item) => item.trim()).filter(Boolean);
              return items.length ? items : undefined;
            }
            : () => (input.value.trim() === "" ? undefined : input.value.trim());
          break;
        }
        case "number":
        case "count":
        case "days":
        case "anniversary": {
          // An anniversary window counts from 0 (today only) to a year.
          const inDays = kind === "days" || kind === "anniversary";
          const input = element("input", {
            class: "value", type: "number", "aria-label": inDays ? "Days" : "Value",
            step: kind === "number" ? "any" : "1", min: { count: "0", days: "1", anniversary: "0" }[kind] || null,
            max: kind === "anniversary" ? String(catalogue.maximum_anniversary_days) : null });
          if (typeof value === "number") input.value = String(value);
          valueSlot.append(input);
          if (inDays) valueSlot.append(" days");
          if (current.money) valueSlot.append(" (main currency)");
          readValue = () => (input.value === "" || Number.isNaN(Number(input.value)) ? undefined : Number(input.value));
          break;
        }
        case "choice":
        case "yes-no": {
          const choices = kind === "choice" ? current.choices : yesNo;
          const menu = element("select", { class: "value", "aria-label": "Value" });
          if (choices.length === 0) menu.append(option("", "(none to choose yet)"));
          menu.append(...choices.map((choice) => option(choice.value, choice.label)));
          if (value !== undefined && value !== null) menu.value = String(value);
          valueSlot.append(menu);
          const asFlag = kind === "yes-no" || current.type === "boolean";
          readValue = () => (menu.value === "" ? undefined : asFlag ? menu.value === "true" : menu.value);
          break;
        }
        case "date": {
          const chooser = dateChooser("Date", value, false);
          valueSlot.append(chooser.element);
          readValue = chooser.read;
          break;
        }
      }
    }

    function renderOptions(condition) {
      const current = field();
      const keys = new Set(current.keys);
      const readers = [];
      options.replaceChildren();
      if (keys.has("event")) {
        const input = element("input", { class: "event", size: 16, placeholder: "any event" });
        if (typeof condition.event === "string") input.value = condition.event;
        options.append(labelled("event", input));
        readers.push(() => (input.value.trim() ? { event: input.value.trim() } : {}));
      }
      if (keys.has("where")) {
        const editor = whereEditor(condition.where);
        options.append(editor.element);
        readers.push(() => {
          const where = editor.read();
          return where ? { where } : {};
        });
      }
      const productKeys = catalogue.product_keys.map((choice) => choice.value).filter((key) => keys.has(key));
      if (productKeys.length) {
        const keyMenu = select(catalogue.product_keys.map((choice) => [choice.value, choice.label]), { class: "product-key", "aria-label": "Match lines by" });
        const input = element("input", { class: "product-value", size: 16, "aria-label": "Product, variant, SKU or category", placeholder: "running-shoes" });
        const found = productKeys.find((key) => condition[key] !== undefined);
        keyMenu.value = found || "category";
        if (found && typeof condition[found] === "string") input.value = condition[found];
        options.append(element("span", {}, "with ", keyMenu, " ", input));
        readers.push(() => ({ [keyMenu.value]: input.value.trim() || null }));
      }
      if (keys.has("within_days")) {
        const events = keys.has("from");
        const fromKey = events ? "from" : "placed_from";
        const beforeKey = events ? "before" : "placed_before";
        const mode = select(
          [["", "at any time"], ["last", "in the last … days"], ["between", "between"]],
          { class: "window", "aria-label": events ? "Which events count" : "Which orders count" });
        const days = element("input", { type: "number", min: "1", step: "1", class: "window-days", "aria-label": "Window in days" });
        const from = dateChooser(events ? "From" : "Placed from", condition[fromKey], true);
        const before = dateChooser(events ? "Before" : "Placed before", condition[beforeKey], true);
        if (typeof condition.within_days === "number") {
          mode.value = "last";
          days.value = String(condition.within_days);
        } else if (condition[fromKey] !== undefined || condition[beforeKey] !== undefined) {
          mode.value = "between";
        }
        const sync = () => {
          days.hidden = mode.value !== "last";
          from.element.hidden = mode.value !== "between";
          before.element.hidden = mode.value !== "between";
        };
        mode.addEventListener("change", sync);
        sync();
        options.append(element("span", {}, events ? "counting events " : "counting orders placed ", mode, " ", days, " ", from.element, " ", before.element));
        readers.push(() => {
          if (mode.value === "last") return { within_days: days.value === "" ? null : Number(days.value) };
          if (mode.value === "between") return { [fromKey]: from.read(), [beforeKey]: before.read() };
          return {};
        });
      }
      if (keys.has("purpose")) {
        const purpose = element("input", { class: "purpose", size: 14, list: datalist(catalogue.consent_purposes), placeholder: "marketing" });
        purpose.value = typeof condition.purpose === "string" ? condition.purpose : "marketing";
        const channel = select(catalogue.consent_channels.map((name) => [name, name]), { class: "consent-channel" });
        if (typeof condition.channel === "string") channel.value = condition.channel;
        options.append(labelled("for", purpose), labelled("by", channel));
        readers.push(() => ({ purpose: purpose.value.trim() || null, channel: channel.value }));
      } else if (keys.has("channel")) {
        const channel = element("input", { class: "order-channel", size: 10, placeholder: "any" });
        if (typeof condition.channel === "string") channel.value = condition.channel;
        options.append(labelled("through the channel", channel));
        readers.push(() => (channel.value.trim() ? { channel: channel.value.trim() } : {}));
      }
      readOptions = () => Object.assign({}, ...readers.map((read) => read()));
    }

    if (startField === catalogue.attribute) {
      fieldSelect.value = attributePrefix;
      attributeKey.value = given.field.slice(attributePrefix.length);
    } else {
      fieldSelect.value = given.field;
    }
    if (given.op !== undefined && !startField.operators.some((op) => op.value === given.op)) throw new Unrepresentable("an operator the rows do not offer");
    renderOperators(given.op);
    if (typeof given.value === "number") attributeType.value = "number";
    if (typeof given.value === "boolean") attributeType.value = "boolean";
    renderValue(given.value);
    renderOptions(given);

    fieldSelect.addEventListener("change", () => {
      renderOperators(opSelect.value);
      renderValue(undefined);
      renderOptions({});
    });
    // A value already typed stays when the comparison still takes the same kind of value.
    const rerenderValue = () => {
      if (valueKind() !== valueKindShown) renderValue(undefined);
      attributeType.hidden = !(field().type === "attribute" && (opSelect.value === "=" || opSelect.value === "!="));
    };
    opSelect.addEventListener("change", rerenderValue);
    attributeType.addEventListener("change", rerenderValue);
    remove.addEventListener("click", () => {
      row.remove();
      changed();
    });

    rows.set(row, {
      read() {
        const current = field();
        const name = current === catalogue.attribute ? attributePrefix + attributeKey.value.trim() : current.name;
        const condition = { field: name, op: opSelect.value };
        const value = readValue();
        if (value !== undefined) condition.value = value;
        return Object.assign(condition, readOptions());
      },
    });
    return row;
  }

  function fieldChooser() {
    const menu = element("select", { class: "field-select", "aria-label": "Field" });
    const sections = new Map();
    for (const field of [...catalogue.fields, catalogue.attribute]) {
      if (!sections.has(field.group)) {
        const section = element("optgroup", { label: field.group });
        sections.set(field.group, section);
        menu.append(section);
      }
      sections.get(field.group).append(option(field.name, field.type === "attribute" ? `${field.label}…` : field.label));
    }
    return menu;
  }

  // A date a condition compares with or a window starts or ends at: a day, or n days ago.
  function dateChooser(label, value, optional) {
    const modes = [["date", "on a date"], ["days_ago", "days ago"]];
    if (optional) modes.unshift(["", `${label.toLowerCase()}: no limit`]);
    const mode = select(modes, { class: "date-mode", "aria-label": `${label}: how it is given` });
    const day = element("input", { type: "date", class: "date-day", "aria-label": `${label}: date` });
    const days = element("input", { type: "number", min: "1", step: "1", class: "date-days", "aria-label": `${label}: days ago`, size: 5 });
    if (value && typeof value === "object" && typeof value.days_ago === "number") {
      mode.value = "days_ago";
      days.value = String(value.days_ago);
    } else if (typeof value === "string") {
      mode.value = "date";
      // An exact time stays as written.
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) day.type = "text";
      day.value = value;
    } else if (value !== undefined && value !== null) {
      throw new Unrepresentable("a date the rows cannot show");
    } else {
      mode.value = optional ? "" : "date";
    }
    const wrap = element("span", { class: "date-chooser" }, optional ? `${label.toLowerCase()} ` : "", mode, " ", day, days);
    const sync = () => {
      day.hidden = mode.value !== "date";
      days.hidden = mode.value !== "days_ago";
    };
    mode.addEventListener("change", sync);
    sync();
    return {
      element: wrap,
      read() {
        if (mode.value === "date") return day.value.trim() || undefined;
        if (mode.value === "days_ago") return days.value === "" ? null : { days_ago: Number(days.value) };
        return undefined;
      },
    };
  }

  // Properties a tracked event must have, each equal to a value: true, false and numbers are
  // read as such, anything else (or anything in double quotes) as text.
  function whereEditor(value) {
    const pairs = element("span", { class: "where-pairs" });
    const add = button("+ Property", "add-property quiet", "Add a property the event must have");
    const addPair = (key, text) => {
      const name = element("input", { class: "where-key", size: 10, placeholder: "property", "aria-label": "Property name" });
      const equal = element("input", { class: "where-value", size: 10, placeholder: "value", "aria-label": "Property value" });
      name.value = key;
      equal.value = text;
      const pair = element("span", { class: "pair" }, name, " = ", equal);
      const remove = button("✕", "remove quiet", "Remove this property");
      remove.addEventListener("click", () => {
        pair.remove();
        changed();
      });
      pair.append(remove);
      pairs.append(pair);
      return name;
    };
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) {
        const text = typeof item === "string" && /^(true|false|-?\d+(\.\d+)?)$/.test(item) ? `"${item}"` : String(item);
        addPair(key, text);
      }
    }
    add.addEventListener("click", () => {
      addPair("", "").focus();
      changed();
    });
    return {
      element: element("span", { class: "where" }, "where ", pairs, add),
      read() {
        const where = {};
        for (const pair of pairs.children) {
          const [name, equal] = pair.querySelectorAll("input");
          const key = name.value.trim();
          if (key) where[key] = typed(equal.value.trim());
        }
        return Object.keys(where).length ? where : undefined;
      },
    };
  }

  function typed(text) {
    if (text === "true") return true;
    if (text === "false") return false;
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    const quoted = text.match(/^"(.*)"$/);
    return quoted ? quoted[1] : text;
  }

  // Writing the definition and counting it

  function serialise() {
    const marks = [];
    return { json: serialiseGroup(rootBox, "definition", marks), marks };
  }

  function serialiseGroup(box, path, marks) {
    marks.push([path, box]);
    const state = groups.get(box);
    const items = [...state.list.children];
    const mode = state.mode();
    if (mode === "none") {
      if (items.length === 1) return { not: serialisePart(items[0], `${path}.not`, marks) };
      return { not: { any: items.map((item, index) => serialisePart(item, `${path}.not.any[${index}]`, marks)) } };
    }
    return { [mode]: items.map((item, index) => serialisePart(item, `${path}.${mode}[${index}]`, marks)) };
  }

  function serialisePart(item, path, marks) {
    if (item.classList.contains("condition")) {
      marks.push([path, item]);
      return rows.get(item).read();
    }
    return serialiseGroup(item.firstElementChild, path, marks);
  }

  function writeDefinition() {
    if (rootBox) textarea.value = JSON.stringify(serialise().json);
  }

  function changed() {
    if (!rootBox) return;
    limitNesting(rootBox, 1);
    writeDefinition();
    schedule();
  }

  // A definition nests at most 8 levels, conditions included (the parser's limit). A group at
  // level `level` holds its parts one level down, or two for "none" of several ({"not":
  // {"any": [...]}}); "+ Group" is offered only where a new group and its first condition fit.
  function limitNesting(box, level) {
    const state = groups.get(box);
    const inner = level + (state.mode() === "none" ? 2 : 1);
    state.addGroup.disabled = inner + 1 > 8;
    for (const item of state.list.children) {
      const nested = item.classList.contains("nested") ? item.querySelector(":scope > .group") : null;
      if (nested) limitNesting(nested, inner);
    }
  }

  function schedule(delay = 300) {
    countOutput.dataset.state = "loading";
    clearTimeout(timer);
    timer = setTimeout(count, delay);
  }

  async function count() {
    const mine = ++sequence;
    if (controller) controller.abort();
    controller = new AbortController();
    let definition;
    let marks = [];
    if (rootBox) {
      ({ json: definition, marks } = serialise());
    } else {
      try {
        definition = JSON.parse(textarea.value);
      } catch {
        showProblem("The definition is not JSON yet.");
        return;
      }
    }
    let response;
    let body = null;
    try {
      response = await fetch("/api/v1/segments/preview", {
        method: "POST",
        credentials: "same-origin",
        signal: controller.signal,
        headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": root.dataset.csrf },
        body: JSON.stringify({ definition }),
      });
      body = await response.json().catch(() => null);
    } catch (error) {
      if (mine === sequence && error.name !== "AbortError") showProblem("Rapport did not answer; the count is not current.");
      return;
    }
    if (mine !== sequence) return;
    for (const node of root.querySelectorAll(".at-fault")) node.classList.remove("at-fault");
    if (response.ok && body && typeof body.count === "number") {
      showCount(body);
      return;
    }
    const problem = body && Array.isArray(body.errors) ? body.errors[0] : null;
    if (problem) {
      markFault(problem.field, marks);
      showProblem(`${problem.field} ${problem.message}`);
    } else {
      showProblem((body && body.detail) || `Counting failed (${response.status}).`);
    }
  }

  function showCount(body) {
    countOutput.textContent = body.count.toLocaleString("en");
    countOutput.dataset.count = String(body.count);
    countOutput.dataset.state = "ok";
    countWords.textContent = body.count === 1 ? "customer matches now" : "customers match now";
    problemLine.hidden = true;
    problemLine.textContent = "";
    sample.replaceChildren(...body.sample.map((customer) => {
      const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
        || (customer.identities && customer.identities[0] && customer.identities[0].value) || customer.id;
      return element("li", {}, element("a", { href: `/customers/${encodeURIComponent(customer.id)}` }, name));
    }));
  }

  function showProblem(message) {
    countOutput.textContent = "—";
    countOutput.dataset.count = "";
    countOutput.dataset.state = "error";
    problemLine.textContent = message;
    problemLine.hidden = false;
    sample.replaceChildren();
  }

  // The part a refusal names (`definition.all[2].value`): the deepest row or group whose path it starts with.
  function markFault(field, marks) {
    if (!field) return;
    let best = null;
    for (const [path, node] of marks) {
      const inside = field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`);
      if (inside && (!best || path.length > best[0].length)) best = [path, node];
    }
    if (best) best[1].classList.add("at-fault");
  }

  // Small DOM helpers

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  function option(value, label) {
    const node = document.createElement("option");
    node.value = value;
    node.textContent = label;
    return node;
  }

  function select(choices, attributes) {
    const menu = element("select", attributes);
    menu.append(...choices.map(([value, label]) => option(value, label)));
    return menu;
  }

  function button(label, className, ariaLabel = null) {
    return element("button", { type: "button", class: className, "aria-label": ariaLabel }, label);
  }

  function labelled(words, control) {
    return element("label", { class: "option" }, `${words} `, control);
  }

  // The id of a datalist suggesting these values, made once.
  function datalist(values) {
    const key = values.join("\n");
    if (!datalists.has(key)) {
      const id = `segment-values-${datalists.size + 1}`;
      const list = element("datalist", { id });
      list.append(...values.map((value) => option(value, value)));
      root.append(list);
      datalists.set(key, id);
    }
    return datalists.get(key);
  }
}
