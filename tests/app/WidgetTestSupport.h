#pragma once

#include "TestSupport.h"

#include <QString>
#include <QTest>
#include <QWidget>

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

} // namespace hepdesk::gui::test
