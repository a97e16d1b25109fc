#pragma once

#include <QString>
#include <QStringList>
#include <memory>

class QTranslator;

namespace hepdesk::gui {

/// The interface language: English (the source strings) or Spanish (Qt Linguist catalogue
/// embedded in the program, plus Qt's own strings for standard buttons and dialogs). By
/// default the app follows the system's languages; the Settings dialog and `--lang` override.
class Translations final {
public:
    /// What the person may ask for: "system", or a language of core's list (kLanguages).
    static QStringList choices();

    /// The interface language for a choice and the system's preferred languages
    /// (QLocale::uiLanguages() order): "es" or "en". Anything unknown means English.
    static QString resolve(const QString& choice, const QStringList& systemLanguages);

    /// Installs the translators for `language` ("en" or "es") in the running application and
    /// makes it the default QLocale (dates, numbers, and the language of template texts).
    /// Returns false, with `error` set, when the Spanish catalogue is missing; the interface
    /// then stays English.
    bool install(const QString& language, QString* error = nullptr);

    /// Removes what install() added and goes back to English (tests switch languages).
    void uninstall();

    Translations();
    Translations(const Translations&) = delete;
    Translations& operator=(const Translations&) = delete;
    ~Translations();

private:
    std::unique_ptr<QTranslator> app_;
    std::unique_ptr<QTranslator> qt_;
};

} // namespace hepdesk::gui
