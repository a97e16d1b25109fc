#include "TrendChart.h"

#include "DateText.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace hepdesk::gui {
namespace {

constexpr int kPanelMinHeight = 90;
constexpr int kLeftAxis = 64;
constexpr int kRightMargin = 48; // room for the last point's change label
constexpr int kLegendSwatch = 24;
constexpr int kLegendGap = 16;
const QColor kBetter(0x1B, 0x7F, 0x3A);
const QColor kWorse(0xB0, 0x1E, 0x1E);
const QColor kLine(0x1F, 0x4E, 0x9A);
const QColor kBand(0x80, 0x80, 0x80, 40);

QString formatValue(const TrendSeries& s, double v) {
    const double rounded = std::round(v * 10.0) / 10.0;
    return s.format.arg(QLocale().toString(rounded, 'g', 4));
}

} // namespace

TrendChart::TrendChart(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("trendChart"));
    setAccessibleName(tr("Trend of scores across sessions"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void TrendChart::setSeries(std::vector<TrendSeries> series) {
    // Measures with no data take no room: a neck patient has no ODI panel.
    series.erase(std::remove_if(series.begin(), series.end(),
                                [](const TrendSeries& s) { return s.points.empty(); }),
                 series.end());
    series_ = std::move(series);
    setAccessibleDescription(summary());
    updateGeometry();
    update();
}

bool TrendChart::isImportantChange(const TrendSeries& s, std::size_t i) {
    if (i == 0 || i >= s.points.size() || s.importantChange <= 0) {
        return false;
    }
    // A small epsilon so a 2-point NPRS change counts even after floating-point arithmetic.
    return std::abs(s.points[i].value - s.points.front().value) >= s.importantChange - 1e-9;
}

QString TrendChart::summary() const {
    if (series_.empty()) {
        return tr("No scores recorded yet.");
    }
    QStringList lines;
    for (const TrendSeries& s : series_) {
        const auto& first = s.points.front();
        const auto& last = s.points.back();
        QString line =
            tr("%1: %2 on %3").arg(s.name, formatValue(s, first.value), dateText(first.date));
        if (s.points.size() > 1) {
            const bool better =
                s.lowerIsBetter ? last.value < first.value : last.value > first.value;
            QString verdict = s.importantChange > 0 ? tr("no clinically important change")
                                                    : tr("no published threshold");
            if (isImportantChange(s, s.points.size() - 1)) {
                verdict = better ? tr("clinically important improvement")
                                 : tr("clinically important worsening");
            }
            line += tr(", now %1 on %2 (%3)")
                        .arg(formatValue(s, last.value), dateText(last.date), verdict);
        }
        lines << line;
    }
    return lines.join(QLatin1Char('\n'));
}

struct TrendChart::Geometry {
    std::vector<std::pair<int, QDate>> axis; ///< session key and date, in visit order
    int panelHeight = 0;
    int titleHeight = 0;
    int plotLeft = kLeftAxis;
    int plotRight = 0;
    int plotWidth = 0;
    int datesTop = 0;  ///< top of the row of session dates
    int legendTop = 0; ///< top of the legend rows
    std::vector<std::vector<int>> legend;
    int legendRowHeight = 0;

    [[nodiscard]] double xAt(std::size_t i) const {
        if (axis.size() < 2) {
            return plotLeft + plotWidth / 2.0;
        }
        return plotLeft + static_cast<double>(i) / static_cast<double>(axis.size() - 1) * plotWidth;
    }
    [[nodiscard]] double xOf(const TrendSeries::Point& pt, std::size_t k) const {
        const int key = pt.session >= 0 ? pt.session : static_cast<int>(k);
        for (std::size_t i = 0; i < axis.size(); ++i) {
            if (axis[i].first == key) {
                return xAt(i);
            }
        }
        return xAt(0);
    }
    [[nodiscard]] int top(std::size_t panel) const {
        return static_cast<int>(panel) * panelHeight + titleHeight + 6;
    }
    [[nodiscard]] int bottom(std::size_t panel) const {
        return (static_cast<int>(panel) + 1) * panelHeight - 1 - 8;
    }
    [[nodiscard]] double yOf(const TrendSeries& s, std::size_t panel, double v) const {
        const double range = std::max(1e-9, s.maximum - s.minimum);
        const int t = top(panel);
        const int b = bottom(panel);
        return b - (std::clamp(v, s.minimum, s.maximum) - s.minimum) / range * (b - t);
    }
};

QStringList TrendChart::legendTexts() const {
    QStringList texts{tr("Score at each session")};
    const bool anyBand = std::any_of(series_.begin(), series_.end(),
                                     [](const TrendSeries& s) { return s.importantChange > 0; });
    if (anyBand) {
        texts << tr("Shaded: change too small to matter, around the first session");
    }
    texts << tr("Clinically important improvement") << tr("Clinically important worsening");
    return texts;
}

std::vector<std::vector<int>> TrendChart::legendRows(int width) const {
    std::vector<std::vector<int>> rows;
    if (series_.empty()) {
        return rows;
    }
    const QFontMetrics fm(font());
    const QStringList texts = legendTexts();
    int x = 8;
    for (int i = 0; i < texts.size(); ++i) {
        const int w = kLegendSwatch + 6 + fm.horizontalAdvance(texts[i]);
        if (rows.empty() || (x + w > width - 8 && !rows.back().empty())) {
            rows.emplace_back();
            x = 8;
        }
        rows.back().push_back(i);
        x += w + kLegendGap;
    }
    return rows;
}

TrendChart::Geometry TrendChart::geometry() const {
    Geometry g;
    const QFontMetrics fm(font());
    // One shared axis of sessions, evenly spaced in visit order (two visits on one day stay
    // apart), each labelled with its date.
    for (const auto& s : series_) {
        for (std::size_t k = 0; k < s.points.size(); ++k) {
            const int key = s.points[k].session >= 0 ? s.points[k].session : static_cast<int>(k);
            g.axis.emplace_back(key, s.points[k].date);
        }
    }
    std::sort(g.axis.begin(), g.axis.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    g.axis.erase(std::unique(g.axis.begin(), g.axis.end(),
                             [](const auto& a, const auto& b) { return a.first == b.first; }),
                 g.axis.end());
    g.legend = legendRows(width());
    g.legendRowHeight = fm.height() + 4;
    const int legendHeight =
        g.legend.empty() ? 0 : static_cast<int>(g.legend.size()) * g.legendRowHeight + 4;
    const int axisHeight = fm.height() + 8;
    const int panels = std::max<int>(1, static_cast<int>(series_.size()));
    g.panelHeight = (height() - axisHeight - legendHeight) / panels;
    g.titleHeight = fm.height();
    g.plotRight = width() - kRightMargin;
    g.plotWidth = std::max(10, g.plotRight - g.plotLeft);
    g.datesTop = height() - axisHeight - legendHeight;
    g.legendTop = height() - legendHeight;
    return g;
}

QRectF TrendChart::bandRect(std::size_t panel) const {
    if (panel >= series_.size() || series_[panel].importantChange <= 0) {
        return {};
    }
    const Geometry g = geometry();
    const TrendSeries& s = series_[panel];
    const double base = s.points.front().value;
    const double bandTop = g.yOf(s, panel, base + s.importantChange);
    const double bandBottom = g.yOf(s, panel, base - s.importantChange);
    return {g.plotLeft + 1.0, bandTop, g.plotWidth - 1.0, bandBottom - bandTop};
}

QPointF TrendChart::pointPosition(std::size_t panel, std::size_t k) const {
    if (panel >= series_.size() || k >= series_[panel].points.size()) {
        return {};
    }
    const Geometry g = geometry();
    const TrendSeries& s = series_[panel];
    return {g.xOf(s.points[k], k), g.yOf(s, panel, s.points[k].value)};
}

QRect TrendChart::legendRect() const {
    const Geometry g = geometry();
    if (g.legend.empty()) {
        return {};
    }
    return {0, g.legendTop, width(), height() - g.legendTop};
}

QSize TrendChart::sizeHint() const {
    const QFontMetrics fm(font());
    return {560, std::max<int>(1, static_cast<int>(series_.size())) * 130 + 30 +
                     2 * (fm.height() + 4) + 4};
}

QSize TrendChart::minimumSizeHint() const {
    const QFontMetrics fm(font());
    return {320, std::max<int>(1, static_cast<int>(series_.size())) * kPanelMinHeight + 30 +
                     4 * (fm.height() + 4) + 4};
}

void TrendChart::paintEvent(QPaintEvent* /*event*/) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    if (series_.empty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter, tr("No scores recorded yet."));
        return;
    }

    const Geometry g = geometry();
    for (std::size_t i = 0; i < series_.size(); ++i) {
        paintPanel(p, g, i);
    }
    paintDates(p, g);
    paintLegend(p, g);
}

// One measure's panel: title and scale, the band of unimportant change, the line and its marks.
void TrendChart::paintPanel(QPainter& p, const Geometry& g, std::size_t i) const {
    const TrendSeries& s = series_[i];
    const QColor text = palette().color(QPalette::Text);
    const QFontMetrics fm(font());
    const int plotLeft = g.plotLeft;
    const int plotRight = g.plotRight;
    const int panelTop = static_cast<int>(i) * g.panelHeight;
    const int top = g.top(i);
    const int bottom = g.bottom(i);
    auto yOf = [&](double v) { return g.yOf(s, i, v); };

    // Title and scale.
    p.setPen(text);
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.drawText(QRect(8, panelTop + 2, width() - 16, fm.height() + 2),
               Qt::AlignLeft | Qt::AlignVCenter, s.name);
    p.setFont(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    const QString hi = formatValue(s, s.maximum);
    const QString lo = formatValue(s, s.minimum);
    p.drawText(QRect(0, top - fm.height() / 2, plotLeft - 8, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, hi);
    p.drawText(QRect(0, bottom - fm.height() / 2, plotLeft - 8, fm.height()),
               Qt::AlignRight | Qt::AlignVCenter, lo);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawLine(plotLeft, top, plotLeft, bottom);
    p.drawLine(plotLeft, bottom, plotRight, bottom);

    // The band around the first value inside which a change is not clinically important.
    const double base = s.points.front().value;
    if (s.importantChange > 0) {
        p.fillRect(bandRect(i), kBand);
    }
    p.setPen(QPen(QColor(0x80, 0x80, 0x80), 1, Qt::DashLine));
    p.drawLine(QPointF(plotLeft, yOf(base)), QPointF(plotRight, yOf(base)));

    QPainterPath path;
    for (std::size_t k = 0; k < s.points.size(); ++k) {
        const QPointF pt(g.xOf(s.points[k], k), yOf(s.points[k].value));
        k == 0 ? path.moveTo(pt) : path.lineTo(pt);
    }
    p.setPen(QPen(kLine, 2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);

    for (std::size_t k = 0; k < s.points.size(); ++k) {
        const QPointF pt(g.xOf(s.points[k], k), yOf(s.points[k].value));
        const bool important = isImportantChange(s, k);
        QColor c = kLine;
        if (important) {
            const bool improved =
                s.lowerIsBetter ? s.points[k].value < base : s.points[k].value > base;
            c = improved ? kBetter : kWorse;
            p.setPen(QPen(c, 2));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(pt, 7, 7);
            const double delta = s.points[k].value - base;
            const QString label = (delta > 0 ? QStringLiteral("+") : QString()) +
                                  QLocale().toString(std::round(delta * 10.0) / 10.0, 'g', 4);
            p.drawText(QPointF(pt.x() + 9, pt.y() - 6), label);
        }
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawEllipse(pt, 3.5, 3.5);
    }
    // The latest value, in words, at the right of the title.
    p.setPen(text);
    p.drawText(QRect(8, panelTop + 2, width() - 16, fm.height() + 2),
               Qt::AlignRight | Qt::AlignVCenter,
               tr("latest %1").arg(formatValue(s, s.points.back().value)));
}

// The session dates under the axis, skipping any that would overlap the previous one.
void TrendChart::paintDates(QPainter& p, const Geometry& g) const {
    const QFontMetrics fm(font());
    p.setPen(palette().color(QPalette::PlaceholderText));
    const int y = g.datesTop + 4;
    double lastRight = -1e9;
    for (std::size_t i = 0; i < g.axis.size(); ++i) {
        const QString d = dateText(g.axis[i].second);
        const double w = fm.horizontalAdvance(d);
        const double left = std::clamp(g.xAt(i) - w / 2, 0.0, width() - w);
        if (left > lastRight + 8) {
            p.drawText(QPointF(left, y + fm.ascent()), d);
            lastRight = left + w;
        }
    }
}

// The legend: a sample of each mark, then what it means.
void TrendChart::paintLegend(QPainter& p, const Geometry& g) const {
    const QColor text = palette().color(QPalette::Text);
    const QFontMetrics fm(font());
    const QStringList texts = legendTexts();
    const bool anyBand = texts.size() == 4;
    for (std::size_t r = 0; r < g.legend.size(); ++r) {
        const int rowTop = g.legendTop + 2 + static_cast<int>(r) * g.legendRowHeight;
        const double mid = rowTop + g.legendRowHeight / 2.0;
        int x = 8;
        for (const int e : g.legend[r]) {
            const QRectF swatch(x, mid - 6, kLegendSwatch, 12);
            // Entry 1 is the band when a panel has one; the last two are always the rings.
            const int kind = anyBand ? e : (e == 0 ? 0 : e + 1);
            switch (kind) {
            case 0:
                p.setPen(QPen(kLine, 2));
                p.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid));
                p.setPen(Qt::NoPen);
                p.setBrush(kLine);
                p.drawEllipse(swatch.center(), 3.5, 3.5);
                break;
            case 1:
                p.fillRect(swatch, kBand);
                p.setPen(QPen(QColor(0x80, 0x80, 0x80), 1, Qt::DashLine));
                p.drawLine(QPointF(swatch.left(), mid), QPointF(swatch.right(), mid));
                break;
            default:
                p.setPen(QPen(kind == 2 ? kBetter : kWorse, 2));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(swatch.center(), 6, 6);
                break;
            }
            p.setPen(text);
            const int tx = x + kLegendSwatch + 6;
            // On a narrow window an entry alone on its row is shortened, never cut mid-letter.
            const QString shown = fm.elidedText(texts[e], Qt::ElideRight, width() - tx - 8);
            p.drawText(QPointF(tx, mid - fm.height() / 2.0 + fm.ascent()), shown);
            x = tx + fm.horizontalAdvance(shown) + kLegendGap;
        }
    }
}

} // namespace hepdesk::gui
