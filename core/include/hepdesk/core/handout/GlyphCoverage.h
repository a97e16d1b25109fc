#pragma once

#include "hepdesk/core/handout/TextWrap.h"

#include <string>
#include <vector>

namespace hepdesk::handout {

struct HandoutDocument;

/// Characters of one field of a handout that its fonts cannot draw: the PDF shows an empty box
/// (or, above U+FFFF, a space) in their place. Noto Sans covers Latin, Greek and Cyrillic, not
/// Arabic, Hebrew or CJK: a name in those scripts must be checked with the patient.
struct UndrawableText {
    std::string field;                ///< "patient name", "note for cat_cow", "clinic address"
    std::vector<char32_t> characters; ///< distinct, in order of first appearance
};

/// Whether `cp` can be drawn with both faces (a line break or tab always: the layout handles
/// them; any other control character never).
bool canDraw(const FontPair& fonts, char32_t cp);

/// Every field of `doc` holding characters the fonts cannot draw, in the order they print.
std::vector<UndrawableText> undrawableText(const HandoutDocument& doc, const FontPair& fonts);

/// "ع (U+0639), ل (U+0644)": the characters for a message, at most `max` of them, then
/// "and N more".
std::string characterList(const UndrawableText& u, std::size_t max = 8);

/// "patient name: ع (U+0639), ..." for each field, joined by "; ".
std::string describeUndrawable(const std::vector<UndrawableText>& list);

} // namespace hepdesk::handout
