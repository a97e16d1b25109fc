#pragma once

#include "hepdesk/core/handout/Figure.h"

#include <QPixmap>

namespace hepdesk::gui {

/// The small picture beside an exercise in the catalog: the handout's own figure (its first
/// pose), drawn by the Qt painter, or a custom exercise's photo, so the list shows what the
/// patient will see.
class FigureThumbnail {
public:
    /// Renders `figure` into a `size` pixmap at `devicePixelRatio` (sharp on high-DPI screens).
    static QPixmap render(const handout::Figure& figure, QSize size, qreal devicePixelRatio);
    /// `photo` scaled into a `size` pixmap, aspect kept and centred on white, as in the
    /// handout's picture box; a plain white pixmap when it cannot be decoded.
    static QPixmap renderPhoto(const handout::ImageData& photo, QSize size, qreal devicePixelRatio);
};

} // namespace hepdesk::gui
