#pragma once

#include <QString>
#include <string_view>

class QComboBox;
#include <string_view>

namespace hepdesk::gui {

/// The interface label of a template identifier (region, movement, position, equipment, sex,
/// score band, screening group): "low_back" -> "Low back" / "Zona lumbar". Identifiers the
/// table does not know (a clinic's own equipment, say) are shown with underscores as spaces
/// and a capital first letter.
QString vocabularyLabel(std::string_view id);

/// Adds one item per language of core's list (kLanguages) to `box`: the language's name in
/// that language ("Español"), so a person finds theirs whatever the interface shows, and its
/// code as the item data.
void addLanguageItems(QComboBox& box);

} // namespace hepdesk::gui
