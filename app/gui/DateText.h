#pragma once

#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <string>

namespace hepdesk::gui {

/// One date format everywhere in the app, in the interface's locale with a four-digit year:
/// "Mar 14, 1958" in English, "14 mar 1958" in Spanish (never 3/14/58 next to 1958-03-14).
inline QString dateText(const QDate& d) {
    const QLocale locale;
    return locale.toString(d, locale.language() == QLocale::English ? QStringLiteral("MMM d, yyyy")
                                                                    : QStringLiteral("d MMM yyyy"));
}

/// The display format of a date-time field, matching dateText() and dateTimeText().
inline QString dateTimeEditFormat() {
    return QLocale().language() == QLocale::English ? QStringLiteral("MMM d, yyyy h:mm AP")
                                                    : QStringLiteral("d MMM yyyy HH:mm");
}

/// A stored moment ("YYYY-MM-DDTHH:MM:SSZ", UTC) as local date and time ("Mar 14, 2026,
/// 9:05 AM"); a stored date ("YYYY-MM-DD") as a date. Text that is neither is shown as is.
inline QString dateTimeText(const std::string& iso) {
    const QString s = QString::fromStdString(iso);
    if (s.size() == 10) {
        const QDate d = QDate::fromString(s, Qt::ISODate);
        return d.isValid() ? dateText(d) : s;
    }
    const QDateTime t = QDateTime::fromString(s, Qt::ISODate);
    if (!t.isValid()) {
        return s;
    }
    const QDateTime local = t.toLocalTime();
    return QStringLiteral("%1, %2").arg(dateText(local.date()),
                                        QLocale().toString(local.time(), QLocale::ShortFormat));
}

} // namespace hepdesk::gui
