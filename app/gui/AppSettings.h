#pragma once

#include <QCoreApplication>
#include <QSettings>

namespace hepdesk::gui {

/// The user's interface preferences (window layout, last choices): per user, never clinical
/// data, which lives in the database. Named explicitly so the file does not depend on whether
/// an organisation name was set.
inline QSettings appSettings() {
    return QSettings(QSettings::NativeFormat, QSettings::UserScope,
                     QCoreApplication::applicationName(), QCoreApplication::applicationName());
}

} // namespace hepdesk::gui
