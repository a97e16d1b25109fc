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

} // namespace hepdesk::visit
