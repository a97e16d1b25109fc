#include "Translations.h"

#include "AppPreferences.h"
#include "hepdesk/core/LocalizedText.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace hepdesk::gui {
namespace {

/// The language the interface is written in (its source strings).
constexpr std::string_view kSourceLanguage = "en";

QString fromView(std::string_view v) {
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

bool hasPrefix(const QString& tag, const QString& lang) {
    return tag == lang || tag.startsWith(lang + QLatin1Char('-')) ||
           tag.startsWith(lang + QLatin1Char('_'));
}

/// English keeps the system's own English variant (en_GB dates stay British); any other
/// system language falls back to US English so that numbers and dates match the words.
void useEnglishLocale() {
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.language() == QLocale::English
                            ? system
                            : QLocale(QLocale::English, QLocale::UnitedStates));
}

} // namespace

Translations::Translations() = default;

Translations::~Translations() {
    uninstall();
}

QStringList Translations::choices() {
    QStringList out{AppPreferences::systemLanguageChoice()};
    for (std::string_view lang : kLanguages) {
        out << fromView(lang);
    }
    return out;
}

QString Translations::resolve(const QString& choice, const QStringList& systemLanguages) {
    if (isLanguage(choice.toStdString())) {
        return choice;
    }
    // The first language of the system's list that we have decides: a Catalan user whose list
    // is "ca, es, en" gets Spanish, a "fr, en" user English.
    for (const QString& tag : systemLanguages) {
        for (std::string_view lang : kLanguages) {
            if (hasPrefix(tag, fromView(lang))) {
                return fromView(lang);
            }
        }
    }
    return fromView(kSourceLanguage);
}

bool Translations::install(const QString& language, QString* error) {
    uninstall();
    if (language == fromView(kSourceLanguage) || !isLanguage(language.toStdString())) {
        // English is the source text; only its plural forms ("%n exercise(s)") come from a
        // catalogue. Without it the interface still works, with "exercise(s)".
        auto plurals = std::make_unique<QTranslator>();
        if (plurals->load(QStringLiteral(":/i18n/hepdesk_%1.qm").arg(fromView(kSourceLanguage)))) {
            QCoreApplication::installTranslator(plurals.get());
            app_ = std::move(plurals);
        }
        return true;
    }
    auto app = std::make_unique<QTranslator>();
    // Embedded by qt_add_translations (app/CMakeLists.txt): the catalogue travels inside the
    // program, so an installed and a build-tree run translate the same.
    const QString catalogue = QStringLiteral(":/i18n/hepdesk_%1.qm").arg(language);
    if (!app->load(catalogue)) {
        if (error != nullptr) {
            *error = QStringLiteral("the %1 interface catalogue (%2) is missing from this build; "
                                    "the interface stays in English")
                         .arg(QLocale::languageToString(QLocale(language).language()), catalogue);
        }
        return false;
    }
    // Qt's own strings (standard buttons, file and print dialogs) come from Debian's
    // qt6-translations-l10n; without it those few stay English, which is not an error.
    const QLocale wanted(language);
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(wanted, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qt_ = std::move(qt);
    }
    QCoreApplication::installTranslator(app.get());
    app_ = std::move(app);
    // The system's own variant of the language when it speaks it (es_MX dates stay Mexican).
    const QLocale system = QLocale::system();
    QLocale::setDefault(system.language() == wanted.language() ? system : wanted);
    return true;
}

void Translations::uninstall() {
    if (QCoreApplication::instance() != nullptr) {
        if (app_) {
            QCoreApplication::removeTranslator(app_.get());
        }
        if (qt_) {
            QCoreApplication::removeTranslator(qt_.get());
        }
    }
    app_.reset();
    qt_.reset();
    useEnglishLocale();
}

} // namespace hepdesk::gui
