#include "HandoutPreview.h"

#include "QtPainter.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPaintEvent>
#include <QPainter>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace hepdesk::gui {
namespace {

constexpr int kMargin = 12;             // around the page
constexpr double kPointsPerInch = 72.0; // PDF units

} // namespace

/// Paints the current page (or the message) at the preview's scale.
class PageCanvas final : public QWidget {
public:
    explicit PageCanvas(HandoutPreview& preview) : QWidget(nullptr), preview_(preview) {
        setObjectName(QStringLiteral("handoutPageCanvas"));
    }

protected:
    void paintEvent(QPaintEvent* event) override {
        QPainter p(this);
        p.fillRect(event->rect(), palette().color(QPalette::Mid));
        const auto& pages = preview_.pages_;
        if (pages.empty()) {
            p.setPen(palette().color(QPalette::BrightText));
            p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap,
                       preview_.message_);
            return;
        }
        const QRect page = preview_.pageRect();
        p.fillRect(page.translated(3, 3), QColor(0, 0, 0, 60));
        QtPainter painter(p, [page](int, double, double) { return QRectF(page); });
        handout::paintPage(pages[static_cast<std::size_t>(preview_.current_)], painter);
    }

private:
    HandoutPreview& preview_;
};

HandoutPreview::HandoutPreview(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("handoutPreview"));
    setAccessibleName(tr("Handout preview"));
    previous_ = new QToolButton(this);
    previous_->setObjectName(QStringLiteral("previewPreviousPage"));
    previous_->setText(tr("◀ Previous page"));
    previous_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    previous_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageUp));
    previous_->setToolTip(tr("Previous page (Ctrl+Page Up)"));
    next_ = new QToolButton(this);
    next_->setObjectName(QStringLiteral("previewNextPage"));
    next_->setText(tr("Next page ▶"));
    next_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_PageDown));
    next_->setToolTip(tr("Next page (Ctrl+Page Down)"));
    pageLabel_ = new QLabel(this);
    pageLabel_->setObjectName(QStringLiteral("previewPageLabel"));
    zoomBox_ = new QComboBox(this);
    zoomBox_->setObjectName(QStringLiteral("previewZoom"));
    zoomBox_->setAccessibleName(tr("Preview zoom"));
    zoomBox_->addItem(tr("Fit page"), static_cast<int>(Zoom::FitPage));
    zoomBox_->addItem(tr("Fit width"), static_cast<int>(Zoom::FitWidth));
    zoomBox_->addItem(tr("100 %"), static_cast<int>(Zoom::Actual));
    connect(previous_, &QToolButton::clicked, this, [this] { setCurrentPage(current_ - 1); });
    connect(next_, &QToolButton::clicked, this, [this] { setCurrentPage(current_ + 1); });
    connect(zoomBox_, &QComboBox::currentIndexChanged, this,
            [this] { setZoom(static_cast<Zoom>(zoomBox_->currentData().toInt())); });

    canvas_ = new PageCanvas(*this);
    scroll_ = new QScrollArea(this);
    scroll_->setWidget(canvas_);
    scroll_->setWidgetResizable(false);
    scroll_->setAlignment(Qt::AlignCenter);
    scroll_->setBackgroundRole(QPalette::Mid);
    scroll_->viewport()->installEventFilter(this);

    auto* bar = new QHBoxLayout;
    bar->addWidget(previous_);
    bar->addWidget(pageLabel_);
    bar->addWidget(next_);
    bar->addStretch(1);
    bar->addWidget(new QLabel(tr("Zoom:"), this));
    bar->addWidget(zoomBox_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(scroll_, 1);
    updateView();
}

void HandoutPreview::setPages(std::vector<handout::LayoutPage> pages) {
    pages_ = std::move(pages);
    message_.clear();
    current_ = std::clamp(current_, 0, std::max(0, static_cast<int>(pages_.size()) - 1));
    setAccessibleDescription(tr("%n page(s)", nullptr, static_cast<int>(pages_.size())));
    updateView();
}

void HandoutPreview::setMessage(const QString& message) {
    pages_.clear();
    message_ = message;
    current_ = 0;
    setAccessibleDescription(message);
    updateView();
}

void HandoutPreview::setCurrentPage(int index) {
    if (pages_.empty()) {
        return;
    }
    current_ = std::clamp(index, 0, static_cast<int>(pages_.size()) - 1);
    updateView();
    scroll_->verticalScrollBar()->setValue(0);
}

void HandoutPreview::setZoom(Zoom zoom) {
    zoom_ = zoom;
    const QSignalBlocker block(zoomBox_);
    zoomBox_->setCurrentIndex(zoomBox_->findData(static_cast<int>(zoom)));
    updateView();
}

double HandoutPreview::scale() const {
    if (pages_.empty()) {
        return 1.0;
    }
    const auto& page = pages_[static_cast<std::size_t>(current_)];
    const QSize view = scroll_->viewport()->size();
    const double byWidth = std::max(1, view.width() - 2 * kMargin) / page.width;
    const double byHeight = std::max(1, view.height() - 2 * kMargin) / page.height;
    switch (zoom_) {
    case Zoom::FitPage:
        return std::min(byWidth, byHeight);
    case Zoom::FitWidth: {
        // A page fitted to the width is taller than the view: leave room for the scroll bar
        // it brings, so the page's right edge is not hidden under it.
        const int bar = scroll_->verticalScrollBar()->isVisible()
                            ? 0
                            : style()->pixelMetric(QStyle::PM_ScrollBarExtent);
        return std::max(1, view.width() - bar - 2 * kMargin) / page.width;
    }
    case Zoom::Actual:
        return logicalDpiX() / kPointsPerInch;
    }
    return 1.0;
}

QRect HandoutPreview::pageRect() const {
    if (pages_.empty()) {
        return {};
    }
    const auto& page = pages_[static_cast<std::size_t>(current_)];
    const double s = scale();
    const int w = static_cast<int>(page.width * s);
    // Centred across the visible width; at the margin when wider (it scrolls).
    const int x = std::max(kMargin, (scroll_->viewport()->width() - w) / 2);
    return {x, kMargin, w, static_cast<int>(page.height * s)};
}

void HandoutPreview::updateView() {
    const int count = static_cast<int>(pages_.size());
    pageLabel_->setText(count == 0 ? QString() : tr("Page %1 of %2").arg(current_ + 1).arg(count));
    previous_->setEnabled(current_ > 0);
    next_->setEnabled(current_ + 1 < count);
    zoomBox_->setEnabled(count > 0);
    const QSize view = scroll_->viewport()->size();
    if (count == 0) {
        canvas_->resize(view);
    } else {
        const QRect page = pageRect();
        canvas_->resize(std::max(view.width(), page.right() + kMargin),
                        std::max(view.height(), page.height() + 2 * kMargin));
    }
    canvas_->update();
}

bool HandoutPreview::eventFilter(QObject* watched, QEvent* event) {
    if (watched == scroll_->viewport() && event->type() == QEvent::Resize) {
        updateView();
    }
    return QWidget::eventFilter(watched, event);
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

} // namespace hepdesk::gui
