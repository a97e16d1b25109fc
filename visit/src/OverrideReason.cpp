#include "hepdesk/visit/OverrideReason.h"

#include <string>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace hepdesk::visit {

Status checkOverrideReason(std::string_view reason) {
    int words = 0;
    int letters = 0;
    bool inWord = false;
    const auto* s = reinterpret_cast<const std::uint8_t*>(reason.data());
    const auto length = static_cast<std::int32_t>(reason.size());
    for (std::int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(s, i, length, c);
        if (c < 0) {
            return Error::invalid("the override reason is not valid UTF-8 text");
        }
        if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) {
            // Scripts without spaces between words: each ideograph carries a word's meaning.
            ++words;
            ++letters;
            inWord = false;
        } else if (u_isalnum(c)) {
            ++letters;
            if (!inWord) {
                ++words;
            }
            inWord = true;
        } else if (const auto type = u_charType(c); type != U_NON_SPACING_MARK &&
                                                    type != U_COMBINING_SPACING_MARK &&
                                                    type != U_ENCLOSING_MARK) {
            inWord = false; // accents inside a word (decomposed text) keep it one word
        }
    }
    if (letters == 0) {
        return Error::invalid("the override reason has no visible text (only spaces, invisible "
                              "or control characters): write why the handout is given");
    }
    if (words < kOverrideReasonMinWords || letters < kOverrideReasonMinLetters) {
        return Error::invalid("the override reason '" + std::string(reason.substr(0, 80)) +
                              "' is too short: write in a few words why the handout is given "
                              "despite the referral (at least " +
                              std::to_string(kOverrideReasonMinWords) + " words)");
    }
    return {};
}

const OverrideKind* overrideKind(std::string_view id) {
    for (const OverrideKind& k : kOverrideKinds) {
        if (k.id == id) {
            return &k;
        }
    }
    return nullptr;
}

std::string overrideKindIds() {
    std::string ids;
    for (const OverrideKind& k : kOverrideKinds) {
        ids += (ids.empty() ? "" : ", ") + std::string(k.id);
    }
    return ids;
}

Status checkOverride(std::string_view kindId, std::string_view sentence) {
    if (auto st = checkOverrideReason(sentence); !st) {
        return st;
    }
    if (kindId.empty()) {
        return Error::invalid("the override needs its kind, one of " + overrideKindIds() +
                              ", with a sentence of why");
    }
    if (overrideKind(kindId) == nullptr) {
        return Error::invalid("unknown override kind '" + std::string(kindId.substr(0, 40)) +
                              "' (expected one of " + overrideKindIds() + ")");
    }
    return {};
}

std::string overrideText(std::string_view kindId, std::string_view sentence,
                         std::string_view lang) {
    const OverrideKind* k = overrideKind(kindId);
    if (k == nullptr) {
        return std::string(sentence);
    }
    return std::string(lang == "es" ? k->es : k->en) + ": " + std::string(sentence);
}

} // namespace hepdesk::visit
