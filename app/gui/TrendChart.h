#pragma once

#include <QDate>
#include <QString>
#include <QWidget>
#include <vector>

namespace hepdesk::gui {

/// One measure across sessions (NPRS, ODI %, NDI %, STarT Back total).
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

    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<TrendSeries> series_;
};

} // namespace hepdesk::gui
