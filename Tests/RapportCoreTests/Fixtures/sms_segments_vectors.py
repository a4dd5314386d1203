"""Writes sms-segments.json next to this file: SMS segment vectors computed from the rules of
3GPP TS 23.038 (GSM 7-bit default alphabet, extension table) and TS 23.040 (160/153 septets,
70/67 UCS-2 characters), never splitting an escape pair or a surrogate pair across segments.
Written apart from the Swift code so the two check each other. Run: python3 sms_segments_vectors.py
"""
import json
import pathlib

BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
EXTENSION = set("\f^{}\\[~]|€")


def count(text):
    if all(c in BASIC or c in EXTENSION for c in text):
        encoding, costs, single, part = "gsm7", [2 if c in EXTENSION else 1 for c in text], 160, 153
    else:
        encoding, costs, single, part = "ucs2", [2 if ord(c) > 0xFFFF else 1 for c in text], 70, 67
    units = sum(costs)
    if units <= single:
        return {"encoding": encoding, "units": units, "segments": 0 if units == 0 else 1, "remaining": single - units}
    segments, filled = 1, 0
    for cost in costs:
        if filled + cost > part:
            segments, filled = segments + 1, 0
        filled += cost
    return {"encoding": encoding, "units": units, "segments": segments, "remaining": part - filled}


a, zh, smile = "a", "ж", "\U0001F600"
TEXTS = [
    "",
    "Hello",
    "Halo Budi, diskon 20% untuk Anda! Balas STOP untuk berhenti.",
    a * 160, a * 161, a * 306, a * 307, a * 459, a * 460,
    a * 158 + "{", a * 159 + "{", a * 159 + "€",
    a * 152 + "€" + a * 152,
    a * 153 + "€",
    a * 152 + "€" + a * 7,
    "[~]|^{}\\€\f",
    "Line one\r\nLine two",
    "ΔΦΓΛΩΠΨΣΘΞ @£$¥¤",
    "Ça va? Öl für 5€",
    "ça va",
    "It’s here",
    "Hello 😀",
    "Diskon 🎉",
    zh * 70, zh * 71, zh * 134, zh * 135,
    zh * 68 + smile, zh * 69 + smile,
    zh * 66 + smile + zh * 66,
    zh * 66 + smile + zh * 67,
    zh * 66 + smile + zh * 4,
    "👍🏽",
    "🇮🇩",
    "Ж",
    # Counted as given: a precomposed é is GSM-7, e with a combining acute (U+0301) is not.
    "Caf\u00e9", "Cafe\u0301",
    # Close to the alphabet but not in it: backtick, no-break space, small c cedilla.
    "`code`", "a\u00a0b", "\u00e7a",
]

if __name__ == "__main__":
    vectors = [{"text": text, **count(text)} for text in TEXTS]
    lines = ",\n".join("  " + json.dumps(vector, ensure_ascii=False) for vector in vectors)
    path = pathlib.Path(__file__).with_name("sms-segments.json")
    path.write_text("[\n" + lines + "\n]\n", encoding="utf-8")
