#pragma once

#include "hepdesk/core/LocalizedText.h"

#include <QLocale>
#include <QString>
#include <string>

namespace hepdesk::gui {

/// The language of the interface (a code of core's kLanguages), from the default QLocale that
/// the translation loader sets at start-up; the first of the list (English) otherwise.
inline std::string uiLanguage() {
    const QLocale::Language current = QLocale().language();
    for (std::string_view lang : kLanguages) {
        if (QLocale(QString::fromUtf8(lang.data(), static_cast<qsizetype>(lang.size())))
                .language() == current) {
            return std::string(lang);
        }
    }
    return std::string(kLanguages[0]);
}

} // namespace hepdesk::gui
