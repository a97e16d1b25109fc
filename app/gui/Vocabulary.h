#pragma once

#include <QString>
#include <string_view>

namespace hepdesk::gui {

/// The interface label of a template identifier (region, movement, position, equipment, sex,
/// score band, screening group): "low_back" -> "Low back" / "Zona lumbar". Identifiers the
/// table does not know (a clinic's own equipment, say) are shown with underscores as spaces
/// and a capital first letter.
QString vocabularyLabel(std::string_view id);

} // namespace hepdesk::gui
