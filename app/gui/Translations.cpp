#include "Translations.h"

#include "AppSettings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace hepdesk::gui {
namespace {

const QString kInterfaceLanguageKey = QStringLiteral("interface/language");

bool hasPrefix(const QString& tag, QLatin1String lang) {
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
    return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("es")};
}

QString Translations::resolve(const QString& choice, const QStringList& systemLanguages) {
    if (choice == QLatin1String("es") || choice == QLatin1String("en")) {
        return choice;
    }
    // The first language of the system's list that we have decides: a Catalan user whose list
    // is "ca, es, en" gets Spanish, a "fr, en" user English.
    for (const QString& tag : systemLanguages) {
        if (hasPrefix(tag, QLatin1String("es"))) {
            return QStringLiteral("es");
        }
        if (hasPrefix(tag, QLatin1String("en"))) {
            return QStringLiteral("en");
        }
    }
    return QStringLiteral("en");
}

QString Translations::savedChoice() {
    const QString v = appSettings().value(kInterfaceLanguageKey).toString();
    return choices().contains(v) ? v : QStringLiteral("system");
}

void Translations::saveChoice(const QString& choice) {
    appSettings().setValue(kInterfaceLanguageKey,
                           choices().contains(choice) ? choice : QStringLiteral("system"));
}

bool Translations::install(const QString& language, QString* error) {
    uninstall();
    if (language != QLatin1String("es")) {
        // English is the source text; only its plural forms ("%n exercise(s)") come from a
        // catalogue. Without it the interface still works, with "exercise(s)".
        auto plurals = std::make_unique<QTranslator>();
        if (plurals->load(QStringLiteral(":/i18n/hepdesk_en.qm"))) {
            QCoreApplication::installTranslator(plurals.get());
            app_ = std::move(plurals);
        }
        return true;
    }
    auto app = std::make_unique<QTranslator>();
    // Embedded by qt_add_translations (app/CMakeLists.txt): the catalogue travels inside the
    // program, so an installed and a build-tree run translate the same.
    if (!app->load(QStringLiteral(":/i18n/hepdesk_es.qm"))) {
        if (error != nullptr) {
            *error = QStringLiteral("the Spanish interface catalogue (:/i18n/hepdesk_es.qm) is "
                                    "missing from this build; the interface stays in English");
        }
        return false;
    }
    // Qt's own strings (standard buttons, file and print dialogs) come from Debian's
    // qt6-translations-l10n; without it those few stay English, which is not an error.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(QLocale::Spanish), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt.get());
        qt_ = std::move(qt);
    }
    QCoreApplication::installTranslator(app.get());
    app_ = std::move(app);
    const QLocale system = QLocale::system();
    QLocale::setDefault(
        system.language() == QLocale::Spanish ? system : QLocale(QLocale::Spanish, QLocale::Spain));
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
