// Rapport SMS counter: under each text area marked `data-sms-counter="<id of its output>"`, how
// many characters the text is, in which encoding and how many SMS it is sent as, while typing:
// "58 characters · GSM-7 · 1 SMS". The rules are those of SMSSegments.swift, which counts what
// the campaign page shows and what the sender sends (3GPP TS 23.038 and TS 23.040):
// - GSM-7 when every character is in the GSM default alphabet; one of its extension table
//   (form feed, ^ { } \ [ ~ ] | €) takes two septets. 160 septets in one SMS, 153 in each part
//   of a longer one.
// - Otherwise the whole text is UCS-2, counted in UTF-16 units (a character beyond U+FFFF,
//   most emoji, takes two): 70 in one SMS, 67 in each part.
// - An escape pair or a surrogate pair is never split across parts: a part ends a unit early.
// - Text is counted by Unicode code point, as given (no normalization); "\r\n" is two septets.
// Tests/browser/workspace.py checks this file against Tests/RapportCoreTests/Fixtures/sms-segments.json,
// the vectors SMSSegments is tested with.

// GSMAlphabet.swift's tables: the basic table's 127 characters (0x1B, the escape, is none) and
// the extension table's 10.
const basic = new Set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
  + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
const extension = new Set("\f^{}\\[~]|€");

// Units per message: one alone, and each part of a concatenated one.
const capacity = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
};

// The count of `text`: { encoding: "gsm7" | "ucs2", units, segments, remaining }, `remaining`
// being the units still free in the last message.
export function smsSegments(text) {
  const characters = [...text];
  const gsm = characters.every((character) => basic.has(character) || extension.has(character));
  const costs = gsm
    ? characters.map((character) => (extension.has(character) ? 2 : 1))
    : characters.map((character) => (character.codePointAt(0) > 0xffff ? 2 : 1));
  return packing(costs, gsm ? "gsm7" : "ucs2");
}

// Fills messages with characters of these unit costs, in order.
function packing(costs, encoding) {
  const { single, part } = capacity[encoding];
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  if (units <= single) return { encoding, units, segments: units === 0 ? 0 : 1, remaining: single - units };
  let segments = 1;
  let filled = 0;
  for (const cost of costs) {
    if (filled + cost > part) {
      segments += 1;
      filled = 0;
    }
    filled += cost;
  }
  return { encoding, units, segments, remaining: part - filled };
}

// The count in the campaign pages' words (SMSSegments+CounterText.swift writes the same).
export function counterText(count) {
  const characters = `${count.units} character${count.units === 1 ? "" : "s"}`;
  return `${characters} · ${count.encoding === "gsm7" ? "GSM-7" : "UCS-2"} · ${count.segments} SMS`;
}

// The text as the server keeps it: trimmed (a text area's line breaks are already LF here).
function kept(value) {
  return value.trim();
}

for (const field of document.querySelectorAll("textarea[data-sms-counter]")) {
  const output = document.getElementById(field.dataset.smsCounter);
  if (!output) continue;
  const show = () => {
    output.textContent = counterText(smsSegments(kept(field.value)));
  };
  field.addEventListener("input", show);
  show();
}
