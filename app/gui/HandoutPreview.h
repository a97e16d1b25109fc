#pragma once

#include "hepdesk/core/handout/Painter.h"

#include <QWidget>
#include <vector>

namespace hepdesk::gui {

/// The handout's pages, drawn by QtPainter from the same layout the PDF is written from,
/// stacked top to bottom at the widget's width (put it in a scroll area).
class HandoutPreview final : public QWidget {
    Q_OBJECT
public:
    explicit HandoutPreview(QWidget* parent = nullptr);

    void setPages(std::vector<handout::LayoutPage> pages);
    [[nodiscard]] const std::vector<handout::LayoutPage>& pages() const { return pages_; }
    /// A message instead of pages (why there is no handout yet).
    void setMessage(const QString& message);
    [[nodiscard]] QString message() const { return message_; }

    /// Draws page `index` into an image `widthPx` pixels wide (tests and thumbnails).
    [[nodiscard]] QImage renderPage(std::size_t index, int widthPx) const;

    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int width) const override;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    std::vector<handout::LayoutPage> pages_;
    QString message_;
};

} // namespace hepdesk::gui
