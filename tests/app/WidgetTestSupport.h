#pragma once

#include "Services.h"
#include "TestSupport.h"
#include "hepdesk/db/Database.h"

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
