#pragma once

#include "hepdesk/core/handout/Painter.h"

#include <QFont>
#include <QRectF>
#include <functional>

class QPainter;

namespace hepdesk::gui {

/// The handout painter interface on a QPainter: the preview and the printer draw the very
/// pages the PDF gets. Like the PDF painter it never measures or moves anything; it maps each
/// page (PostScript points, y down) onto a rectangle of the device and draws the commands.
class QtPainter final : public handout::Painter {
public:
    /// Gives the device rectangle for page `index` of `width` x `height` points; a printer's
    /// caller starts a new sheet here for every page after the first.
    using PageRect = std::function<QRectF(int index, double width, double height)>;

    QtPainter(QPainter& painter, PageRect pageRect);

    /// Registers the handout's Noto Sans faces (the files the layout measured) with Qt once;
    /// false when a file is missing (Qt then falls back to a similar sans-serif).
    static bool loadFonts();

    void beginPage(double width, double height) override;
    void drawText(const handout::TextRun& run) override;
    void drawLine(const handout::Line& line) override;
    void drawPolyline(const handout::Polyline& polyline) override;
    void drawCircle(const handout::Circle& circle) override;
    void drawRect(const handout::Rect& rect) override;
    void drawImage(const handout::Image& image) override;
    void endPage() override;

    [[nodiscard]] int pagesPainted() const { return pages_; }

private:
    void setStroke(const std::optional<handout::Stroke>& stroke);
    QFont fontFor(handout::FontFace face, double size) const;

    QPainter& p_;
    PageRect pageRect_;
    int pages_ = 0;
};

} // namespace hepdesk::gui
