#include "HandoutPreview.h"

#include "QtPainter.h"

#include <QPaintEvent>
#include <QPainter>

namespace hepdesk::gui {
namespace {

constexpr int kGap = 16;    // between pages
constexpr int kMargin = 12; // around the stack

} // namespace

HandoutPreview::HandoutPreview(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("handoutPreview"));
    setAccessibleName(tr("Handout preview"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

void HandoutPreview::setPages(std::vector<handout::LayoutPage> pages) {
    pages_ = std::move(pages);
    message_.clear();
    setAccessibleDescription(tr("%n page(s)", nullptr, static_cast<int>(pages_.size())));
    updateGeometry();
    update();
}

void HandoutPreview::setMessage(const QString& message) {
    pages_.clear();
    message_ = message;
    setAccessibleDescription(message);
    updateGeometry();
    update();
}

int HandoutPreview::heightForWidth(int width) const {
    const double inner = std::max(1, width - 2 * kMargin);
    double h = 2 * kMargin;
    for (const auto& page : pages_) {
        h += page.height * inner / page.width + kGap;
    }
    return std::max(200, static_cast<int>(h));
}

QSize HandoutPreview::sizeHint() const {
    return {620, heightForWidth(620)};
}

void HandoutPreview::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    // Keep the whole stack reachable in a scroll area when the width changes.
    const int wanted = heightForWidth(width());
    if (height() != wanted) {
        setMinimumHeight(wanted);
    }
}

QImage HandoutPreview::renderPage(std::size_t index, int widthPx) const {
    if (index >= pages_.size()) {
        return {};
    }
    const auto& page = pages_[index];
    const int heightPx = static_cast<int>(page.height * widthPx / page.width);
    QImage img(widthPx, heightPx, QImage::Format_RGB32);
    img.fill(Qt::white);
    QPainter p(&img);
    QtPainter painter(p, [&](int, double, double) { return QRectF(0, 0, widthPx, heightPx); });
    handout::paintPage(page, painter);
    return img;
}

void HandoutPreview::paintEvent(QPaintEvent* event) {
    QPainter p(this);
    p.fillRect(event->rect(), palette().color(QPalette::Mid));
    if (pages_.empty()) {
        p.setPen(palette().color(QPalette::BrightText));
        p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, message_);
        return;
    }
    const double inner = std::max(1, width() - 2 * kMargin);
    std::vector<QRectF> rects;
    double y = kMargin;
    for (const auto& page : pages_) {
        const double h = page.height * inner / page.width;
        rects.emplace_back(kMargin, y, inner, h);
        y += h + kGap;
    }
    QtPainter painter(
        p, [&rects](int index, double, double) { return rects[static_cast<std::size_t>(index)]; });
    for (std::size_t i = 0; i < pages_.size(); ++i) {
        // Only pages in the exposed area are drawn: scrolling a long handout stays fast.
        if (rects[i].intersects(event->rect())) {
            p.fillRect(rects[i].translated(3, 3), QColor(0, 0, 0, 60));
            handout::paintPage(pages_[i], painter);
        } else {
            handout::LayoutPage blank{pages_[i].width, pages_[i].height, {}};
            handout::paintPage(blank, painter); // keeps the page index in step
        }
    }
}

} // namespace hepdesk::gui
