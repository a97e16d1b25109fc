#include "FigureThumbnail.h"

#include "QtPainter.h"

#include <QPainter>

namespace hepdesk::gui {

QPixmap FigureThumbnail::render(const handout::Figure& figure, QSize size, qreal devicePixelRatio) {
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::white);
    if (figure.poses.empty()) {
        return pixmap;
    }
    // Drawn in the figure's own box (points) and scaled onto the pixmap by the painter.
    handout::LayoutPage page{figure.width, figure.height, {}};
    handout::drawPose(figure, figure.poses.front(), {0, 0}, figure.width, figure.height,
                      page.commands);
    QPainter p(&pixmap);
    QtPainter painter(p, [size](int, double, double) { return QRectF(QPointF(0, 0), size); });
    handout::paintPage(page, painter);
    return pixmap;
}

} // namespace hepdesk::gui
