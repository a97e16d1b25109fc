#include "Translations.h"

#include "AppPreferences.h"
#include "CatalogModel.h"
#include "ExercisesPage.h"
#include "HandoutPage.h"
#include "MainWindow.h"
#include "ScreeningPage.h"
#include "SessionEditor.h"
#include "SettingsDialog.h"
#include "TriageBanner.h"
#include "WidgetTestSupport.h"
#include "hepdesk/db/ClinicRepository.h"
#include "hepdesk/db/ClinicianRepository.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QXmlStreamReader>
#include <gtest/gtest.h>
#include <map>
#include <set>

namespace hepdesk::gui {
namespace {

TEST(Translations, ResolveFollowsTheChoiceThenTheSystemLanguages) {
    const QStringList spanishSystem{QStringLiteral("es-ES"), QStringLiteral("en-US")};
    const QStringList frenchSystem{QStringLiteral("fr-FR"), QStringLiteral("en-GB")};
    EXPECT_EQ(Translations::resolve(QStringLiteral("system"), spanishSystem), u"es");
    EXPECT_EQ(Translations::resolve(QStringLiteral("system"), frenchSystem), u"en");
    EXPECT_EQ(Translations::resolve(QStringLiteral("system"), {QStringLiteral("es_MX")}), u"es");
    // A Catalan speaker who lists Spanish second gets Spanish, not English.
    EXPECT_EQ(Translations::resolve(QStringLiteral("system"),
                                    {QStringLiteral("ca-ES"), QStringLiteral("es-ES")}),
              u"es");
    EXPECT_EQ(Translations::resolve(QStringLiteral("system"), {QStringLiteral("de-DE")}), u"en");
    EXPECT_EQ(Translations::resolve(QStringLiteral("system"), {}), u"en");
    // An explicit choice wins over the system.
    EXPECT_EQ(Translations::resolve(QStringLiteral("en"), spanishSystem), u"en");
    EXPECT_EQ(Translations::resolve(QStringLiteral("es"), frenchSystem), u"es");
}

/// One <message> of the Linguist catalogue.
struct TsMessage {
    QString context;
    QString source;
    QStringList translations; ///< one, or one per plural form
    QString type;             ///< "unfinished", "vanished", "obsolete" or empty
    bool numerus = false;     ///< a plural message ("%n page(s)")
};

std::vector<TsMessage> readTs(const QString& path) {
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader xml(&f);
    std::vector<TsMessage> out;
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name") {
                context = xml.readElementText();
            } else if (name == u"message") {
                m = TsMessage{context, {}, {}, {}, false};
                m.numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            } else if (name == u"source") {
                m.source = xml.readElementText();
            } else if (name == u"translation") {
                m.type = xml.attributes().value(QStringLiteral("type")).toString();
                // Plural messages hold <numerusform> children, read below; others hold text.
                if (!m.numerus) {
                    m.translations << xml.readElementText();
                }
            } else if (name == u"numerusform") {
                m.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            out.push_back(m);
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return out;
}

/// Every match of `re` in `s`, as a sorted multiset: a translation must keep the same ones.
std::multiset<QString> matchesOf(const QString& s, const QRegularExpression& re) {
    std::multiset<QString> found;
    for (auto it = re.globalMatch(s); it.hasNext();) {
        found.insert(it.next().captured(0));
    }
    return found;
}

/// "%1", "%2", "%n".
std::multiset<QString> placeholders(const QString& s) {
    static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
    return matchesOf(s, re);
}

/// The rich-text tags the interface uses.
std::multiset<QString> htmlTags(const QString& s) {
    static const QRegularExpression re(QStringLiteral("</?(b|i|p|br|span|a|ul|li)\\b"));
    return matchesOf(s, re);
}

int mnemonics(const QString& s) {
    static const QRegularExpression re(QStringLiteral("&(?!&)\\w"));
    return static_cast<int>(s.count(re));
}

TEST(Translations, SpanishCatalogueIsCompleteAndKeepsPlaceholdersMnemonicsAndMarkup) {
    const auto messages = readTs(QStringLiteral(HEPDESK_TRANSLATIONS_DIR "/hepdesk_es.ts"));
    ASSERT_GT(messages.size(), 300U) << "every interface string is in the catalogue";
    for (const TsMessage& m : messages) {
        const std::string where = m.context.toStdString() + ": \"" + m.source.toStdString() + "\"";
        EXPECT_TRUE(m.type.isEmpty()) << where << " is " << m.type.toStdString();
        ASSERT_FALSE(m.translations.isEmpty()) << where;
        for (const QString& t : m.translations) {
            EXPECT_FALSE(t.trimmed().isEmpty()) << where << " has no Spanish";
            if (!m.numerus) {
                EXPECT_EQ(placeholders(t), placeholders(m.source))
                    << where << " -> \"" << t.toStdString() << "\"";
            } else {
                EXPECT_TRUE(t.contains(QStringLiteral("%n"))) << where;
            }
            EXPECT_EQ(mnemonics(t), mnemonics(m.source))
                << where << " -> \"" << t.toStdString() << "\": keyboard access key";
            EXPECT_EQ(htmlTags(t), htmlTags(m.source)) << where << " -> " << t.toStdString();
            EXPECT_EQ(t.endsWith(QChar(0x2026)), m.source.endsWith(QChar(0x2026)))
                << where << ": an ellipsis says a dialog follows";
        }
    }
}

TEST(Translations, EveryAccessKeyInAWindowIsUniqueInSpanish) {
    // Within one set of widgets that are on screen together, two access keys on the same
    // letter make Alt+letter ambiguous. Checked per context for the dialogs and pages.
    const auto messages = readTs(QStringLiteral(HEPDESK_TRANSLATIONS_DIR "/hepdesk_es.ts"));
    const std::set<QString> single{QStringLiteral("hepdesk::gui::SettingsDialog"),
                                   QStringLiteral("hepdesk::gui::PatientDialog"),
                                   QStringLiteral("hepdesk::gui::ExercisesPage"),
                                   QStringLiteral("hepdesk::gui::HandoutPage"),
                                   QStringLiteral("hepdesk::gui::ScreeningPage")};
    std::map<QString, std::map<QChar, QString>> keys;
    static const QRegularExpression re(QStringLiteral("&(\\w)"));
    for (const TsMessage& m : messages) {
        if (single.count(m.context) == 0 || m.translations.size() != 1) {
            continue;
        }
        const auto match = re.match(m.translations.front());
        if (!match.hasMatch()) {
            continue;
        }
        const QChar key = match.captured(1).front().toLower();
        auto [it, fresh] = keys[m.context].emplace(key, m.translations.front());
        // "O&verride reason:" and "O&verride reason (%1):" label the same field.
        auto field = [](QString label) {
            return label.section(QLatin1Char('('), 0, 0).remove(QLatin1Char(':')).trimmed();
        };
        const bool sameField = field(it->second) == field(m.translations.front());
        EXPECT_TRUE(fresh || sameField)
            << m.context.toStdString() << ": Alt+" << QString(key).toStdString() << " on \""
            << it->second.toStdString() << "\" and \"" << m.translations.front().toStdString()
            << "\"";
    }
}

/// Installs Spanish for one test and always goes back to English.
struct SpanishInterface {
    Translations translations;
    SpanishInterface() {
        QString why;
        EXPECT_TRUE(translations.install(QStringLiteral("es"), &why)) << why.toStdString();
    }
    ~SpanishInterface() { translations.uninstall(); }
};

TEST(Translations, MainWindowAndSessionEditorSpeakSpanish) {
    test::AppFixture app;
    SpanishInterface spanish;
    EXPECT_EQ(QLocale().language(), QLocale::Spanish);

    MainWindow w(*app.services);
    w.show();
    EXPECT_EQ(w.newPatientAction()->text(), QStringLiteral("&Nuevo paciente…"));
    EXPECT_EQ(w.startSessionAction()->text(), QStringLiteral("&Iniciar sesión"));
    EXPECT_EQ(w.settingsAction()->text(), QStringLiteral("&Configuración…"));
    QStringList menus;
    for (QAction* a : w.menuBar()->actions()) {
        menus << a->text();
    }
    EXPECT_EQ(menus, (QStringList{QStringLiteral("&Archivo"), QStringLiteral("&Editar"),
                                  QStringLiteral("&Sesión"), QStringLiteral("A&yuda")}));
    auto* search = w.findChild<QLineEdit*>(QStringLiteral("patientSearch"));
    ASSERT_NE(search, nullptr);
    EXPECT_TRUE(search->placeholderText().startsWith(QStringLiteral("Buscar pacientes")));
    EXPECT_TRUE(test::grabTo(w, "translations-main-window-es.png"));

    w.addPatient(Patient{0, "Rosa Díaz", "1948-03-02", "R-1", "", false});
    SessionEditor* editor = w.openSession(0);
    ASSERT_NE(editor, nullptr);
    QStringList tabs;
    for (int i = 0; i < editor->steps()->count(); ++i) {
        tabs << editor->steps()->tabText(i);
    }
    EXPECT_EQ(tabs,
              (QStringList{QStringLiteral("&1 Cribado"), QStringLiteral("&2 Ejercicios"),
                           QStringLiteral("&3 Hoja de ejercicios"), QStringLiteral("&4 Firma")}));
    // Nothing recorded yet (issue 12): not "no red flags".
    EXPECT_EQ(editor->banner()->headline(), QStringLiteral("Cribado aún sin hacer"));
    // ... and no exercise is "Apto" yet; the handout waits, saying why in Spanish.
    const CatalogModel& catalog = *editor->exercisesPage()->catalogModel();
    EXPECT_EQ(catalog.index(catalog.rowOf("pelvic_tilt"), CatalogModel::EligibilityColumn)
                  .data()
                  .toString(),
              QStringLiteral("Cribado aún sin hacer"));
    EXPECT_TRUE(editor->handoutPage()->blockedReason().startsWith(
        QStringLiteral("Cribado aún sin hacer: registre")))
        << editor->handoutPage()->blockedReason().toStdString();
    QCheckBox* saddle = editor->screeningPage()->findingBox("ces_saddle_numbness");
    ASSERT_NE(saddle, nullptr);
    saddle->click();
    EXPECT_EQ(editor->banner()->headline(),
              QStringLiteral("URGENCIA: derivación a urgencias ahora"));
    EXPECT_TRUE(test::grabTo(*editor, "translations-session-emergency-es.png"));
    (void)editor->save();
}

TEST(Translations, SettingsOffersTheInterfaceLanguageAndRemembersIt) {
    test::AppFixture app;
    SpanishInterface spanish;
    SettingsDialog dialog(app.services->clinic(), app.services->clinicians());
    ASSERT_TRUE(dialog.load().ok());
    EXPECT_EQ(dialog.windowTitle(), QStringLiteral("Configuración"));
    QComboBox* box = dialog.interfaceLanguageBox();
    // Language names are shown in their own language, whatever the interface language is.
    EXPECT_EQ(box->itemText(1), QStringLiteral("English"));
    EXPECT_EQ(box->itemText(2), QStringLiteral("Español"));
    EXPECT_EQ(box->currentData().toString(), AppPreferences().interfaceLanguage());
    // Qt's own strings come translated too (qtbase_es from qt6-translations-l10n).
    auto* buttons = dialog.findChild<QDialogButtonBox*>();
    ASSERT_NE(buttons, nullptr);
    EXPECT_EQ(buttons->button(QDialogButtonBox::Cancel)->text().remove(QLatin1Char('&')),
              QStringLiteral("Cancelar"));
    dialog.show();
    EXPECT_TRUE(test::grabTo(dialog, "translations-settings-es.png"));

    box->setCurrentIndex(box->findData(QStringLiteral("es")));
    ASSERT_TRUE(dialog.save().ok());
    EXPECT_EQ(AppPreferences().interfaceLanguage(), u"es");
    box->setCurrentIndex(box->findData(QStringLiteral("system")));
    ASSERT_TRUE(dialog.save().ok());
    EXPECT_EQ(AppPreferences().interfaceLanguage(), u"system");
}

TEST(Translations, UninstallGoesBackToEnglish) {
    test::AppFixture app;
    { SpanishInterface spanish; }
    EXPECT_NE(QLocale().language(), QLocale::Spanish);
    MainWindow w(*app.services);
    EXPECT_EQ(w.newPatientAction()->text(), QStringLiteral("&New patient…"));
}

} // namespace
} // namespace hepdesk::gui
