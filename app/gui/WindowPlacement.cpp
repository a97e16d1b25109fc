#include "WindowPlacement.h"

#include "AppSettings.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>
#include <algorithm>

namespace hepdesk::gui::WindowPlacement {
namespace {

// The window manager's frame is not part of the widget's size: leave room for a title bar and
// borders so the whole frame stays on the screen.
constexpr int kFrameWidth = 16;
constexpr int kFrameHeight = 48;

QString geometryKey(const QString& key) {
    return key + QStringLiteral("/geometry");
}

QRect availableFor(const QWidget& window) {
    const QScreen* screen = window.screen();
    if (screen == nullptr) {
        screen = QGuiApplication::primaryScreen();
    }
    return screen != nullptr ? screen->availableGeometry() : QRect();
}

} // namespace

QSize fitInto(QSize wanted, const QRect& available) {
    if (!available.isValid()) {
        return wanted;
    }
    return {std::max(1, std::min(wanted.width(), available.width() - kFrameWidth)),
            std::max(1, std::min(wanted.height(), available.height() - kFrameHeight))};
}

void restore(QWidget& window, const QString& key, QSize wanted) {
    const QByteArray saved = appSettings().value(geometryKey(key)).toByteArray();
    if (saved.isEmpty() || !window.restoreGeometry(saved)) {
        window.resize(fitInto(wanted, availableFor(window)));
        return;
    }
    if (!window.isMaximized() && !window.isFullScreen()) {
        // Saved on a larger screen: shrink to this one.
        window.resize(fitInto(window.size(), availableFor(window)));
    }
}

void save(const QWidget& window, const QString& key) {
    appSettings().setValue(geometryKey(key), window.saveGeometry());
}

} // namespace hepdesk::gui::WindowPlacement
