#pragma once

#include "hepdesk/core/handout/Painter.h"

#include <QWidget>
#include <vector>

class QComboBox;
class QLabel;
class QScrollArea;
class QToolButton;

namespace hepdesk::gui {

class PageCanvas;

/// The handout's pages, drawn by QtPainter from the same layout the PDF is written from, one
/// whole page at a time with page navigation and zoom (fit page, fit width, 100 %).
class HandoutPreview final : public QWidget {
    Q_OBJECT
public:
    enum class Zoom { FitPage, FitWidth, Actual };

    explicit HandoutPreview(QWidget* parent = nullptr);

    void setPages(std::vector<handout::LayoutPage> pages);
    [[nodiscard]] const std::vector<handout::LayoutPage>& pages() const { return pages_; }
    /// A message instead of pages (why there is no handout yet).
    void setMessage(const QString& message);
    [[nodiscard]] QString message() const { return message_; }

    /// The page shown (0-based); kept when the handout is laid out again, within its pages.
    [[nodiscard]] int currentPage() const { return current_; }
    void setCurrentPage(int index);
    [[nodiscard]] Zoom zoom() const { return zoom_; }
    void setZoom(Zoom zoom);
    /// Screen pixels per PDF point of the page shown.
    [[nodiscard]] double scale() const;
    /// The page as drawn on screen, in the canvas's coordinates.
    [[nodiscard]] QRect pageRect() const;

    [[nodiscard]] QToolButton* previousButton() const { return previous_; }
    [[nodiscard]] QToolButton* nextButton() const { return next_; }
    [[nodiscard]] QLabel* pageLabel() const { return pageLabel_; }
    [[nodiscard]] QComboBox* zoomBox() const { return zoomBox_; }
    [[nodiscard]] QScrollArea* scrollArea() const { return scroll_; }

    /// Draws page `index` into an image `widthPx` pixels wide (tests and thumbnails).
    [[nodiscard]] QImage renderPage(std::size_t index, int widthPx) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    friend class PageCanvas;
    void updateView();

    std::vector<handout::LayoutPage> pages_;
    QString message_;
    int current_ = 0;
    Zoom zoom_ = Zoom::FitPage;
    QToolButton* previous_ = nullptr;
    QToolButton* next_ = nullptr;
    QLabel* pageLabel_ = nullptr;
    QComboBox* zoomBox_ = nullptr;
    QScrollArea* scroll_ = nullptr;
    PageCanvas* canvas_ = nullptr;
};

} // namespace hepdesk::gui
