#pragma once

#include <QDate>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

class QPainter;

namespace hepdesk::gui {

/// One measure across sessions (NPRS, ODI %, NDI %, STarT Back total, PSFS mean, exercises
/// done).
struct TrendSeries {
    struct Point {
        QDate date;
        double value = 0.0;
        int session = -1; ///< the session's place in the patient's history (shared x axis)
    };
    QString name;                 ///< "Pain now (NPRS)"
    double minimum = 0.0;         ///< scale of the measure, not of the data
    double maximum = 10.0;        ///< (so two patients' charts compare at a glance)
    double importantChange = 2.0; ///< change from the first session that matters; 0: none known
    bool lowerIsBetter = true;    ///< pain, disability and risk all improve downward
    QString format = QStringLiteral("%1"); ///< how a value is written ("%1 %" for percents)
    std::vector<Point> points;             ///< in date order
};

/// Small-multiple line charts, one panel per measure on a shared date axis. Each panel shades
/// the band of change that does not matter clinically around the first session's value and
/// rings the sessions that moved beyond it (green better, red worse), with the change written.
/// A legend under the dates says what the line, the band and the rings mean.
class TrendChart final : public QWidget {
    Q_OBJECT
public:
    explicit TrendChart(QWidget* parent = nullptr);

    void setSeries(std::vector<TrendSeries> series);
    [[nodiscard]] const std::vector<TrendSeries>& series() const { return series_; }

    /// Whether point `i` of `s` differs from the first point by at least the important change.
    static bool isImportantChange(const TrendSeries& s, std::size_t i);
    /// The chart in words (for screen readers and tests): one line per measure.
    [[nodiscard]] QString summary() const;

    /// Where panel `panel` shades its band (widget coordinates; empty without a threshold).
    [[nodiscard]] QRectF bandRect(std::size_t panel) const;
    /// Where point `k` of panel `panel` is drawn (widget coordinates).
    [[nodiscard]] QPointF pointPosition(std::size_t panel, std::size_t k) const;
    /// The legend's area, under the dates (empty when there is nothing to explain).
    [[nodiscard]] QRect legendRect() const;
    /// The legend's entries, in the order drawn.
    [[nodiscard]] QStringList legendTexts() const;

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Geometry;
    [[nodiscard]] Geometry geometry() const;
    // paintEvent's parts: one panel per measure, the dates under them, the legend.
    void paintPanel(QPainter& p, const Geometry& g, std::size_t i) const;
    void paintDates(QPainter& p, const Geometry& g) const;
    void paintLegend(QPainter& p, const Geometry& g) const;
    /// Rows of legend entries (indexes into legendTexts()) that fit `width`.
    [[nodiscard]] std::vector<std::vector<int>> legendRows(int width) const;

    std::vector<TrendSeries> series_;
};

} // namespace hepdesk::gui
