#include "QtPainter.h"

#include "DecodedImageCache.h"
#include "hepdesk/core/Paths.h"

#include <QFontDatabase>
#include <QImage>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

namespace hepdesk::gui {
namespace {

QColor toQt(const handout::Color& c) {
    return {c.r, c.g, c.b};
}

QPointF toQt(const handout::Point& p) {
    return {p.x, p.y};
}

QString family(handout::FontFace face) {
    static QString regular;
    static QString bold;
    static bool loaded = false;
    if (!loaded) {
        loaded = true;
        for (auto [file, out] :
             {std::pair{"NotoSans-Regular.ttf", &regular}, std::pair{"NotoSans-Bold.ttf", &bold}}) {
            const int id =
                QFontDatabase::addApplicationFont(QString::fromStdString(fontPath(file).string()));
            const QStringList families = QFontDatabase::applicationFontFamilies(id);
            *out = families.isEmpty() ? QStringLiteral("Noto Sans") : families.front();
        }
    }
    return face == handout::FontFace::Bold ? bold : regular;
}

} // namespace

QtPainter::QtPainter(QPainter& painter, PageRect pageRect)
    : p_(painter), pageRect_(std::move(pageRect)) {}

bool QtPainter::loadFonts() {
    (void)family(handout::FontFace::Regular);
    return QFontDatabase::families().contains(family(handout::FontFace::Regular));
}

QFont QtPainter::fontFor(handout::FontFace face, double size) const {
    QFont f(family(face));
    f.setBold(face == handout::FontFace::Bold);
    // Layout units are points drawn under a transform that maps one point to `scale` device
    // pixels; the font is sized so that before the transform it is `size` device units tall,
    // whatever the device's resolution (screen image or 600 dpi printer).
    const int dpi = p_.device() != nullptr ? p_.device()->logicalDpiY() : 72;
    f.setPointSizeF(size * 72.0 / dpi);
    // The layout measured unkerned, unhinted advances (as libharu draws them).
    f.setKerning(false);
    f.setHintingPreference(QFont::PreferNoHinting);
    f.setStyleStrategy(QFont::PreferOutline);
    return f;
}

void QtPainter::beginPage(double width, double height) {
    const QRectF target = pageRect_(pages_, width, height);
    p_.save();
    p_.setRenderHint(QPainter::Antialiasing);
    p_.setRenderHint(QPainter::TextAntialiasing);
    p_.translate(target.topLeft());
    p_.scale(target.width() / width, target.height() / height);
    p_.fillRect(QRectF(0, 0, width, height), Qt::white);
    p_.setClipRect(QRectF(0, 0, width, height));
}

void QtPainter::endPage() {
    p_.restore();
    ++pages_;
}

void QtPainter::drawText(const handout::TextRun& run) {
    p_.setFont(fontFor(run.face, run.size));
    p_.setPen(toQt(run.color));
    p_.drawText(toQt(run.origin), QString::fromStdString(run.utf8));
}

void QtPainter::setStroke(const std::optional<handout::Stroke>& stroke) {
    if (!stroke) {
        p_.setPen(Qt::NoPen);
        return;
    }
    QPen pen(toQt(stroke->color), stroke->width);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    p_.setPen(pen);
}

void QtPainter::drawLine(const handout::Line& line) {
    setStroke(line.stroke);
    p_.drawLine(toQt(line.from), toQt(line.to));
}

void QtPainter::drawPolyline(const handout::Polyline& polyline) {
    QPolygonF poly;
    for (const auto& pt : polyline.points) {
        poly << toQt(pt);
    }
    if (polyline.fill) {
        p_.setPen(Qt::NoPen);
        p_.setBrush(toQt(*polyline.fill));
        p_.drawPolygon(poly);
    }
    if (polyline.stroke) {
        setStroke(polyline.stroke);
        p_.setBrush(Qt::NoBrush);
        polyline.closed ? p_.drawPolygon(poly) : p_.drawPolyline(poly);
    }
}

void QtPainter::drawCircle(const handout::Circle& circle) {
    p_.setBrush(circle.fill ? QBrush(toQt(*circle.fill)) : QBrush(Qt::NoBrush));
    setStroke(circle.stroke);
    p_.drawEllipse(toQt(circle.center), circle.radius, circle.radius);
}

void QtPainter::drawRect(const handout::Rect& rect) {
    p_.setBrush(rect.fill ? QBrush(toQt(*rect.fill)) : QBrush(Qt::NoBrush));
    setStroke(rect.stroke);
    p_.drawRect(QRectF(toQt(rect.topLeft), QSizeF(rect.width, rect.height)));
}

void QtPainter::drawImage(const handout::Image& image) {
    if (!image.data) {
        return;
    }
    const QImage img = DecodedImageCache::get(image.data);
    if (!img.isNull()) {
        p_.drawImage(QRectF(toQt(image.topLeft), QSizeF(image.width, image.height)), img);
    }
}

} // namespace hepdesk::gui
