#pragma once

#include <QRect>
#include <QSize>
#include <QString>

class QWidget;

namespace hepdesk::gui {

/// Where a top-level window opens: never larger than the screen's free area (a laptop's
/// 1000-pixel-high screen holds the whole session window), and as the user left it last time
/// (size, place, maximized), kept in the interface preferences under `key`.
namespace WindowPlacement {

/// `wanted`, shrunk to fit `available` with room for the window frame and title bar.
[[nodiscard]] QSize fitInto(QSize wanted, const QRect& available);

/// Restores the geometry saved under `key` (maximized included), or opens at `wanted`, in both
/// cases within the free area of the screen the window is on.
void restore(QWidget& window, const QString& key, QSize wanted);

/// Saves the window's geometry (and whether it is maximized) under `key`.
void save(const QWidget& window, const QString& key);

} // namespace WindowPlacement
} // namespace hepdesk::gui
