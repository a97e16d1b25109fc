#pragma once

#include <QLocale>
#include <string>

namespace hepdesk::gui {

/// The language of the interface ("en" or "es"), from the default QLocale that the
/// translation loader sets at start-up.
inline std::string uiLanguage() {
    return QLocale().language() == QLocale::Spanish ? "es" : "en";
}

} // namespace hepdesk::gui
