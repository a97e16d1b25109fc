#include "FigureThumbnail.h"

#include "DecodedImageCache.h"
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

QPixmap FigureThumbnail::renderPhoto(const handout::ImageData& photo, QSize size,
                                     qreal devicePixelRatio) {
    QPixmap pixmap(size * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::white);
    const QImage image = DecodedImageCache::decode(photo.bytes, size * devicePixelRatio);
    if (image.isNull()) {
        return pixmap;
    }
    QSizeF drawn = QSizeF(image.size()).scaled(QSizeF(size), Qt::KeepAspectRatio);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(
        QRectF(QPointF((size.width() - drawn.width()) / 2, (size.height() - drawn.height()) / 2),
               drawn),
        image);
    return pixmap;
}

} // namespace hepdesk::gui
