#pragma once

#include "HandoutExporter.h"
#include "ScreeningPage.h"
#include "Services.h"
#include "SessionEditor.h"
#include "TestSupport.h"
#include "hepdesk/db/Database.h"

#include <QCheckBox>
#include <QSignalSpy>
#include <QSlider>
#include <QString>
#include <QTest>
#include <QWidget>
#include <gtest/gtest.h>
#include <memory>

namespace hepdesk::gui::test {

/// Where a widget test leaves its screenshot, for a person to look at.
inline QString artifact(const char* name) {
    return QString::fromStdString((hepdesk::test::artifactsDir() / name).string());
}

/// Grabs `w` to a PNG in the artifacts folder; false if the file could not be written.
inline bool grabTo(QWidget& w, const char* name) {
    return w.grab().save(artifact(name), "PNG");
}

/// Types `text` into `w` one key press at a time, any Unicode (QTest::keyClicks only maps
/// ASCII to keys and asserts on the rest).
inline void typeText(QWidget* w, const QString& text) {
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Click, w, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

/// Exports the handout through the window's own path (the PDF is written on a worker thread)
/// and waits for the result: the handout record's id, or the failure message as the error.
inline Result<std::int64_t> exportAndWait(SessionEditor& editor, const QString& path) {
    QSignalSpy done(&editor, &SessionEditor::handoutExported);
    QSignalSpy failed(&editor, &SessionEditor::exportFailed);
    if (auto s = editor.startExport(path); !s) {
        return s.error();
    }
    // Generous: the machine running the tests may be busy; a result normally takes well
    // under a second.
    for (int i = 0; i < 120 && done.isEmpty() && failed.isEmpty(); ++i) {
        (void)done.wait(500);
    }
    if (!failed.isEmpty()) {
        return Error::io(failed[0][1].toString().toStdString());
    }
    if (done.isEmpty()) {
        return Error::internal("the export did not finish within a minute");
    }
    return done[0][1].value<qint64>();
}

/// Records the pain now on the Screening step as a clinician does (ticks "Pain now", moves the
/// slider to `now`): the least a routine screening records. Screen first: until something is
/// recorded no handout is given and the session cannot be signed.
inline void recordPainNow(SessionEditor& editor, int now = 3) {
    auto* recorded = editor.screeningPage()->findChild<QCheckBox*>(QStringLiteral("painRecorded0"));
    if (recorded == nullptr) {
        ADD_FAILURE() << "no \"Pain now\" box on the Screening step";
        return;
    }
    recorded->setChecked(true);
    editor.screeningPage()->painSlider(0)->setValue(now);
}

/// A fresh database in a temporary folder with the real catalog, rules and handout writer.
struct AppFixture {
    hepdesk::test::TempDir dir;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<Services> services;

    AppFixture() { open(); }
    /// (Re)opens the same database file, as the app does at start-up.
    void open() {
        services.reset();
        db.reset();
        auto opened = db::Database::open(dir / "hepdesk.sqlite");
        if (!opened) {
            ADD_FAILURE() << opened.error().message;
            return;
        }
        db = std::make_unique<db::Database>(std::move(opened).value());
        auto loaded = Services::load(*db, hepdesk::test::templatesDir());
        if (!loaded) {
            ADD_FAILURE() << loaded.error().message;
            return;
        }
        services = std::move(loaded).value();
    }
};

} // namespace hepdesk::gui::test
